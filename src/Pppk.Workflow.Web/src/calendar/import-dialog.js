// Import a whole year from a CSV: first a preview (what would be added, changed, removed, or which lines are wrong),
// then the import itself. The file replaces the year's holidays.
import { escapeHtml, h } from '../format.js';
import { calendarApi, formatDay } from './calendar-api.js';

const HEADER = 'tanggal,nama,jenis,wilayah,nama_wilayah,dasar_hukum';

function changeList(title, items, testid, describe) {
  if (!items.length) return '';
  return `<h3>${title} (${items.length})</h3><ul class="cal-changes" data-testid="${testid}">${items.map((c) => `<li>${describe(c)}</li>`).join('')}</ul>`;
}

function describe(c) {
  const where = c.region ? ` <span class="muted">(${escapeHtml(c.region)})</span>` : '';
  const before = c.before && c.before !== c.name ? ` <span class="muted">semula: ${escapeHtml(c.before)}</span>` : '';
  return `${escapeHtml(formatDay(c.date))}: ${escapeHtml(c.name)}${where}${before}`;
}

export function openImportDialog({ year, provisional, source, onDone }) {
  const dialog = h(`
    <dialog class="modal calendar-dialog wide" data-testid="import-dialog">
      <h2>Impor kalender tahun ${year} dari CSV</h2>
      <p class="small muted">Kolom: <code>${HEADER}</code> (pemisah koma atau titik koma). Isi berkas menggantikan semua hari libur tahun ${year}; unduh ekspor lebih dulu untuk menyuntingnya.</p>
      <div class="cal-form">
        <div class="wide cal-file-row"><span>Berkas CSV</span>
          <label class="button">Pilih berkas<input type="file" accept=".csv,text/csv" class="cal-file-input" data-testid="import-file"></label>
          <span class="muted" data-testid="import-file-name">Belum ada berkas dipilih</span></div>
        <label>Status <select name="status" data-testid="import-status">
          <option value="provisional" ${provisional ? 'selected' : ''}>Perkiraan (menunggu SKB)</option>
          <option value="confirmed" ${provisional ? '' : 'selected'}>Pasti (SKB sudah terbit)</option></select></label>
        <label>Dasar hukum tahun ini <input name="source" maxlength="1000" value="${escapeHtml(source || '')}"></label>
      </div>
      <div class="cal-preview" data-testid="import-preview" role="status"></div>
      <div class="actions">
        <button type="button" data-action="close">Batal</button>
        <button type="button" class="primary" data-action="apply" data-testid="import-apply" disabled>Impor</button>
      </div>
    </dialog>`);
  document.body.append(dialog);
  const preview = dialog.querySelector('[data-testid=import-preview]');
  const apply = dialog.querySelector('[data-action=apply]');
  let csv = '';
  const close = () => { dialog.close(); dialog.remove(); };
  const body = (dryRun) => ({
    csv, dryRun, provisional: dialog.querySelector('[name=status]').value === 'provisional', source: dialog.querySelector('[name=source]').value,
  });

  const showErrors = (err) => {
    const rows = err.problem?.errors;
    preview.innerHTML = rows?.length
      ? `<p class="error">Berkas ditolak; tidak ada yang diubah. Perbaiki baris berikut:</p><ul class="cal-changes error" data-testid="import-errors">${rows.map((r) => `<li>Baris ${r.line}: ${escapeHtml(r.message)}</li>`).join('')}</ul>`
      : `<p class="error">${escapeHtml(err.message)}</p>`;
  };

  dialog.querySelector('[data-testid=import-file]').addEventListener('change', async (e) => {
    apply.disabled = true;
    preview.textContent = 'Memeriksa berkas…';
    const file = e.target.files[0];
    dialog.querySelector('[data-testid=import-file-name]').textContent = file ? file.name : 'Belum ada berkas dipilih';
    csv = await file?.text() ?? '';
    try {
      const plan = await calendarApi.importYear(year, body(true));
      const none = !plan.added.length && !plan.changed.length && !plan.removed.length;
      preview.innerHTML = none ? '<p>Tidak ada perubahan: berkas sama dengan kalender sekarang.</p>'
        : changeList('Ditambah', plan.added, 'import-added', describe)
          + changeList('Diubah', plan.changed, 'import-changed', describe)
          + changeList('Dihapus', plan.removed, 'import-removed', describe);
      apply.disabled = false;
    } catch (err) {
      showErrors(err);
    }
  });
  apply.addEventListener('click', async () => {
    apply.disabled = true;
    try {
      await calendarApi.importYear(year, body(false));
      close();
      onDone();
    } catch (err) {
      showErrors(err);
    }
  });
  dialog.querySelector('[data-action=close]').addEventListener('click', close);
  dialog.addEventListener('cancel', () => dialog.remove());
  dialog.showModal();
}
