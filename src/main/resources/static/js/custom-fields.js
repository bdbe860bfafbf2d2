// A record's custom fields section: "Edit" swaps the values for their form in place (the form posts with htmx and
// the section comes back shown). Delegated, so it keeps working after the section is swapped.
document.addEventListener('click', (event) => {
  const button = event.target.closest('#custom-fields-edit');
  if (!button) {
    return;
  }
  const section = button.closest('.custom-fields');
  const form = section.querySelector('form');
  const editing = form.classList.toggle('d-none') === false;
  section.querySelector('.custom-fields-values').classList.toggle('d-none', editing);
  button.setAttribute('aria-expanded', String(editing));
  if (editing) {
    const first = form.querySelector('input:not([type="hidden"]), select, textarea');
    if (first) {
      first.focus();
    }
  }
});

// Escape leaves the form without saving: the values show again as they were (after a refused save the page is read
// again, since the section then holds what was typed).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') {
    return;
  }
  const form = event.target.closest && event.target.closest('#custom-fields-form');
  if (!form || form.classList.contains('d-none')) {
    return;
  }
  event.preventDefault();
  const section = form.closest('.custom-fields');
  const button = section.querySelector('#custom-fields-edit');
  if (!button) {
    window.location.reload();
    return;
  }
  form.reset();
  form.classList.add('d-none');
  section.querySelector('.custom-fields-values').classList.remove('d-none');
  button.setAttribute('aria-expanded', 'false');
  button.focus();
});
