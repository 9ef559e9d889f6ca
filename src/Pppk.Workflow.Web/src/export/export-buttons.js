// "Unduh Excel" / "Unduh CSV" beside a list's filters: the host builds the file (GET /api/exports/{list}) with the
// list's current filters, so the file holds exactly what the list shows, on every page. A refusal (too many rows, a
// wrong filter) is shown beside the buttons in Indonesian.
import { api, ApiError, query } from '../api.js';
import { h } from '../format.js';

/**
 * Adds the two buttons to `where` (a list's filter bar). `filters` is called at each click and answers the list's
 * current filters as the list endpoint takes them, e.g. `() => ({ search: search.value, unitCode: unit.value })`.
 */
export function mountExportButtons(where, list, filters = () => ({}), { label = '' } = {}) {
  const box = h(`
    <span class="export-buttons no-print" data-testid="export-${list}">
      <button type="button" data-format="xlsx" data-testid="export-xlsx" title="Unduh ${label || 'daftar ini'} sebagai Excel (.xlsx)">Unduh Excel</button>
      <button type="button" data-format="csv" data-testid="export-csv" title="Unduh ${label || 'daftar ini'} sebagai CSV (pemisah titik koma)">Unduh CSV</button>
      <span class="export-status" role="status" data-testid="export-status"></span>
    </span>`);
  const status = box.querySelector('.export-status');
  box.querySelectorAll('button').forEach((button) => button.addEventListener('click', async () => {
    const buttons = box.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    status.className = 'export-status muted';
    status.textContent = 'Menyiapkan berkas…';
    try {
      await download(`/api/exports/${list}${query({ format: button.dataset.format, ...filters() })}`);
      status.textContent = '';
    } catch (e) {
      status.className = 'export-status error';
      status.textContent = e.message;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }));
  where.append(box);
  return box;
}

async function download(url) {
  let file;
  try {
    file = await api.blob(url);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    throw new Error(e.problem?.title || `Unduhan gagal (HTTP ${e.status})`);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file.blob);
  link.download = file.fileName || 'unduhan';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
