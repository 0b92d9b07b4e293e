/* Rapport – progressive enhancement (ES2017, no dependencies, no globals).
 *
 * 1. Project overview: the filter form (hidden without JavaScript) narrows the rows of its table
 *    and says how many are shown in a live region ("Viser 4 af 15 projekter").
 * 2. Sortable tables (table.sorterbar): column headers with data-sort become buttons; the sorted
 *    column carries aria-sort. Text sorts in Danish order (æ, ø, å; "Aa" as "Å").
 * 3. Main menu on small screens: a "Menu" button folds the list (the button only shows below
 *    40rem; without JavaScript the list is always open).
 * 4. Print: folded figure tables (<details>) open while printing, so the numbers are on paper.
 *
 * Without the elements it looks for, each part does nothing.
 */
(() => {
  'use strict';

  const collator = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });

  /* ── Filters ─────────────────────────────────────────────────────────────────────────── */

  function setUpFilters(form) {
    const table = document.getElementById(form.getAttribute('data-filter-for') || '');
    if (!table || !table.tBodies.length) return;
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const selects = Array.from(form.querySelectorAll('select[data-filter]'));
    const status = form.querySelector('.filter-status');
    const columns = table.tHead ? table.tHead.rows[0].cells.length : 1;

    const emptyRow = document.createElement('tr');
    emptyRow.className = 'ingen-resultater';
    emptyRow.hidden = true;
    const emptyCell = document.createElement('td');
    emptyCell.colSpan = columns;
    emptyCell.textContent = 'Ingen projekter passer til de valgte filtre.';
    emptyRow.appendChild(emptyCell);
    body.appendChild(emptyRow);

    function matches(row) {
      return selects.every((select) => {
        const wanted = select.value;
        if (!wanted) return true;
        const value = row.getAttribute('data-' + select.getAttribute('data-filter')) || '';
        return select.getAttribute('data-filter') === 'element'
          ? value.split(/\s+/).indexOf(wanted) !== -1
          : value === wanted;
      });
    }

    function apply() {
      let shown = 0;
      rows.forEach((row) => {
        const visible = matches(row);
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      emptyRow.hidden = shown > 0;
      restripe(body);
      if (status) status.textContent = 'Viser ' + shown + ' af ' + rows.length + ' projekter';
    }

    selects.forEach((select) => select.addEventListener('change', apply));
    form.addEventListener('submit', (event) => { event.preventDefault(); apply(); });
    // A reset button clears the selects after the event; filter once the values have changed.
    form.addEventListener('reset', () => window.setTimeout(apply, 0));

    table.classList.add('filtreret');
    form.hidden = false;
    apply();
  }

  /** Zebra stripes that follow the visible rows (nth-child would count hidden ones). */
  function restripe(body) {
    let index = 0;
    Array.from(body.rows).forEach((row) => {
      if (row.hidden) return;
      row.classList.toggle('stribe', index % 2 === 1);
      index += 1;
    });
  }

  /* ── Sorting ─────────────────────────────────────────────────────────────────────────── */

  const directionText = { ascending: 'stigende', descending: 'faldende' };

  function sortValue(cell, kind) {
    if (!cell) return '';
    const explicit = cell.getAttribute('data-sortvaerdi');
    if (explicit !== null) return kind === 'antal' ? Number(explicit) : explicit;
    if (kind === 'antal') {
      const items = cell.querySelectorAll('.elementnummer');
      if (items.length || !cell.textContent.trim()) return items.length;
      const number = parseFloat(cell.textContent.replace(/\./g, '').replace(',', '.'));
      return isNaN(number) ? 0 : number;
    }
    return cell.textContent.trim();
  }

  function setUpSorting(table) {
    if (!table.tHead || !table.tBodies.length) return;
    const headers = Array.from(table.tHead.rows[0].cells);
    const body = table.tBodies[0];
    const caption = table.caption;
    const captionBase = caption ? caption.textContent.replace(/\s*Sorteret efter .*$/, '') : '';
    const original = Array.from(body.rows);
    original.forEach((row, index) => { row.dataset.startraekkefoelge = String(index); });

    headers.forEach((th, column) => {
      const kind = th.getAttribute('data-sort');
      if (!kind) return;
      th.setAttribute('data-etiket', th.textContent.trim());
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sorter';
      while (th.firstChild) button.appendChild(th.firstChild);
      const arrow = document.createElement('span');
      arrow.className = 'sorteringspil';
      arrow.setAttribute('aria-hidden', 'true');
      button.appendChild(arrow);
      th.appendChild(button);
      button.addEventListener('click', () => {
        const next = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        sortBy(column, kind, next);
      });
    });

    function label(th) {
      return th.getAttribute('data-etiket') || th.textContent.trim();
    }

    function render() {
      headers.forEach((th) => {
        const arrow = th.querySelector('.sorteringspil');
        if (!arrow) return;
        const state = th.getAttribute('aria-sort');
        arrow.textContent = state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕';
      });
      const sorted = headers.find((th) => th.hasAttribute('aria-sort'));
      if (caption && sorted) {
        caption.textContent = captionBase + ' Sorteret efter ' + label(sorted).toLowerCase() + ', ' +
          directionText[sorted.getAttribute('aria-sort')] + '.';
      }
    }

    function sortBy(column, kind, direction) {
      const sign = direction === 'descending' ? -1 : 1;
      const rows = Array.from(body.rows).filter((row) => row.hasAttribute('data-startraekkefoelge'));
      const keyed = rows.map((row) => ({ row, key: sortValue(row.cells[column], kind),
        start: Number(row.dataset.startraekkefoelge) }));
      keyed.sort((a, b) => {
        const order = kind === 'antal' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
        return order !== 0 ? sign * order : a.start - b.start;
      });
      const rest = Array.from(body.rows).filter((row) => !row.hasAttribute('data-startraekkefoelge'));
      keyed.forEach((entry) => body.appendChild(entry.row));
      rest.forEach((row) => body.appendChild(row));
      headers.forEach((th, index) => {
        if (index === column) th.setAttribute('aria-sort', direction);
        else th.removeAttribute('aria-sort');
      });
      restripe(body);
      render();
    }

    table.classList.add('sorteres');
    render();
  }

  /* ── Main menu button (small screens) ────────────────────────────────────────────────── */

  function setUpMenu(nav) {
    const list = nav.querySelector('ul');
    if (!list) return;
    if (!list.id) list.id = 'hovedmenu-liste';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'menu-knap';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', list.id);
    const icon = document.createElement('span');
    icon.className = 'menu-ikon';
    icon.setAttribute('aria-hidden', 'true');
    button.appendChild(icon);
    button.appendChild(document.createTextNode('Menu'));
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('foldet', !open);
    });
    nav.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true' &&
          window.getComputedStyle(button).display !== 'none') {
        button.click();
        button.focus();
      }
    });
    nav.insertBefore(button, list);
    nav.classList.add('foldet');
  }

  /* ── Print: open folded figure tables ────────────────────────────────────────────────── */

  function setUpPrint() {
    let opened = [];
    window.addEventListener('beforeprint', () => {
      opened = Array.from(document.querySelectorAll('.figur details:not([open])'));
      opened.forEach((details) => { details.open = true; });
    });
    window.addEventListener('afterprint', () => {
      opened.forEach((details) => { details.open = false; });
      opened = [];
    });
  }

  function start() {
    Array.from(document.querySelectorAll('nav.hovedmenu')).forEach(setUpMenu);
    Array.from(document.querySelectorAll('table.sorterbar')).forEach(setUpSorting);
    Array.from(document.querySelectorAll('form.filtre[data-filter-for]')).forEach(setUpFilters);
    setUpPrint();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
