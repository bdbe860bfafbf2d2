// Persian pages: every date field becomes a Solar Hijri one. The reader sees and types the date as ۱۴۰۳/۰۵/۱۲ (or
// picks it in a month grid whose week starts on Saturday); the original field, now hidden, keeps the ISO date
// (2024-08-02) the server expects, and tells its listeners when it changes. Fields htmx brings in later get one too.
// The calendar arithmetic is the browser's own ICU Persian calendar (Intl), the same one the server uses.
// Texts come from the script element's data-* attributes, rendered by the layout in the reader's language.
(() => {
  if (document.documentElement.lang !== 'fa') {
    return;
  }
  const script = document.currentScript;
  const text = (name, fallback) => (script && script.dataset[name]) || fallback;
  const digits = window.crmDigits || { latin: (t) => t, persian: (t) => t };

  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn',
    { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { month: 'long', timeZone: 'UTC' });
  const weekdayName = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { weekday: 'narrow', timeZone: 'UTC' });
  const fullDay = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'full', timeZone: 'UTC' });
  const DAY = 86400000;

  // Gregorian (a UTC midnight Date) → { y, m, d } in the Solar Hijri calendar
  const solar = (date) => {
    const found = {};
    parts.formatToParts(date).forEach((p) => { if (p.type !== 'literal') { found[p.type] = Number(p.value); } });
    return { y: found.year, m: found.month, d: found.day };
  };
  const compare = (a, b) => (a.y - b.y) || (a.m - b.m) || (a.d - b.d);
  // Solar Hijri → the Gregorian Date (UTC midnight), or null when there is no such day (e.g. ۱۴۰۳/۰۷/۳۱)
  const gregorian = (y, m, d) => {
    if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1 && y <= 9377)) {
      return null;
    }
    const want = { y, m, d };
    const dayOfYear = (m <= 7 ? (m - 1) * 31 : 186 + (m - 7) * 30) + d - 1;
    let at = new Date(Date.UTC(y + 621, 2, 20) + dayOfYear * DAY);
    for (let i = 0; i < 6; i++) {
      const diff = compare(want, solar(at));
      if (diff === 0) {
        return at;
      }
      at = new Date(at.getTime() + Math.sign(diff) * DAY);
    }
    return null;
  };
  const monthLength = (y, m) => {
    if (m <= 6) {
      return 31;
    }
    if (m <= 11) {
      return 30;
    }
    return gregorian(y, 12, 30) ? 30 : 29;
  };
  const iso = (date) => date.toISOString().slice(0, 10);
  const fromIso = (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null);
  const pad = (n) => String(n).padStart(2, '0');
  const written = (date) => {
    const s = solar(date);
    return digits.persian(`${s.y}/${pad(s.m)}/${pad(s.d)}`);
  };
  // what the reader typed: ۱۴۰۳/۰۵/۱۲, 1403-5-12, ۱۴۰۳.۰۵.۱۲; a year after 1700 is taken as Gregorian
  const parse = (typed) => {
    const match = /^\s*(\d{3,4})\s*[/\-.٫،]\s*(\d{1,2})\s*[/\-.٫،]\s*(\d{1,2})\s*$/.exec(digits.latin(typed));
    if (!match) {
      return null;
    }
    const [y, m, d] = match.slice(1).map(Number);
    if (y > 1700) {
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
    }
    return gregorian(y, m, d);
  };
  const today = () => {
    const now = new Date();
    return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  };

  let open = null; // { field, popup, shownMonth: {y, m}, focused: Date }

  const close = (refocus) => {
    if (!open) {
      return;
    }
    const { field, popup } = open;
    popup.remove();
    field.setAttribute('aria-expanded', 'false');
    open = null;
    if (refocus) {
      field.focus();
    }
  };

  const place = (field, popup) => {
    const box = field.getBoundingClientRect();
    const width = popup.offsetWidth;
    // right-aligned with the field, as the page reads right to left; never past either edge of the screen
    let left = box.right - width;
    left = Math.max(8, Math.min(left, document.documentElement.clientWidth - width - 8));
    popup.style.left = `${left + window.scrollX}px`;
    popup.style.top = `${box.bottom + window.scrollY + 4}px`;
  };

  const choose = (field, date) => {
    const original = field.jalaliOriginal;
    field.value = date ? written(date) : '';
    field.setCustomValidity('');
    field.classList.remove('is-invalid');
    const value = date ? iso(date) : '';
    if (original.value !== value) {
      original.value = value;
      original.dispatchEvent(new Event('input', { bubbles: true }));
      original.dispatchEvent(new Event('change', { bubbles: true }));
    }
    field.title = date ? fullDay.format(date) : '';
  };

  const render = () => {
    const { popup, shownMonth, focused, field } = open;
    const { y, m } = shownMonth;
    const first = gregorian(y, m, 1);
    const selected = fromIso(field.jalaliOriginal.value);
    popup.querySelector('.jalali-title').textContent = `${monthName.format(first)} ${digits.persian(String(y))}`;
    const grid = popup.querySelector('.jalali-days');
    grid.replaceChildren();
    const blanks = (first.getUTCDay() + 1) % 7; // Saturday first
    for (let i = 0; i < blanks; i++) {
      grid.appendChild(document.createElement('span'));
    }
    const now = iso(today());
    for (let d = 1; d <= monthLength(y, m); d++) {
      const date = gregorian(y, m, d);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'jalali-day';
      button.textContent = digits.persian(String(d));
      button.dataset.date = iso(date);
      button.setAttribute('aria-label', fullDay.format(date));
      button.tabIndex = focused && iso(focused) === iso(date) ? 0 : -1;
      if (selected && iso(selected) === iso(date)) {
        button.classList.add('selected');
        button.setAttribute('aria-pressed', 'true');
      }
      if (iso(date) === now) {
        button.classList.add('today');
        button.setAttribute('aria-current', 'date');
      }
      grid.appendChild(button);
    }
  };

  const show = (month, focus) => {
    open.shownMonth = month;
    open.focused = focus;
    render();
    if (focus) {
      const button = open.popup.querySelector(`[data-date="${iso(focus)}"]`);
      if (button) {
        button.focus();
      }
    }
  };

  const stepMonth = (month, by) => {
    const index = month.y * 12 + (month.m - 1) + by;
    return { y: Math.floor(index / 12), m: (index % 12) + 1 };
  };

  const moveFocus = (days, months) => {
    let target;
    if (months) {
      const s = solar(open.focused);
      const next = stepMonth({ y: s.y, m: s.m }, months);
      target = gregorian(next.y, next.m, Math.min(s.d, monthLength(next.y, next.m)));
    } else {
      target = new Date(open.focused.getTime() + days * DAY);
    }
    const s = solar(target);
    show({ y: s.y, m: s.m }, target);
  };

  const build = () => {
    const popup = document.createElement('div');
    popup.className = 'jalali-popup shadow';
    popup.setAttribute('role', 'dialog');
    popup.setAttribute('aria-label', text('label', 'انتخاب تاریخ'));
    popup.dir = 'rtl';
    const head = document.createElement('div');
    head.className = 'jalali-head';
    const previous = document.createElement('button');
    previous.type = 'button';
    previous.className = 'btn btn-sm btn-light jalali-previous';
    previous.textContent = '›';
    previous.setAttribute('aria-label', text('previous', 'ماه قبل'));
    const title = document.createElement('div');
    title.className = 'jalali-title';
    title.setAttribute('aria-live', 'polite');
    const next = document.createElement('button');
    next.type = 'button';
    next.className = 'btn btn-sm btn-light jalali-next';
    next.textContent = '‹';
    next.setAttribute('aria-label', text('next', 'ماه بعد'));
    head.append(previous, title, next);
    const week = document.createElement('div');
    week.className = 'jalali-week';
    for (let i = 0; i < 7; i++) {
      const day = document.createElement('span');
      // 2024-01-06 was a Saturday
      day.textContent = weekdayName.format(new Date(Date.UTC(2024, 0, 6 + i)));
      week.appendChild(day);
    }
    const days = document.createElement('div');
    days.className = 'jalali-days';
    const foot = document.createElement('div');
    foot.className = 'jalali-foot';
    const todayButton = document.createElement('button');
    todayButton.type = 'button';
    todayButton.className = 'btn btn-sm btn-outline-primary jalali-today';
    todayButton.textContent = text('today', 'امروز');
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'btn btn-sm btn-link jalali-clear';
    clear.textContent = text('clear', 'پاک کردن');
    foot.append(todayButton, clear);
    popup.append(head, week, days, foot);

    previous.addEventListener('click', () => show(stepMonth(open.shownMonth, -1), null));
    next.addEventListener('click', () => show(stepMonth(open.shownMonth, 1), null));
    todayButton.addEventListener('click', () => { choose(open.field, today()); close(true); });
    clear.addEventListener('click', () => { choose(open.field, null); close(true); });
    days.addEventListener('click', (event) => {
      const button = event.target.closest('.jalali-day');
      if (button) {
        choose(open.field, fromIso(button.dataset.date));
        close(true);
      }
    });
    popup.addEventListener('keydown', (event) => {
      const onDay = event.target.classList.contains('jalali-day');
      // right to left: the arrow that points left goes forward in time
      const keys = { ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowDown: [7, 0], ArrowUp: [-7, 0],
        PageDown: [0, 1], PageUp: [0, -1] };
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
      } else if (onDay && keys[event.key]) {
        event.preventDefault();
        open.focused = fromIso(event.target.dataset.date);
        moveFocus(...keys[event.key]);
      } else if (event.key === 'Tab') {
        // focus stays inside the open calendar
        const stops = [...popup.querySelectorAll('button')].filter((b) => b.tabIndex >= 0);
        const at = stops.indexOf(document.activeElement);
        const to = event.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
        event.preventDefault();
        stops[to].focus();
      }
    });
    return popup;
  };

  const openFor = (field, focusDay) => {
    if (open && open.field === field) {
      return;
    }
    close(false);
    const popup = build();
    document.body.appendChild(popup);
    const start = parse(field.value) || fromIso(field.jalaliOriginal.value) || today();
    const s = solar(start);
    open = { field, popup, shownMonth: { y: s.y, m: s.m }, focused: start };
    field.setAttribute('aria-expanded', 'true');
    show(open.shownMonth, focusDay ? start : null);
    place(field, popup);
  };

  const attach = (root) => {
    const found = root.matches && root.matches('input[type="date"]') ? [root] : [];
    found.push(...root.querySelectorAll('input[type="date"]'));
    found.forEach((original) => {
      // the app's Solar Hijri hint under the field says what this field now shows itself
      const hint = original.dataset.solarHint && document.getElementById(original.dataset.solarHint);
      if (hint) {
        hint.remove();
      }
      const field = document.createElement('input');
      field.type = 'text';
      field.className = original.className;
      field.classList.add('jalali-field');
      field.inputMode = 'numeric';
      field.autocomplete = 'off';
      field.placeholder = digits.persian('1403/05/12');
      field.setAttribute('aria-haspopup', 'dialog');
      field.setAttribute('aria-expanded', 'false');
      field.required = original.required;
      field.disabled = original.disabled;
      ['aria-label', 'aria-describedby', 'aria-invalid'].forEach((name) => {
        if (original.hasAttribute(name)) {
          field.setAttribute(name, original.getAttribute(name));
        }
      });
      // labels point at what the reader types in; scripts keep finding the original by its id
      if (original.id) {
        field.id = `${original.id}-solar`;
        document.querySelectorAll(`label[for="${CSS.escape(original.id)}"]`).forEach((label) => {
          label.htmlFor = field.id;
        });
      }
      field.jalaliOriginal = original;
      original.type = 'hidden';
      original.dataset.jalali = field.id || 'on';
      original.insertAdjacentElement('afterend', field);
      const feedback = document.createElement('div');
      feedback.className = 'invalid-feedback jalali-feedback';
      feedback.setAttribute('aria-live', 'polite');
      field.insertAdjacentElement('afterend', feedback);
      const date = fromIso(original.value);
      field.value = date ? written(date) : '';
      field.title = date ? fullDay.format(date) : '';
      // a script that sets the original (and says so) is shown in the field
      original.addEventListener('change', () => {
        const now = fromIso(original.value);
        if (!now || written(now) !== field.value) {
          field.value = now ? written(now) : '';
          field.title = now ? fullDay.format(now) : '';
        }
      });
      field.addEventListener('click', () => openFor(field, false));
      field.addEventListener('keydown', (event) => {
        if (event.key === 'ArrowDown' || (event.altKey && event.key === 'ArrowDown')) {
          event.preventDefault();
          openFor(field, true);
        } else if (event.key === 'Escape') {
          close(false);
        } else if (event.key === 'Enter' && open && open.field === field) {
          event.preventDefault();
          field.dispatchEvent(new Event('change'));
          close(false);
        }
      });
      field.addEventListener('input', () => {
        const at = field.selectionStart;
        const shown = digits.persian(field.value);
        if (shown !== field.value) {
          field.value = shown;
          field.setSelectionRange(at, at);
        }
        const typed = parse(field.value);
        if (typed && open && open.field === field) {
          const s = solar(typed);
          show({ y: s.y, m: s.m }, null);
        }
      });
      field.addEventListener('change', () => {
        if (!field.value.trim()) {
          choose(field, null);
          return;
        }
        const typed = parse(field.value);
        if (typed) {
          choose(field, typed);
        } else {
          // an impossible date is never sent as an older one: the field says so and the form waits
          field.setCustomValidity(text('invalid', 'این تاریخ درست نیست'));
          field.classList.add('is-invalid');
          feedback.textContent = field.validationMessage;
          original.value = '';
        }
      });
    });
  };

  // forms are novalidate: a field holding an impossible date stops the form here, normal or htmx
  document.addEventListener('submit', (event) => {
    const wrong = event.target.querySelector && event.target.querySelector('.jalali-field.is-invalid');
    if (wrong) {
      event.preventDefault();
      event.stopPropagation();
      wrong.focus();
    }
  }, true);
  document.addEventListener('click', (event) => {
    if (open && !open.popup.contains(event.target) && event.target !== open.field) {
      close(false);
    }
  });
  document.addEventListener('focusin', (event) => {
    if (open && !open.popup.contains(event.target) && event.target !== open.field) {
      close(false);
    }
  });
  window.addEventListener('resize', () => { if (open) { place(open.field, open.popup); } });
  document.addEventListener('DOMContentLoaded', () => attach(document));
  document.addEventListener('htmx:load', (event) => attach(event.detail.elt));
  window.crmJalali = { solar, gregorian, parse, written };
})();
