// Behaviour shared by every page. No inline scripts: the Content-Security-Policy allows only files from this server.
document.addEventListener('DOMContentLoaded', () => {
  // Destructive actions ask first: <form data-confirm="…"> (confirm.js, a modal naming what goes)
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

// Toasts any page can raise: window.crmToast('Saved') or an element with data-toast="Saved" in a page or an htmx
// answer (shown once, then the attribute is dropped). Bootstrap's toast, in one container made on first use.
window.crmToast = (message, kind = 'success') => {
  let box = document.getElementById('toasts');
  if (!box) {
    box = document.createElement('div');
    box.id = 'toasts';
    box.className = 'toast-container position-fixed bottom-0 end-0 p-3';
    document.body.appendChild(box);
  }
  const toast = document.createElement('div');
  toast.className = `toast align-items-center border-0 text-bg-${kind}`;
  toast.setAttribute('role', kind === 'danger' ? 'alert' : 'status');
  toast.setAttribute('aria-live', kind === 'danger' ? 'assertive' : 'polite');
  const row = document.createElement('div');
  row.className = 'd-flex';
  const body = document.createElement('div');
  body.className = 'toast-body';
  body.textContent = message;
  if (window.crmDigits) { window.crmDigits.isolate(body); }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn-close btn-close-white me-2 m-auto';
  close.setAttribute('data-bs-dismiss', 'toast');
  close.setAttribute('aria-label', document.documentElement.lang === 'fa' ? 'بستن' : 'Close');
  row.append(body, close);
  toast.appendChild(row);
  box.appendChild(toast);
  toast.addEventListener('hidden.bs.toast', () => toast.remove());
  window.bootstrap.Toast.getOrCreateInstance(toast, { delay: 5000 }).show();
};
(() => {
  const showToasts = (root) => {
    const found = root.matches && root.matches('[data-toast]') ? [root] : [];
    found.push(...root.querySelectorAll('[data-toast]'));
    found.forEach((element) => {
      window.crmToast(element.getAttribute('data-toast'), element.getAttribute('data-toast-kind') || 'success');
      element.removeAttribute('data-toast');
    });
  };
  document.addEventListener('DOMContentLoaded', () => showToasts(document.body));
  document.addEventListener('htmx:load', (event) => showToasts(event.detail.elt));
})();

// Nothing is sent twice by a double click: a form's submit buttons are disabled while it is being submitted. Normal
// forms are disabled after the browser took the pressed button's value; htmx forms until their answer arrives.
(() => {
  const buttons = (form) => form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (event.defaultPrevented || form.hasAttribute('hx-post') || form.hasAttribute('hx-get')
        || form.hasAttribute('hx-put') || form.hasAttribute('hx-patch') || form.hasAttribute('hx-delete')) {
      return;
    }
    setTimeout(() => buttons(form).forEach((b) => { b.disabled = true; }), 0);
  });
  // Back from the browser's page cache, a form must be usable again.
  window.addEventListener('pageshow', () => document.querySelectorAll('form').forEach((form) =>
    buttons(form).forEach((b) => { b.disabled = false; })));
  document.addEventListener('htmx:beforeRequest', (event) => {
    if (event.detail.elt.tagName === 'FORM') {
      buttons(event.detail.elt).forEach((b) => { b.disabled = true; });
    }
  });
  document.addEventListener('htmx:afterRequest', (event) => {
    if (event.detail.elt.tagName === 'FORM') {
      buttons(event.detail.elt).forEach((b) => { b.disabled = false; });
    }
  });
})();

// htmx answers: for a form marked data-swap-errors a 400 is the form again with its errors, so it is shown; any
// other refusal (a 409 for a stale edit, a 404) is told in a toast in the reader's language, taken from the error
// page or problem the server sent.
const formWithErrors = (event) => {
  const sender = (event.detail.requestConfig && event.detail.requestConfig.elt) || event.detail.elt;
  return event.detail.xhr.status === 400 && sender && sender.closest('[data-swap-errors]') !== null
    && (event.detail.xhr.getResponseHeader('Content-Type') || '').startsWith('text/html');
};
document.addEventListener('htmx:beforeSwap', (event) => {
  if (formWithErrors(event)) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
document.addEventListener('htmx:responseError', (event) => {
  const xhr = event.detail.xhr;
  if (formWithErrors(event)) {
    return;
  }
  let message = '';
  try {
    if ((xhr.getResponseHeader('Content-Type') || '').includes('json')) {
      message = JSON.parse(xhr.responseText).detail || '';
    } else {
      const page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      const text = page.querySelector('.empty-state p') || page.querySelector('#error-title');
      message = text ? text.textContent.trim() : '';
    }
  } catch (e) {
    message = '';
  }
  window.crmToast(message || `${xhr.status}`, 'danger');
});

// The due-soon banner: dismissed, it stays away (across pages and polls) until a task due later than every task it
// showed comes into the hour. The banner carries that latest due time (epoch ms) in data-latest-due.
(() => {
  const key = 'crm.reminders.dismissedUntil';
  const apply = () => {
    const banner = document.getElementById('due-soon');
    if (!banner) {
      return;
    }
    const latest = Number(banner.getAttribute('data-latest-due'));
    const dismissed = Number(window.localStorage.getItem(key) || 0);
    banner.classList.toggle('d-none', latest <= dismissed);
    banner.classList.toggle('d-flex', latest > dismissed);
  };
  document.addEventListener('htmx:load', apply);
  document.addEventListener('DOMContentLoaded', apply);
  document.addEventListener('click', (event) => {
    const button = event.target.closest('#dismiss-reminders');
    const banner = button && document.getElementById('due-soon');
    if (banner) {
      window.localStorage.setItem(key, banner.getAttribute('data-latest-due'));
      apply();
    }
  });
})();
