// The automation form shows only the inputs the chosen trigger and each action's type use.
(function () {
  const form = document.getElementById('automation-form');
  if (!form) {
    return;
  }
  const trigger = document.getElementById('trigger-type');
  const pipeline = document.getElementById('trigger-pipeline');
  const stage = document.getElementById('trigger-stage');

  function showFor(scope, attribute, value) {
    scope.querySelectorAll('[' + attribute + ']').forEach(function (el) {
      const on = el.getAttribute(attribute).split(' ').indexOf(value) >= 0;
      el.classList.toggle('d-none', !on);
    });
  }

  function refreshTrigger() {
    showFor(form, 'data-when', trigger.value);
    // a stage belongs to one pipeline: offer that pipeline's stages only
    stage.querySelectorAll('option[data-pipeline-id]').forEach(function (option) {
      const hidden = pipeline.value !== '' && option.dataset.pipelineId !== pipeline.value;
      option.hidden = hidden;
      option.disabled = hidden;
      if (hidden && option.selected) {
        stage.value = '';
      }
    });
  }

  function refreshRow(row) {
    showFor(row, 'data-action', row.querySelector('.action-type').value);
  }

  trigger.addEventListener('change', refreshTrigger);
  pipeline.addEventListener('change', refreshTrigger);
  form.querySelectorAll('.action-row').forEach(function (row) {
    row.querySelector('.action-type').addEventListener('change', function () {
      refreshRow(row);
    });
    refreshRow(row);
  });
  refreshTrigger();
})();
