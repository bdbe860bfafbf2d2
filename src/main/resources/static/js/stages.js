// The stage editor: drag rows by their handle (SortableJS) or use the up/down buttons; the order of the rows
// is the order of the stages when the form is saved, so the rows' field names are renumbered after each change.
(() => {
  const list = document.getElementById('stage-list');
  if (!list) {
    return;
  }

  const renumber = () => {
    list.querySelectorAll('.stage-row').forEach((row, index) => {
      row.querySelectorAll('[name^="stages["]').forEach((field) => {
        field.name = field.name.replace(/^stages\[\d+\]/, `stages[${index}]`);
      });
    });
  };

  Sortable.create(list, {
    handle: '.stage-handle',
    animation: 150,
    forceFallback: true,
    onEnd: renumber,
  });

  list.addEventListener('click', (event) => {
    const button = event.target.closest('.stage-up, .stage-down');
    if (!button) {
      return;
    }
    const row = button.closest('.stage-row');
    if (button.classList.contains('stage-up') && row.previousElementSibling) {
      list.insertBefore(row, row.previousElementSibling);
    } else if (button.classList.contains('stage-down') && row.nextElementSibling) {
      list.insertBefore(row.nextElementSibling, row);
    }
    renumber();
    button.focus();
  });
})();
