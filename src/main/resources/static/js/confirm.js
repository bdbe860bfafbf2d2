// Asks before destructive actions, in a Bootstrap modal naming what goes: a form, or the button that submits it,
// with data-confirm="Delete the stage “Proposal”?" (and data-confirm-action="Delete" for the button's label).
// Escape or Cancel keeps everything; the confirm button has the focus, so Enter goes ahead.
(() => {
  const texts = () => document.documentElement.lang === 'fa'
    ? { title: 'مطمئن هستید؟', cancel: 'انصراف', go: 'تأیید' }
    : { title: 'Are you sure?', cancel: 'Cancel', go: 'Confirm' };
  let modal = null;
  const build = () => {
    const t = texts();
    const box = document.createElement('div');
    box.className = 'modal fade';
    box.id = 'confirm-modal';
    box.tabIndex = -1;
    box.setAttribute('aria-labelledby', 'confirm-title');
    box.setAttribute('aria-hidden', 'true');
    box.innerHTML = '<div class="modal-dialog"><div class="modal-content">'
      + '<div class="modal-header"><h2 class="modal-title h5" id="confirm-title"></h2></div>'
      + '<div class="modal-body"><p class="mb-0" id="confirm-message"></p></div>'
      + '<div class="modal-footer">'
      + '<button type="button" class="btn btn-outline-secondary" data-bs-dismiss="modal" id="confirm-cancel"></button>'
      + '<button type="button" class="btn btn-danger" id="confirm-go"></button></div></div></div>';
    box.querySelector('#confirm-title').textContent = t.title;
    box.querySelector('#confirm-cancel').textContent = t.cancel;
    document.body.appendChild(box);
    box.addEventListener('shown.bs.modal', () => box.querySelector('#confirm-go').focus());
    return box;
  };
  const confirmed = new WeakSet();
  document.addEventListener('submit', (event) => {
    const form = event.target;
    const submitter = event.submitter;
    const source = submitter && submitter.hasAttribute('data-confirm') ? submitter
      : (form.hasAttribute('data-confirm') ? form : null);
    if (!source) {
      return;
    }
    if (confirmed.has(form)) {
      confirmed.delete(form);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    modal = modal || build();
    modal.querySelector('#confirm-message').textContent = source.getAttribute('data-confirm');
    const go = modal.querySelector('#confirm-go');
    go.textContent = source.getAttribute('data-confirm-action')
      || (submitter && submitter.textContent.trim()) || texts().go;
    const dialog = window.bootstrap.Modal.getOrCreateInstance(modal);
    go.onclick = () => {
      go.onclick = null;
      dialog.hide();
      confirmed.add(form);
      form.requestSubmit(submitter && form.contains(submitter) ? submitter : undefined);
    };
    dialog.show();
  }, true);
})();
