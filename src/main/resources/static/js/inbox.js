// The handoff inbox: the reject form opens in its row, "other" needs a note, and "Accept selected" is usable once a
// lead is chosen. Rows are answered and replaced by htmx; what is listened for here is delegated to the document.
(() => {
  const bulkButton = () => document.getElementById('accept-selected');
  const updateBulk = () => {
    const button = bulkButton();
    if (button) {
      button.disabled = document.querySelectorAll('.select-lead:checked').length === 0;
    }
  };
  document.addEventListener('click', (event) => {
    const open = event.target.closest('.open-reject');
    if (open) {
      const form = document.getElementById(open.getAttribute('data-reject-form'));
      form.classList.remove('d-none');
      open.classList.add('d-none');
      form.querySelector('.reject-reason').focus();
      return;
    }
    const cancel = event.target.closest('.cancel-reject');
    if (cancel) {
      const form = cancel.closest('.reject-form');
      form.classList.add('d-none');
      const row = form.closest('tr');
      const button = row && row.querySelector('.open-reject');
      if (button) {
        button.classList.remove('d-none');
      }
    }
  });
  document.addEventListener('change', (event) => {
    if (event.target.matches('.reject-reason')) {
      const note = event.target.closest('.reject-form').querySelector('.reject-note');
      note.required = event.target.value === 'OTHER';
    } else if (event.target.id === 'select-all') {
      document.querySelectorAll('.select-lead').forEach((box) => { box.checked = event.target.checked; });
      updateBulk();
    } else if (event.target.matches('.select-lead')) {
      updateBulk();
    }
  });
  document.addEventListener('htmx:load', updateBulk);
  document.addEventListener('DOMContentLoaded', updateBulk);
})();
