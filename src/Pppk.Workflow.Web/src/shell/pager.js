// The one pager under a paged list (docs/api.md, "Paging"): page numbers while the page starts within the first 10,000
// rows (the API's OFFSET pages), then "Berikutnya" by the answer's nextCursor, so every row of a list of millions is
// reached; "Sebelumnya" steps back through the cursors followed. A capped total shows as "10.000+".
import { formatNumber } from '../format.js';

/** Rows an OFFSET page may skip (the API's cap; deeper pages go by cursor). */
export const MAX_OFFSET = 10000;

/** The query of a place the pager asked for: a page number, or a cursor page ({ cursor, page }). */
export function pageQuery(p = 1) {
  if (p && typeof p.cursor === 'string') return { cursor: p.cursor };
  return { page: Number.isInteger(p) && p > 0 ? p : 1 };
}

// The cursor pages followed under each pager, so "Sebelumnya" can step back past the 10,000th row.
const trails = new WeakMap();

/**
 * Draws the pager for the answer `data` ({ items, total, page, pageSize, totalCapped, nextCursor }) into `el`; a click
 * calls go(place): a page number, or { cursor, page } past the first 10,000 rows (pageQuery(place) makes its query).
 */
export function renderPager(el, data, go, { noun = 'data' } = {}) {
  const size = data.pageSize;
  const lastOffsetPage = Math.ceil(MAX_OFFSET / size); // the last page that starts within the first 10,000 rows
  const lastNumbered = Math.min(Math.max(1, Math.ceil(data.total / size)), lastOffsetPage);
  let trail = trails.get(el) || [];
  if (data.page > 0) trail = []; // an OFFSET page: no cursor followed
  trails.set(el, trail);
  const current = data.page > 0 ? data.page : (trail.length ? trail[trail.length - 1].page : lastOffsetPage + 1);
  const byCursor = data.page === 0;

  const prev = byCursor ? (trail.length > 1 ? trail[trail.length - 2] : lastOffsetPage) : current - 1;
  const next = !byCursor && current < lastNumbered ? current + 1
    : data.nextCursor ? { cursor: data.nextCursor, page: current + 1 } : null;
  const total = `${formatNumber(data.total)}${data.totalCapped ? '+' : ''}`;
  const of = byCursor ? '' : ` dari ${formatNumber(lastNumbered)}${data.totalCapped ? '+' : ''}`;

  el.innerHTML = `<button type="button" data-go="prev" data-testid="pager-prev" ${current <= 1 ? 'disabled' : ''}>‹ Sebelumnya</button>
    <span class="pager-pages">${numbers(current, lastNumbered).map((n) => (n === null ? '<span class="muted">…</span>'
      : `<button type="button" data-go="${n}" class="${n === current ? 'current' : ''}" ${n === current ? 'aria-current="page" disabled' : ''}>${formatNumber(n)}</button>`)).join('')}
      ${byCursor ? `<span class="muted">…</span><button type="button" class="current" aria-current="page" disabled>${formatNumber(current)}</button>` : ''}</span>
    <span class="muted" data-testid="pager-info">Halaman ${formatNumber(current)}${of} · ${total} ${noun}</span>
    <button type="button" data-go="next" data-testid="pager-next" ${next ? '' : 'disabled'}>Berikutnya ›</button>`;

  el.querySelectorAll('button[data-go]').forEach((b) => b.addEventListener('click', () => {
    const to = b.dataset.go;
    if (to === 'next') {
      if (typeof next === 'object') trails.set(el, [...trail, next]);
      go(next);
    } else if (to === 'prev') {
      if (byCursor) trails.set(el, trail.slice(0, -1));
      go(prev);
    } else {
      go(Number(to));
    }
  }));
}

// The page numbers shown: the first, the last numbered, and two either side of the current one (null: a gap).
function numbers(current, last) {
  const shown = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - current) <= 2) shown.push(n);
    else if (shown[shown.length - 1] !== null) shown.push(null);
  }
  return shown;
}
