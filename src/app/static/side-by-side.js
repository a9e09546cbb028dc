/*
 * Chancery: the side-by-side reader on wide screens. Without this script the page shows aligned rows
 * (two columns, stacked on phones), which read and print correctly. With it, wide screens get two
 * columns that scroll on their own: scrolling one brings the aligned paragraph of the other level with
 * it. Each column is a focusable region, so the keyboard scrolls it too. Printing, and narrowing the
 * window, put the rows back.
 */
(() => {
  const wide = window.matchMedia('(min-width: 56rem)');
  const print = window.matchMedia('print');

  function setUp(parallel) {
    const head = parallel.querySelector('.parallel__head');
    const rows = [...parallel.querySelectorAll('.parallel__row')];
    const headings = head ? [...head.querySelectorAll('.parallel__heading')] : [];
    if (!head || headings.length !== 2 || rows.length === 0) return;
    const sides = ['original', 'translation'];
    const cells = sides.map((side) => rows.map((row) => row.querySelector(`.parallel__cell--${side}`)));
    if (cells.some((list) => list.some((cell) => !cell))) return;

    let columns = null;
    // The scroll position each column was last moved to by the other, so that move is not echoed back.
    const expected = new Map();

    function split() {
      if (columns) return;
      columns = sides.map((side, index) => {
        const column = document.createElement('div');
        column.className = `parallel__column parallel__column--${side}`;
        column.tabIndex = 0;
        column.setAttribute('role', 'region');
        const heading = headings[index];
        if (!heading.id) heading.id = `parallel-heading-${side}`;
        column.setAttribute('aria-labelledby', heading.id);
        column.append(heading, ...cells[index]);
        return column;
      });
      head.hidden = true;
      for (const row of rows) row.hidden = true;
      parallel.classList.add('parallel--split');
      parallel.append(...columns);
      columns.forEach((column, index) => {
        column.addEventListener('scroll', () => follow(index), { passive: true });
      });
      showTarget();
    }

    function unsplit() {
      if (!columns) return;
      head.append(...headings);
      rows.forEach((row, index) => {
        row.append(cells[0][index], cells[1][index]);
        row.hidden = false;
      });
      head.hidden = false;
      for (const column of columns) column.remove();
      for (const list of cells) for (const cell of list) cell.removeAttribute('data-current');
      parallel.classList.remove('parallel--split');
      columns = null;
      expected.clear();
    }

    /** Where the reading line of a column is: just under its sticky heading. */
    const lineOf = (column, index) => column.scrollTop + headings[index].offsetHeight;

    /** The row at a column's reading line, and how far into it the line is (0 to 1). */
    function rowAtLine(index) {
      const column = columns[index];
      const line = lineOf(column, index);
      let found = 0;
      for (let i = 0; i < rows.length; i++) {
        if (cells[index][i].offsetTop <= line) found = i;
        else break;
      }
      const cell = cells[index][found];
      const fraction = cell.offsetHeight > 0 ? Math.min(1, (line - cell.offsetTop) / cell.offsetHeight) : 0;
      return { row: found, fraction: Math.max(0, fraction) };
    }

    function follow(index) {
      if (!columns) return;
      const column = columns[index];
      const echo = expected.get(column);
      if (echo !== undefined && Math.abs(column.scrollTop - echo) < 2) {
        expected.delete(column);
        return;
      }
      expected.delete(column);
      const otherIndex = 1 - index;
      const other = columns[otherIndex];
      const { row, fraction } = rowAtLine(index);
      const target = cells[otherIndex][row];
      // At either end of one column the other goes to the same end, whatever the rows' heights.
      const atStart = column.scrollTop <= 1;
      const atEnd = column.scrollTop + column.clientHeight >= column.scrollHeight - 2;
      const top = atStart
        ? 0
        : atEnd
          ? other.scrollHeight - other.clientHeight
          : target.offsetTop + fraction * target.offsetHeight - headings[otherIndex].offsetHeight;
      const next = Math.max(0, Math.min(Math.round(top), other.scrollHeight - other.clientHeight));
      for (const cell of cells[otherIndex]) cell.removeAttribute('data-current');
      target.setAttribute('data-current', '');
      if (Math.abs(other.scrollTop - next) < 2) return;
      expected.set(other, next);
      other.scrollTop = next;
    }

    /** A `#...-p-3` or hit address inside a column scrolls that column, and the other follows. */
    function showTarget() {
      if (!columns || !location.hash) return;
      let target = null;
      try {
        target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      } catch {
        return;
      }
      const index = columns.findIndex((column) => column.contains(target));
      if (index < 0) return;
      const column = columns[index];
      const top = target.getBoundingClientRect().top - column.getBoundingClientRect().top;
      column.scrollTop += top - headings[index].offsetHeight;
    }

    function update() {
      if (wide.matches && !print.matches) split();
      else unsplit();
    }
    wide.addEventListener('change', update);
    print.addEventListener('change', update);
    window.addEventListener('beforeprint', unsplit);
    window.addEventListener('afterprint', update);
    window.addEventListener('hashchange', showTarget);
    update();
  }

  function start() {
    for (const parallel of document.querySelectorAll('[data-parallel]')) setUp(parallel);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
