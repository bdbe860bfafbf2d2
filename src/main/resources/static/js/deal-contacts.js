// The deal page's contacts: "Make main contact" makes another of the account's contacts the deal's main one in
// place, with the version the page holds (as an inline edit: field contactId). The badge moves, a toast confirms;
// a stale page is told who changed the deal. Every element with the deal's data-record takes the new version.
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

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('.make-main-contact');
    if (!button || button.disabled) {
      return;
    }
    event.preventDefault();
    button.disabled = true; // no second save from a double click
    const body = new URLSearchParams({
      field: 'contactId',
      value: button.dataset.contactId,
      version: button.dataset.version,
    });
    let response;
    let answer = {};
    try {
      response = await fetch(button.dataset.editUrl, {
        method: 'POST',
        headers: { ...csrf(), Accept: 'application/json' },
        body,
        credentials: 'same-origin',
      });
      answer = await response.json().catch(() => ({}));
    } catch (e) {
      button.disabled = false;
      window.crmToast(e.message, 'danger');
      return;
    }
    button.disabled = false;
    if (!response.ok) {
      const message = (answer.errors && answer.errors.length ? answer.errors[0].message : answer.detail)
        || `${response.status}`;
      window.crmToast(message, 'danger');
      return;
    }
    setVersion(button.dataset.record, answer.version);
    const list = button.closest('.deal-contacts');
    list.querySelectorAll('.deal-contact').forEach((item) => {
      const main = item.dataset.contactId === String(answer.value);
      item.querySelector('.main-contact-badge').hidden = !main;
      item.querySelector('.make-main-contact').hidden = main;
    });
    const badge = button.closest('.deal-contact').querySelector('.main-contact-badge');
    badge.setAttribute('tabindex', '-1');
    badge.focus(); // the focus stays where the reader is, on the contact now main
    window.crmToast(button.dataset.savedText);
  });
})();
