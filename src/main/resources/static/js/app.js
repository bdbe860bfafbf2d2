// Behaviour shared by every page. No inline scripts: the Content-Security-Policy allows only files from this server.
document.addEventListener('DOMContentLoaded', () => {
  // Ask before destructive actions: <form data-confirm="Are you sure?">
  document.body.addEventListener('submit', (event) => {
    const message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // Copy buttons: <button data-copy="#element">
  document.querySelectorAll('[data-copy]').forEach((button) => {
    button.addEventListener('click', () => {
      const target = document.querySelector(button.getAttribute('data-copy'));
      if (target && navigator.clipboard) {
        navigator.clipboard.writeText(target.textContent.trim());
      }
    });
  });
});

// htmx sends the CSRF token with every request that changes something.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Persian pages: under every date field, the chosen day in the Solar Hijri calendar, kept up to date as it changes
// (the browser's own picker is Gregorian). Fields that htmx brings in later get one too.
(() => {
  if (document.documentElement.lang !== 'fa') {
    return;
  }
  const day = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'full', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' });
  const solar = (input) => {
    if (!input.value) {
      return '';
    }
    // read and written in UTC, so the day never shifts with the browser's zone
    const at = new Date(input.type === 'date' ? `${input.value}T00:00Z` : `${input.value}Z`);
    return Number.isNaN(at.getTime()) ? '' : (input.type === 'date' ? day : moment).format(at);
  };
  const attach = (root) => {
    root.querySelectorAll('input[type="date"], input[type="datetime-local"]').forEach((input) => {
      if (input.dataset.solarHint) {
        return;
      }
      const hint = document.createElement('div');
      hint.className = 'form-text solar-date';
      hint.id = `${input.id || input.name}-solar`;
      input.dataset.solarHint = hint.id;
      input.insertAdjacentElement('afterend', hint);
      const update = () => { hint.textContent = solar(input); };
      input.addEventListener('input', update);
      input.addEventListener('change', update);
      update();
    });
  };
  document.addEventListener('DOMContentLoaded', () => attach(document));
  document.addEventListener('htmx:afterSwap', (event) => attach(event.target));
})();
