/*
 * Chancery: moving from hit to hit in a document opened from search results (`?q=`). The server has
 * marked every hit (`<mark class="hit" id="hit-N">`) and its links work without this script; with it
 * the bar above the text says "Hit 2 of 7", its previous and next links follow the reader, the n and
 * p keys do the same from anywhere outside a form field, and the current hit is outlined. Loaded only
 * on pages with hits; no inline script (the CSP forbids it).
 */
(() => {
  // Single-key shortcuts can be set off by speech input or a stray key: the reader can turn them off
  // (WCAG 2.1.4), and the choice is kept for the next page.
  const KEYS_SETTING = 'chancery.hitKeys';
  const readSetting = () => {
    try {
      return window.localStorage.getItem(KEYS_SETTING);
    } catch {
      return null;
    }
  };
  let keysOn = readSetting() !== 'off';
  const keyToggles = [];

  function setKeys(on) {
    keysOn = on;
    for (const box of keyToggles) box.checked = on;
    try {
      window.localStorage.setItem(KEYS_SETTING, on ? 'on' : 'off');
    } catch {
      // Storage refused (private mode): the choice holds for this page.
    }
  }

  /** The keys' note in the bar, as a checkbox that turns them on and off. */
  function keysToggle(note) {
    const label = document.createElement('label');
    label.className = 'hit-nav__keys-toggle';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = keysOn;
    box.addEventListener('change', () => setKeys(box.checked));
    keyToggles.push(box);
    label.append(box, ' ', ...note.childNodes);
    note.append(label);
    note.hidden = false;
  }

  const FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

  /** The hits of the version shown: app.js hides the others. */
  function shownNavigation() {
    for (const nav of document.querySelectorAll('[data-hit-nav]')) {
      if (!nav.closest('[hidden]')) return nav;
    }
    return null;
  }

  const wrap = (n, count) => ((((n - 1) % count) + count) % count) + 1;

  function setUp(nav) {
    const count = Number(nav.dataset.hitCount);
    if (!Number.isInteger(count) || count < 1) return;
    const prefix = nav.dataset.hitPrefix || '';
    const panel = nav.closest('.version') || document;
    const position = nav.querySelector('[data-hit-position]');
    const previous = nav.querySelector('[data-hit-step="previous"]');
    const next = nav.querySelector('[data-hit-step="next"]');
    const keys = nav.querySelector('[data-hit-keys]');
    if (keys) keysToggle(keys);
    // Set before the first change, so screen readers announce each move but not the page load.
    if (position) position.setAttribute('aria-live', 'polite');
    let current = 0;

    function go(n, { focus }) {
      current = wrap(n, count);
      for (const mark of panel.querySelectorAll('mark.hit--current')) mark.classList.remove('hit--current');
      const marks = panel.querySelectorAll(`mark.hit[data-hit="${current}"]`);
      for (const mark of marks) mark.classList.add('hit--current');
      if (position) position.textContent = `Hit ${current} of ${count}`;
      if (previous) previous.setAttribute('href', `#${prefix}hit-${wrap(current - 1, count)}`);
      if (next) next.setAttribute('href', `#${prefix}hit-${wrap(current + 1, count)}`);
      const first = marks[0];
      if (!first) return;
      first.scrollIntoView({ block: 'center' });
      // From the keyboard the reader goes to the hit (a screen reader reads on from there); from the
      // bar's links focus stays on the link, so pressing it again goes on to the next hit.
      if (focus) {
        first.tabIndex = -1;
        first.focus({ preventScroll: true });
      }
      history.replaceState(history.state, '', `#${prefix}hit-${current}`);
    }

    for (const [link, step] of [
      [previous, -1],
      [next, 1],
    ]) {
      link?.addEventListener('click', (event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        go(current === 0 && step < 0 ? count : current + step, { focus: false });
      });
    }

    nav.hitNavigation = {
      step: (by) => go(current === 0 && by < 0 ? count : current + by, { focus: true }),
    };

    // Arriving at #hit-3 (a reload, a shared link): that hit is the current one.
    const target = /^#(.*)hit-(\d+)$/.exec(window.location.hash);
    if (target && target[1] === prefix && Number(target[2]) <= count) go(Number(target[2]), { focus: false });
  }

  function start() {
    const navs = [...document.querySelectorAll('[data-hit-nav]')];
    if (navs.length === 0) return;
    document.documentElement.classList.add('hits-enhanced');
    for (const nav of navs) setUp(nav);
    document.addEventListener('keydown', (event) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (!keysOn || (event.key !== 'n' && event.key !== 'p')) return;
      const target = event.target;
      if (target instanceof Element && target.closest(FIELDS)) return;
      const nav = shownNavigation();
      if (!nav?.hitNavigation) return;
      event.preventDefault();
      nav.hitNavigation.step(event.key === 'n' ? 1 : -1);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
