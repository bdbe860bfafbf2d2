// Web-form settings: the owner list offers only people of the chosen team (the server checks it again).
document.addEventListener('DOMContentLoaded', () => {
  const team = document.getElementById('route-team');
  const owner = document.getElementById('route-owner');
  if (!team || !owner) {
    return;
  }
  const filter = () => {
    Array.from(owner.options).forEach((option) => {
      const fits = option.value === '' || team.value === '' || option.dataset.team === team.value;
      option.hidden = !fits;
      option.disabled = !fits;
    });
    if (owner.selectedOptions.length && owner.selectedOptions[0].disabled) {
      owner.value = '';
    }
  };
  team.addEventListener('change', filter);
  filter();
});
