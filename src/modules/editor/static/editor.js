// The editor without this script works fully: names are matched or created on save, and "more rows"
// buttons ask the server for blank rows. With it: suggestions while typing (drafts' authorities too),
// rows added in place, and a warning before leaving a form with unsaved changes.
(() => {
  const debounce = (fn, ms) => {
    let timer;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  };

  let listCounter = 0;
  /** Each enhanced input gets its own list, filled from the server as the person types. */
  function ownList(input) {
    const id = `suggest-${++listCounter}`;
    const list = document.createElement('datalist');
    list.id = id;
    input.after(list);
    input.setAttribute('list', id);
    return list;
  }

  function fill(list, options) {
    list.replaceChildren(
      ...options.map(({ value, label }) => {
        const option = document.createElement('option');
        option.value = value;
        if (label) option.label = label;
        return option;
      }),
    );
  }

  async function fetchJson(url) {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return null;
    return response.json();
  }

  function enhanceAuthority(input) {
    if (input.dataset.enhanced) return;
    input.dataset.enhanced = '1';
    const list = ownList(input);
    const row = input.closest('.editor-row') ?? input.parentElement.parentElement;
    const idField = row.querySelector('[data-authority-id]');
    const idName = row.querySelector('[data-authority-id-name]');
    const kindSelect = row.querySelector('select[name$=".kind"]');
    let suggestions = [];
    if (kindSelect) {
      kindSelect.addEventListener('change', () => {
        input.dataset.authorityKind = kindSelect.value;
      });
    }
    const lookup = debounce(async () => {
      const q = input.value.trim();
      if (q.length < 1) return;
      const body = await fetchJson(
        `/admin/api/authorities?kind=${encodeURIComponent(input.dataset.authorityKind)}&q=${encodeURIComponent(q)}`,
      );
      if (!body) return;
      suggestions = body.suggestions;
      fill(
        list,
        suggestions.map((s) => ({
          value: s.name,
          label: [s.matched ? `also ${s.matched}` : '', s.dates ?? ''].filter(Boolean).join(' · '),
        })),
      );
    }, 180);
    input.addEventListener('input', () => {
      const picked = suggestions.find((s) => s.name === input.value);
      if (picked && idField && idName) {
        idField.value = String(picked.id);
        idName.value = picked.name;
      }
      lookup();
    });
  }

  function enhanceDocument(input) {
    if (input.dataset.enhanced) return;
    input.dataset.enhanced = '1';
    const list = ownList(input);
    const lookup = debounce(async () => {
      const q = input.value.trim();
      if (q.length < 2 && !/^\d+$/.test(q)) return;
      const body = await fetchJson(`/admin/api/documents?q=${encodeURIComponent(q)}`);
      if (!body) return;
      fill(
        list,
        body.suggestions.map((d) => ({ value: String(d.id), label: `${d.title} (${d.statusLabel})` })),
      );
    }, 180);
    input.addEventListener('input', lookup);
  }

  function enhance(root) {
    for (const input of root.querySelectorAll('input[data-authority-kind]')) enhanceAuthority(input);
    for (const input of root.querySelectorAll('input[data-document-picker]')) enhanceDocument(input);
  }

  /** A copy of the group's last row with the next index and empty values. */
  function addRow(group) {
    const list = document.querySelector(`ol[data-row-group="${group}"]`);
    const last = list?.lastElementChild;
    if (!last) return false;
    const index = list.children.length;
    const copy = last.cloneNode(true);
    const renumber = (value) => value.replace(new RegExp(`^${group}([.-])\\d+`), `${group}$1${index}`);
    for (const element of copy.querySelectorAll('[name], [id], [for], [aria-describedby], [list]')) {
      for (const attribute of ['name', 'id', 'for', 'aria-describedby']) {
        const value = element.getAttribute(attribute);
        if (value) element.setAttribute(attribute, value.split(' ').map(renumber).join(' '));
      }
      if (element.tagName === 'INPUT' && element.type !== 'checkbox') element.value = '';
      if (element.tagName === 'DATALIST') element.remove();
      delete element.dataset?.enhanced;
    }
    for (const error of copy.querySelectorAll('.field__error')) error.remove();
    for (const label of copy.querySelectorAll('label'))
      label.textContent = label.textContent.replace(/\d+$/, String(index + 1));
    list.append(copy);
    enhance(copy);
    copy.querySelector('input:not([type=hidden]), select')?.focus();
    return true;
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button.more-rows');
    if (button && addRow(button.value)) event.preventDefault();
  });

  const form = document.getElementById('editor-form');
  if (form) {
    let dirty = false;
    form.addEventListener('input', () => {
      dirty = true;
    });
    form.addEventListener('submit', () => {
      dirty = false;
    });
    window.addEventListener('beforeunload', (event) => {
      if (dirty) event.preventDefault();
    });
  }

  enhance(document);
})();
