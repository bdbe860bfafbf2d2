// The record's "log activity" and "add task" forms (activity/record-forms): once the server took one, it is cleared
// for the next entry and a toast confirms it; a refused one keeps what was typed (app.js tells why).
(() => {
  if (window.crmRecordForms) {
    return;
  }
  window.crmRecordForms = true;
  document.addEventListener('htmx:afterRequest', (event) => {
    const form = event.detail.elt;
    if (form.tagName !== 'FORM' || !form.hasAttribute('data-saved-toast') || !event.detail.successful) {
      return;
    }
    form.reset();
    window.crmToast(form.getAttribute('data-saved-toast'));
  });
})();
