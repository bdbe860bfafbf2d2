// Editing a record where it is shown. Any element marked
//   <span class="inline-edit" data-edit-url="/leads/5/field" data-field="phone" data-record="lead-5"
//         data-version="3" data-value="raw value" data-input="text|email|number|date|textarea|select"
//         [data-options-from="#a-hidden-select"] [data-saved-text="Saved"] tabindex="0" role="button">shown</span>
// opens an input on click, Enter or F2. Enter (Ctrl+Enter in a text area) saves with the version, Escape cancels,
// leaving the field (Tab) saves a changed value. The server answers {value, display, version}, or a problem whose
// detail is shown at the field (a wrong value, or a conflict naming who changed the record). Every element and
// hidden version input with the same data-record takes the new version, so the page's other forms stay current.
(() => {
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  };

  const setVersion = (record, version) => {
    document.querySelectorAll(`[data-record="${CSS.escape(record)}"]`).forEach((el) => {
      if (el.tagName === 'INPUT') {
        el.value = version;
      } else {
        el.dataset.version = version;
      }
    });
  };

  const makeInput = (field) => {
    const kind = field.dataset.input || 'text';
    let input;
    if (kind === 'select') {
      input = document.createElement('select');
      input.className = 'form-select form-select-sm';
      const source = document.querySelector(field.dataset.optionsFrom);
      if (source) {
        Array.from(source.options).forEach((o) => input.appendChild(o.cloneNode(true)));
      }
    } else if (kind === 'textarea') {
      input = document.createElement('textarea');
      input.className = 'form-control form-control-sm';
      input.rows = 3;
    } else {
      input = document.createElement('input');
      input.className = 'form-control form-control-sm';
      // numbers are typed as text so Persian digits can be (the server reads them); the phone shows its keypad
      input.type = kind === 'number' ? 'text' : kind;
      if (kind === 'number') {
        input.inputMode = 'decimal';
        input.dir = 'ltr';
      }
    }
    input.name = field.dataset.field;
    if (kind === 'select' && !Array.from(input.options).some((o) => o.value === (field.dataset.value || ''))) {
      // a value the list does not offer (none yet): shown as none, so leaving the list unchanged saves nothing
      const none = document.createElement('option');
      none.value = field.dataset.value || '';
      none.textContent = '—';
      input.prepend(none);
    }
    input.value = field.dataset.value || '';
    input.setAttribute('aria-label', field.getAttribute('aria-label') || field.dataset.field);
    if (field.dataset.maxlength) {
      input.maxLength = Number(field.dataset.maxlength);
    }
    return input;
  };

  const open = (field) => {
    if (field.dataset.editing) {
      return;
    }
    field.dataset.editing = 'true';
    const box = document.createElement('div');
    box.className = 'inline-edit-box';
    const input = makeInput(field);
    const error = document.createElement('div');
    error.className = 'invalid-feedback inline-edit-error';
    error.setAttribute('role', 'alert');
    box.append(input, error);
    field.classList.add('d-none');
    field.insertAdjacentElement('afterend', box);
    input.focus();
    if (input.select && input.tagName !== 'SELECT') {
      input.select();
    }
    let state = 'open'; // open → saving → closed

    const close = (restoreFocus) => {
      state = 'closed';
      box.remove();
      field.classList.remove('d-none');
      delete field.dataset.editing;
      if (restoreFocus) {
        field.focus();
      }
    };

    const fail = (message) => {
      state = 'open';
      input.disabled = false;
      input.classList.add('is-invalid');
      error.textContent = message;
      input.focus();
    };

    const save = async (restoreFocus) => {
      if (state !== 'open') {
        return;
      }
      if (input.value === (field.dataset.value || '')) {
        close(restoreFocus);
        return;
      }
      state = 'saving';
      input.disabled = true;
      const body = new URLSearchParams({ field: field.dataset.field, value: input.value, version: field.dataset.version });
      let response;
      let answer = {};
      try {
        response = await fetch(field.dataset.editUrl, {
          method: 'POST',
          headers: { ...csrf(), Accept: 'application/json' },
          body,
          credentials: 'same-origin',
        });
        answer = await response.json().catch(() => ({}));
      } catch (e) {
        fail(e.message);
        return;
      }
      if (!response.ok) {
        const message = (answer.errors && answer.errors.length ? answer.errors[0].message : answer.detail)
          || `${response.status}`;
        fail(message);
        if (response.status === 409) {
          window.crmToast(message, 'danger');
        }
        return;
      }
      field.dataset.value = answer.value;
      field.textContent = answer.display || '—'; // a cleared field says so
      setVersion(field.dataset.record, answer.version);
      close(restoreFocus);
      field.classList.remove('inline-edit-saved');
      void field.offsetWidth; // restart the flash
      field.classList.add('inline-edit-saved');
      if (field.dataset.savedText) {
        window.crmToast(field.dataset.savedText);
      }
      field.dispatchEvent(new CustomEvent('inline-edit:saved', { bubbles: true, detail: answer }));
    };

    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
      } else if (event.key === 'Enter' && (input.tagName !== 'TEXTAREA' || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save(true);
      }
    });
    input.addEventListener('blur', () => {
      // leaving a changed field saves it, as Tab moves on; a refused value stays open until fixed or cancelled
      if (state === 'open' && !input.classList.contains('is-invalid')) {
        save(false);
      }
    });
    input.addEventListener('input', () => {
      input.classList.remove('is-invalid');
      error.textContent = '';
    });
  };

  document.addEventListener('click', (event) => {
    const field = event.target.closest('.inline-edit');
    if (field) {
      event.preventDefault();
      open(field);
    }
  });
  document.addEventListener('keydown', (event) => {
    const field = event.target.closest && event.target.closest('.inline-edit');
    if (field && (event.key === 'Enter' || event.key === 'F2' || event.key === ' ')) {
      event.preventDefault();
      open(field);
    }
  });
})();
