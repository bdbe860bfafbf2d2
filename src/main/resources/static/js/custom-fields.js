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
