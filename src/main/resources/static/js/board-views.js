// The board's and list's filters apply as they change, as the lead list's do: a pick at once, typed text after a
// pause. The Apply button stays for browsers without scripts.
(() => {
  const form = document.querySelector('#board-filter[data-autoapply]');
  if (!form) {
    return;
  }
  form.querySelectorAll('.board-apply').forEach((apply) => apply.classList.add('d-none'));
  form.querySelectorAll('select, input[type="checkbox"]').forEach((field) => {
    field.addEventListener('change', () => form.requestSubmit());
  });
  const search = form.querySelector('input[name="q"]');
  let timer = null;
  if (search) {
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => form.requestSubmit(), 500);
    });
    search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        clearTimeout(timer);
      }
    });
    // back after a search: the cursor is where the person was typing
    if (search.value && document.activeElement === document.body && new URLSearchParams(location.search).has('q')) {
      search.focus();
      search.setSelectionRange(search.value.length, search.value.length);
    }
  }
  // A filter that changes the page starts the list at its first page again.
  form.addEventListener('submit', () => {
    const page = form.querySelector('input[name="page"]');
    if (page) {
      page.remove();
    }
  });
})();
