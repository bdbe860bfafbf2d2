// The pipeline board: drag cards (SortableJS) or use a card's menu to move a deal; the server has the last word.
(() => {
  const board = document.getElementById('board');
  if (!board) {
    return;
  }
  const message = document.getElementById('board-message');
  const csrf = () => {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  };

  const say = (text) => {
    message.textContent = text;
    message.classList.toggle('d-none', !text);
  };

  // Where a card was before it moved, so a refused move can put it back.
  const putBack = (card, origin) => {
    origin.list.insertBefore(card, origin.next && origin.next.parentNode === origin.list ? origin.next : null);
    card.classList.remove('d-none');
  };

  const updateTotals = (columns) => {
    Object.entries(columns || {}).forEach(([stageId, totals]) => {
      const column = board.querySelector(`.board-column[data-stage-id="${stageId}"]`);
      if (column) {
        column.querySelector('.board-count').textContent = totals.count;
        column.querySelector('.board-amount').textContent = totals.amount;
        column.querySelector('.board-weighted').textContent = totals.weighted;
      }
    });
  };

  const send = async (card, url, fields, origin, closing) => {
    const body = new URLSearchParams(fields);
    body.set('version', card.dataset.version);
    const response = await fetch(url, { method: 'POST', headers: csrf(), body, credentials: 'same-origin' });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      putBack(card, origin);
      say(answer.detail || response.statusText);
      return;
    }
    say('');
    card.dataset.version = answer.version;
    if (closing) {
      card.remove(); // closed deals leave the open columns
    }
    updateTotals(answer.columns);
    board.dispatchEvent(new CustomEvent('board:moved', { detail: { card, origin, answer, closing, updateTotals } }));
  };

  const lostModal = new bootstrap.Modal(document.getElementById('lost-modal'));
  const wonModal = new bootstrap.Modal(document.getElementById('won-modal'));
  let pending = null; // the card waiting for a reason or a confirmation

  const askLost = (card, stageId, origin) => {
    pending = { card, stageId, origin };
    const form = document.getElementById('lost-form');
    form.reset();
    form.querySelector('#lost-reason').classList.remove('is-invalid');
    lostModal.show();
  };

  const askWon = (card, stageId, origin) => {
    pending = { card, stageId, origin };
    document.getElementById('won-amount').value = card.dataset.amount || ''; // a deal without an amount: typed when won
    const wonDate = document.getElementById('won-date');
    wonDate.value = new Date().toISOString().slice(0, 10);
    wonDate.dispatchEvent(new Event('change'));
    wonModal.show();
  };

  const cancel = (modal) => {
    if (pending) {
      putBack(pending.card, pending.origin);
      pending = null;
    }
    modal.hide();
  };

  document.getElementById('lost-cancel').addEventListener('click', () => cancel(lostModal));
  document.getElementById('won-cancel').addEventListener('click', () => cancel(wonModal));

  document.getElementById('lost-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = document.getElementById('lost-reason');
    if (!reason.value) {
      reason.classList.add('is-invalid'); // no reason, no loss
      return;
    }
    const { card, stageId, origin } = pending;
    pending = null;
    lostModal.hide();
    send(card, `/pipeline/deals/${card.dataset.id}/move`,
      { stageId, reason: reason.value, note: document.getElementById('lost-note').value }, origin, true);
  });

  document.getElementById('won-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const { card, origin } = pending;
    pending = null;
    wonModal.hide();
    send(card, `/pipeline/deals/${card.dataset.id}/win`, {
      amount: document.getElementById('won-amount').value,
      closeDate: document.getElementById('won-date').value,
    }, origin, true);
  });

  // A card arrived in a list (by drag or by menu): save the move, or ask first when it closes the deal.
  const arrived = (card, list, origin) => {
    const stageId = list.dataset.stageId;
    const kind = list.dataset.kind;
    if (kind === 'LOST') {
      askLost(card, stageId, origin);
    } else if (kind === 'WON') {
      askWon(card, stageId, origin);
    } else {
      send(card, `/pipeline/deals/${card.dataset.id}/move`, { stageId }, origin, false);
    }
  };

  const lists = [...board.querySelectorAll('.board-cards'), ...document.querySelectorAll('.board-drop')];
  lists.forEach((list) => {
    Sortable.create(list, {
      group: 'board',
      draggable: '.board-card',
      ghostClass: 'board-ghost',
      // Mouse events instead of native HTML5 drag and drop: the same on every browser and under test.
      forceFallback: true,
      sort: false,
      filter: '.forecast-badge, .forecast-select', // the category badge opens its choices instead of dragging
      preventOnFilter: false,
      onAdd: (event) => arrived(event.item, event.to, { list: event.from, next: event.from.children[event.oldIndex] }),
    });
  });

  // A card's menu is built when it opens, from the one template of the page, for the column the card is in now.
  const menuTemplate = document.getElementById('card-menu');
  document.addEventListener('show.bs.dropdown', (event) => {
    const card = event.target.closest('.board-card');
    const menu = card && card.querySelector('.dropdown-menu');
    if (!menu || !menuTemplate) {
      return;
    }
    const items = menuTemplate.content.cloneNode(true);
    const here = card.closest('[data-stage-id]');
    items.querySelectorAll('[data-move-to]').forEach((item) => {
      if (here && item.dataset.moveTo === here.dataset.stageId) {
        item.closest('li').remove();
      }
    });
    items.querySelectorAll('a[href*="DEAL_ID"]').forEach((link) => {
      link.setAttribute('href', link.getAttribute('href').replace('DEAL_ID', card.dataset.id));
    });
    menu.replaceChildren(items);
  });

  // The keyboard and menu way: "Move to" on a card.
  document.addEventListener('click', (event) => {
    const item = event.target.closest('[data-move-to]');
    if (!item) {
      return;
    }
    const card = item.closest('.board-card');
    const origin = { list: card.parentNode, next: card.nextElementSibling };
    const target = document.querySelector(`.board-cards[data-stage-id="${item.dataset.moveTo}"]`)
      || document.querySelector(`.board-drop[data-stage-id="${item.dataset.moveTo}"]`);
    if (!target) {
      return;
    }
    target.insertBefore(card, target.querySelector('.board-card'));
    arrived(card, target, origin);
  });
})();
