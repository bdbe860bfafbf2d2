// The lists' Export links take the list's current filters from the address bar (the filter forms keep it current).
(function () {
  if (window.crmExportLinks) {
    return;
  }
  window.crmExportLinks = true;
  var notFilters = ['page', 'size', 'sort', 'format'];
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a.export-link');
    if (!link) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    new URLSearchParams(window.location.search).forEach(function (value, name) {
      if (value !== '' && notFilters.indexOf(name) < 0) {
        url.searchParams.set(name, value);
      }
    });
    url.searchParams.set('format', link.dataset.format);
    link.href = url.pathname + url.search;
  });
})();
