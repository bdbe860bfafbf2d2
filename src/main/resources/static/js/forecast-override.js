// A deal's forecast category changed from its badge on a board card or a row of the deal list. Click, Enter or
// Space on the badge opens the choices; Enter (or leaving a changed choice) saves it with the version of the card
// or row (the nearest [data-version]), Escape cancels. The badge then shows the category, marked as chosen or as
// the stage's default; a refused change (a stale version: someone else changed the deal) is shown where the page
// shows its conflicts and the badge keeps its category.
(() => {
  const options = document.getElementById('forecast-category-options');
  if (!options) {
    return;
  }
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  };
  const toast = (text, kind) => {
    if (window.crmToast) {
      window.crmToast(text, kind);
    }
  };
  const conflict = (text) => {
    const message = document.getElementById('board-message');
    if (message) {
      message.textContent = text;
      message.classList.remove('d-none');
    }
    toast(text, 'danger');
  };

  const open = (badge) => {
    if (badge.dataset.editing) {
      return;
    }
    badge.dataset.editing = 'true';
    const holder = badge.closest('[data-version]');
    const select = document.createElement('select');
    select.className = 'form-select form-select-sm d-inline-block w-auto forecast-select';
    select.setAttribute('aria-label', options.dataset.label);
    Array.from(options.options).forEach((o) => select.appendChild(o.cloneNode(true)));
    select.value = badge.dataset.value;
    badge.classList.add('d-none');
    badge.insertAdjacentElement('afterend', select);
    select.focus();
    let state = 'open';

    const close = (restoreFocus) => {
      state = 'closed';
      select.remove();
      badge.classList.remove('d-none');
      delete badge.dataset.editing;
      if (restoreFocus) {
        badge.focus();
      }
    };

    const save = async (restoreFocus) => {
      if (state !== 'open') {
        return;
      }
      if (select.value === badge.dataset.value) {
        close(restoreFocus);
        return;
      }
      state = 'saving';
      select.disabled = true;
      const chosen = select.value;
      const label = select.options[select.selectedIndex].textContent;
      const body = new URLSearchParams({ field: 'forecastCategory', value: chosen, version: holder.dataset.version });
      let response;
      let answer = {};
      try {
        response = await fetch(`/opportunities/${badge.dataset.id}/field`, {
          method: 'POST',
          headers: { ...csrf(), Accept: 'application/json' },
          body,
          credentials: 'same-origin',
        });
        answer = await response.json().catch(() => ({}));
      } catch (e) {
        close(restoreFocus);
        toast(e.message, 'danger');
        return;
      }
      close(restoreFocus);
      if (!response.ok) {
        const text = (answer.errors && answer.errors.length ? answer.errors[0].message : answer.detail)
          || `${response.status}`;
        if (response.status === 409) {
          conflict(text);
        } else {
          toast(text, 'danger');
        }
        return;
      }
      holder.dataset.version = answer.version;
      badge.dataset.value = answer.value;
      const overridden = answer.value !== 'DEFAULT';
      // a chosen category is its name; given back to the stage, the server names the stage's category
      badge.textContent = overridden ? label : answer.display;
      badge.title = overridden ? options.dataset.overridden : options.dataset.default;
      badge.classList.toggle('text-bg-info', overridden);
      badge.classList.toggle('text-bg-light', !overridden);
      badge.setAttribute('aria-label', `${options.dataset.label}: ${badge.textContent}`);
      toast(options.dataset.savedText);
    };

    select.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close(true);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        event.stopPropagation();
        save(true);
      }
    });
    select.addEventListener('blur', () => save(false));
  };

  document.addEventListener('click', (event) => {
    const badge = event.target.closest('.forecast-badge[data-id]');
    if (badge) {
      event.preventDefault();
      event.stopPropagation();
      open(badge);
    }
  });
})();
