// Every move, win and loss on the board is confirmed in a toast offering "Undo" for a few seconds. Undo is the
// reverse step with the card's new version — a move back, or for a closed deal a reopen into the stage it left —
// so the deal's history records it like any move, and a change by someone else in between is refused as stale.
(() => {
  const board = document.getElementById('board');
  if (!board) {
    return;
  }
  const UNDO_SECONDS = 8;
  const text = (name, ...args) => args.reduce((t, a, i) => t.replace(`{${i}}`, a), board.dataset[name] || '');
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  };
  const stageName = (list) => {
    const column = list && list.closest('.board-column');
    return column ? column.querySelector('.board-column-header .fw-semibold').textContent.trim() : '';
  };
  // above the won/lost zones, so the toast never covers where the next card is dropped
  const container = () => {
    let box = document.getElementById('board-toasts');
    if (!box) {
      box = document.createElement('div');
      box.id = 'board-toasts';
      box.className = 'toast-container position-fixed start-50 translate-middle-x p-3 board-toasts';
      document.body.appendChild(box);
    }
    return box;
  };

  const undo = async (detail, toast) => {
    const { card, origin, answer, closing, updateTotals } = detail;
    toast.hide();
    const body = new URLSearchParams({ version: answer.version });
    let url = `/pipeline/deals/${answer.id}/reopen`;
    if (!closing) {
      url = `/pipeline/deals/${answer.id}/move`;
      body.set('stageId', origin.list.dataset.stageId);
    }
    const response = await fetch(url, { method: 'POST', headers: csrf(), body, credentials: 'same-origin' });
    const back = await response.json().catch(() => ({}));
    if (!response.ok) {
      window.crmToast(back.detail || text('undoFailed'), 'danger');
      return;
    }
    card.dataset.version = back.version;
    // the deal is where it was: in the column it left (a reopened deal is back among the open cards)
    const home = board.querySelector(`.board-cards[data-stage-id="${back.stageId}"]`);
    if (home) {
      home.insertBefore(card, origin.next && origin.next.parentNode === home ? origin.next : home.querySelector('.board-card'));
      card.classList.remove('d-none');
      card.focus();
    }
    updateTotals(back.columns);
    window.crmToast(text('undone', card.dataset.name));
  };

  board.addEventListener('board:moved', (event) => {
    const detail = event.detail;
    const { card, answer } = detail;
    let message;
    if (answer.status === 'WON') {
      message = text('won', card.dataset.name);
    } else if (answer.status === 'LOST') {
      message = text('lost', card.dataset.name);
    } else {
      message = text('moved', card.dataset.name, stageName(card.parentNode));
    }
    const element = document.createElement('div');
    element.className = 'toast align-items-center border-0 text-bg-dark board-undo-toast';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    const row = document.createElement('div');
    row.className = 'd-flex align-items-center';
    const body = document.createElement('div');
    body.className = 'toast-body';
    body.textContent = message;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-sm btn-light ms-auto me-2 board-undo';
    button.textContent = text('undo');
    row.append(body, button);
    element.appendChild(row);
    container().appendChild(element);
    const toast = window.bootstrap.Toast.getOrCreateInstance(element, { delay: UNDO_SECONDS * 1000 });
    element.addEventListener('hidden.bs.toast', () => element.remove());
    button.addEventListener('click', () => {
      button.disabled = true;
      undo(detail, toast);
    });
    toast.show();
  });
})();
