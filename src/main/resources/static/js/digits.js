// Persian pages: number fields show and take Persian digits (۰–۹, ٫ for the decimal point, ٬ to group), as typed on
// a Persian keyboard; what the form sends has Latin digits. Fields that htmx brings in later are handled too.
// window.crmDigits.latin(text) / .persian(text) are there for any script that reads such a field.
(() => {
  const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
  const ARABIC = '٠١٢٣٤٥٦٧٨٩';
  const latin = (text) => String(text)
    .replace(/[۰-۹]/g, (d) => String(PERSIAN.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC.indexOf(d)));
  const persian = (text) => String(text).replace(/[0-9]/g, (d) => PERSIAN[Number(d)]);
  // a number as the server reads it: Latin digits, '.' for the point, no grouping
  const plainNumber = (text) => latin(text).replace(/٫/g, '.').replace(/[٬،,\s]/g, '').replace(/−/g, '-');
  // a number as a Persian reader writes it: grouped by thousands when it is one
  const shown = (text) => {
    const plain = plainNumber(text);
    const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(plain);
    if (!match) {
      return persian(text);
    }
    const whole = match[2].replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '٬');
    // a fraction of zeros (1250000.00 as the server writes an amount) says nothing
    const fraction = match[3] === undefined || /^0+$/.test(match[3]) ? '' : `٫${match[3]}`;
    return persian(`${match[1]}${whole}${fraction}`);
  };
  // Right-to-left text: e-mail addresses, phone numbers and ids (#42) inside it keep their own left-to-right order
  // (a phone number's groups would otherwise run backwards). Each becomes a <bdi dir="ltr">; text already isolated is
  // left alone. Runs on timelines, board cards, toasts and anything marked data-bidi, also when htmx brings them.
  const LTR = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?[0-9۰-۹٠-٩][0-9۰-۹٠-٩ ()-]{5,}[0-9۰-۹٠-٩]|#[0-9۰-۹٠-٩]+)/g;
  const isolate = (root) => {
    if (document.documentElement.dir !== 'rtl' || !root) {
      return;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest('bdi, [dir="ltr"], script, style, textarea')
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes = [];
    while (walker.nextNode()) {
      LTR.lastIndex = 0;
      if (LTR.test(walker.currentNode.nodeValue)) {
        nodes.push(walker.currentNode);
      }
    }
    nodes.forEach((node) => {
      const pieces = node.nodeValue.split(LTR);
      const fragment = document.createDocumentFragment();
      pieces.forEach((piece, i) => {
        if (i % 2 === 1) {
          const bdi = document.createElement('bdi');
          bdi.dir = 'ltr';
          bdi.textContent = piece;
          fragment.appendChild(bdi);
        } else if (piece) {
          fragment.appendChild(document.createTextNode(piece));
        }
      });
      node.replaceWith(fragment);
    });
  };
  const ISOLATED = '.timeline-entry, .board-card, .toast-body, [data-bidi]';
  const isolateIn = (root) => {
    if (root.matches && root.matches(ISOLATED)) {
      isolate(root);
    }
    root.querySelectorAll(ISOLATED).forEach(isolate);
  };
  document.addEventListener('DOMContentLoaded', () => isolateIn(document));
  document.addEventListener('htmx:load', (event) => isolateIn(event.detail.elt));

  window.crmDigits = { latin, persian, plainNumber, isolate };
  if (document.documentElement.lang !== 'fa') {
    return;
  }

  const attach = (root) => {
    const found = root.matches && root.matches('input[type="number"]') ? [root] : [];
    found.push(...root.querySelectorAll('input[type="number"]'));
    found.forEach((input) => {
      const step = input.getAttribute('step');
      input.dataset.digits = 'number';
      input.type = 'text';
      input.inputMode = step && (step === 'any' || step.includes('.')) ? 'decimal' : 'numeric';
      input.autocomplete = 'off';
      input.value = shown(input.value);
      // typed Latin digits turn Persian as they come; the caret stays where it was (same length)
      input.addEventListener('input', () => {
        const at = input.selectionStart;
        const text = persian(input.value).replace(/\./g, '٫');
        if (text !== input.value) {
          input.value = text;
          input.setSelectionRange(at, at);
        }
      });
      input.addEventListener('change', () => { input.value = shown(input.value); });
    });
  };
  const toLatin = (form) => form.querySelectorAll('[data-digits="number"]').forEach((input) => {
    input.value = plainNumber(input.value);
  });
  const toPersian = (form) => form.querySelectorAll('[data-digits="number"]').forEach((input) => {
    input.value = shown(input.value);
  });

  document.addEventListener('DOMContentLoaded', () => attach(document));
  document.addEventListener('htmx:load', (event) => attach(event.detail.elt));
  // A normal form sends Latin digits; if the browser stays on the page (a refused confirmation), it shows them
  // Persian again.
  document.addEventListener('submit', (event) => {
    if (event.defaultPrevented || !(event.target instanceof HTMLFormElement)) {
      return;
    }
    toLatin(event.target);
    setTimeout(() => toPersian(event.target), 0);
  });
  window.addEventListener('pageshow', () => toPersian(document));
  // htmx requests: each number field of the sending form (or the field itself) goes as Latin digits
  document.addEventListener('htmx:configRequest', (event) => {
    const sender = event.detail.elt;
    const scope = sender.closest('form') || sender;
    const fields = [...scope.querySelectorAll('[data-digits="number"]')];
    if (sender.matches('[data-digits="number"]')) {
      fields.push(sender);
    }
    fields.forEach((input) => {
      const parameters = event.detail.parameters;
      if (input.name && parameters[input.name] === input.value) {
        parameters[input.name] = plainNumber(input.value);
      }
    });
  });
})();
