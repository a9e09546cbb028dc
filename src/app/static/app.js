/*
 * Chancery: the one script of the public site. Every page works without it; it only adds copy
 * buttons, the device's share sheet, switching between versions of a document without a reload,
 * and keyboard conveniences. No framework, no third-party code, no inline script (the CSP forbids it).
 */
(() => {
  // ---------- Announcements for screen readers ----------

  let liveRegion;
  function announce(message) {
    if (!liveRegion) {
      liveRegion = document.createElement('div');
      liveRegion.className = 'visually-hidden';
      liveRegion.setAttribute('role', 'status');
      liveRegion.setAttribute('aria-live', 'polite');
      document.body.appendChild(liveRegion);
    }
    liveRegion.textContent = '';
    // A fresh text node after a tick makes screen readers announce repeated messages too.
    window.setTimeout(() => {
      liveRegion.textContent = message;
    }, 50);
  }

  // ---------- Copy to clipboard ----------

  function copyWithSelection(text) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let done = false;
    try {
      done = document.execCommand('copy');
    } catch {
      done = false;
    }
    area.remove();
    return done;
  }

  async function copy(text, html) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        if (html && typeof ClipboardItem === 'function') {
          await navigator.clipboard.write([
            new ClipboardItem({
              'text/plain': new Blob([text], { type: 'text/plain' }),
              'text/html': new Blob([html], { type: 'text/html' }),
            }),
          ]);
        } else {
          await navigator.clipboard.writeText(text);
        }
        return true;
      } catch {
        // Fall through to the older way (some browsers refuse rich clipboard items).
      }
    }
    return copyWithSelection(text);
  }

  function setUpCopyButtons() {
    for (const button of document.querySelectorAll('button.copy-button[data-copy-text]')) {
      const label = button.textContent;
      button.hidden = false;
      button.addEventListener('click', async () => {
        const describedId = button.getAttribute('aria-describedby');
        const source = describedId ? document.getElementById(describedId) : null;
        const ok = await copy(button.dataset.copyText, source ? source.innerHTML : undefined);
        button.textContent = ok ? 'Copied' : 'Press Ctrl+C to copy';
        if (ok) button.setAttribute('data-copied', '');
        announce(ok ? 'Copied to the clipboard.' : 'Copying failed; select the text and copy it.');
        window.setTimeout(() => {
          button.textContent = label;
          button.removeAttribute('data-copied');
        }, 2500);
      });
    }
  }

  // ---------- Citation style chooser ----------

  // Without scripts the styles are a list of links (?cite=apa#cite); with them, one select whose
  // choice follows the same link, so each style keeps its address and the page its cache entry.
  function setUpStyleChooser() {
    for (const nav of document.querySelectorAll('nav.citation-styles')) {
      const links = [...nav.querySelectorAll('a[data-style]')];
      if (links.length < 2) continue;
      const select = document.createElement('select');
      select.className = 'citation-styles__select';
      select.setAttribute('aria-label', 'Citation style');
      for (const link of links) {
        const option = new Option(link.textContent, link.href);
        option.selected = link.getAttribute('aria-current') === 'true';
        select.append(option);
      }
      select.addEventListener('change', () => window.location.assign(select.value));
      const list = nav.querySelector('ul');
      if (list) list.replaceWith(select);
    }
  }

  // ---------- Share sheet ----------

  function setUpNativeShare() {
    if (typeof navigator.share !== 'function') return;
    for (const button of document.querySelectorAll('button.native-share')) {
      button.hidden = false;
      button.addEventListener('click', () => {
        navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl }).catch(() => {});
      });
    }
  }

  // ---------- Citation and share disclosures ----------

  function setUpActions() {
    const actions = [...document.querySelectorAll('details.action')];
    if (actions.length === 0) return;
    for (const details of actions) {
      details.addEventListener('toggle', () => {
        if (!details.open) return;
        for (const other of actions) if (other !== details) other.open = false;
      });
    }
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      const open = actions.find((d) => d.open);
      if (!open) return;
      open.open = false;
      open.querySelector('summary')?.focus();
    });
    document.addEventListener('click', (event) => {
      for (const details of actions) {
        if (details.open && !details.contains(event.target)) details.open = false;
      }
    });
  }

  // ---------- Version tabs ----------

  /** A PDF in a version that was not shown at first is only loaded when the reader opens it. */
  function ensurePdfViewer(panel) {
    const viewer = panel.querySelector('.pdf-viewer[data-pdf-src]');
    if (!viewer || viewer.querySelector('object')) return;
    const object = document.createElement('object');
    object.className = 'pdf-viewer__object';
    object.type = 'application/pdf';
    object.data = viewer.dataset.pdfSrc;
    if (viewer.dataset.pdfTitle) object.title = viewer.dataset.pdfTitle;
    const fallback = viewer.querySelector('.pdf-fallback');
    if (fallback) object.appendChild(fallback);
    viewer.insertBefore(object, viewer.firstChild);
  }

  function setUpVersionTabs() {
    const nav = document.querySelector('[data-version-tabs]');
    if (!nav) return;
    const list = nav.querySelector('ul');
    const tabs = [...nav.querySelectorAll('a[data-view]')];
    const panelOf = (tab) => document.getElementById(tab.getAttribute('aria-controls'));
    if (!list || tabs.length === 0 || tabs.some((tab) => !panelOf(tab))) return;

    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', nav.getAttribute('aria-label') || 'Versions');
    for (const item of list.children) item.setAttribute('role', 'presentation');
    for (const tab of tabs) {
      const panel = panelOf(tab);
      tab.setAttribute('role', 'tab');
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
    }

    function select(tab, { focus = false, updateUrl = true } = {}) {
      for (const other of tabs) {
        const selected = other === tab;
        other.setAttribute('aria-selected', String(selected));
        other.tabIndex = selected ? 0 : -1;
        other.removeAttribute('aria-current');
        panelOf(other).hidden = !selected;
      }
      ensurePdfViewer(panelOf(tab));
      if (focus) tab.focus();
      if (updateUrl) history.replaceState(history.state, '', tab.href);
    }

    const initial = tabs.find((tab) => tab.getAttribute('aria-current') === 'page') || tabs[0];
    select(initial, { updateUrl: false });

    for (const tab of tabs) {
      tab.addEventListener('click', (event) => {
        // Let modified clicks open the version in a new tab or window as a normal link would.
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        select(tab, { focus: true });
      });
      tab.addEventListener('keydown', (event) => {
        const index = tabs.indexOf(tab);
        let next;
        if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = tabs[(index + 1) % tabs.length];
        else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
          next = tabs[(index - 1 + tabs.length) % tabs.length];
        else if (event.key === 'Home') next = tabs[0];
        else if (event.key === 'End') next = tabs[tabs.length - 1];
        else if (event.key === ' ') next = tab;
        if (!next) return;
        event.preventDefault();
        select(next, { focus: true });
      });
    }
  }

  function start() {
    setUpCopyButtons();
    setUpStyleChooser();
    setUpNativeShare();
    setUpActions();
    setUpVersionTabs();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
