// Add or edit one holiday (national, cuti bersama, or regional with its region), and set a year's status.
import { escapeHtml, h } from '../format.js';
import { calendarApi } from './calendar-api.js';

// The end of every dialog here: where a refusal is shown, Batal, and the action.
function footer(label, testid, cls = 'primary') {
  return `<p class="error" data-testid="dialog-error" role="alert"></p>
    <div class="actions"><button type="button" data-action="close">Batal</button>
      <button type="submit" class="${cls}" data-testid="${testid}">${label}</button></div>`;
}

function openDialog(html, onSubmit) {
  const dialog = h(html);
  document.body.append(dialog);
  const error = dialog.querySelector('[data-testid=dialog-error]');
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.querySelector('[data-action=close]').addEventListener('click', close);
  dialog.addEventListener('cancel', () => dialog.remove());
  dialog.querySelector('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const button = dialog.querySelector('[type=submit]');
    button.disabled = true;
    try {
      await onSubmit(Object.fromEntries(new FormData(e.target)));
      close();
    } catch (err) {
      error.textContent = err.message;
      button.disabled = false;
    }
  });
  dialog.showModal();
  return dialog;
}

/** The add/edit dialog; <paramref name="holiday"/> null adds one on <paramref name="date"/> (yyyy-mm-dd) of the year shown. */
export function openHolidayDialog({ holiday = null, date = '', onDone }) {
  const v = holiday || { date, name: '', kind: 'libur', region: '', regionName: '', source: '' };
  const dialog = openDialog(`
    <dialog class="modal calendar-dialog" data-testid="holiday-dialog">
      <form method="dialog">
        <h2>${holiday ? 'Ubah hari libur' : 'Tambah hari libur'}</h2>
        <div class="cal-form">
          <label>Tanggal <input type="date" name="date" required value="${escapeHtml(v.date)}" data-testid="holiday-date"></label>
          <label>Jenis <select name="kind" data-testid="holiday-kind">
            <option value="libur" ${v.kind === 'libur' ? 'selected' : ''}>Libur</option>
            <option value="cuti-bersama" ${v.kind === 'cuti-bersama' ? 'selected' : ''}>Cuti bersama</option></select></label>
          <label class="wide">Nama <input name="name" required maxlength="200" value="${escapeHtml(v.name)}" placeholder="mis. Cuti bersama Idulfitri 1448 Hijriah" data-testid="holiday-name"></label>
          <label class="wide">Dasar hukum <input name="source" maxlength="500" value="${escapeHtml(v.source || '')}" placeholder="mis. SKB Menag, Menaker, MenPANRB No. …" data-testid="holiday-source"></label>
          <label>Kode wilayah <input name="region" maxlength="50" value="${escapeHtml(v.region || '')}" placeholder="kosong = nasional; mis. kukar" data-testid="holiday-region"></label>
          <label>Nama wilayah <input name="regionName" maxlength="200" value="${escapeHtml(v.regionName || '')}" placeholder="mis. Kabupaten Kutai Kartanegara"></label>
        </div>
        <p class="small muted">Libur daerah hanya berlaku bila alur kerja menyebut kode wilayahnya saat menghitung hari kerja.</p>
        ${footer('Simpan', 'holiday-save')}
      </form>
    </dialog>`, async (body) => {
    const saved = holiday ? await calendarApi.update(holiday.id, body) : await calendarApi.add(body);
    onDone(saved);
  });
  dialog.querySelector('[name=name]').focus();
}

/** Confirmed (by its SKB) or provisional, with the legal source; also adds a year to the calendar. */
export function openYearDialog({ year, provisional = true, source = '', isNew = false, onDone }) {
  openDialog(`
    <dialog class="modal calendar-dialog" data-testid="year-dialog">
      <form method="dialog">
        <h2>${isNew ? 'Tambah tahun' : `Status tahun ${year}`}</h2>
        <div class="cal-form">
          <label>Tahun <input type="number" name="year" min="2000" max="2100" required value="${escapeHtml(year)}" ${isNew ? '' : 'readonly'} data-testid="year-number"></label>
          <label>Status <select name="status" data-testid="year-status-select">
            <option value="provisional" ${provisional ? 'selected' : ''}>Perkiraan (menunggu SKB)</option>
            <option value="confirmed" ${provisional ? '' : 'selected'}>Pasti (SKB sudah terbit)</option></select></label>
          <label class="wide">Dasar hukum <input name="source" maxlength="1000" value="${escapeHtml(source || '')}" placeholder="mis. SKB Menag, Menaker, MenPANRB No. … Tahun …"></label>
        </div>
        ${footer('Simpan', 'year-save')}
      </form>
    </dialog>`, async (body) => {
    await calendarApi.setYear(Number(body.year), { provisional: body.status === 'provisional', source: body.source });
    onDone(Number(body.year));
  });
}

/** Asks before removing a holiday. */
export function confirmDelete(holiday, onDone) {
  openDialog(`
    <dialog class="modal calendar-dialog" data-testid="delete-dialog">
      <form method="dialog">
        <h2>Hapus hari libur?</h2>
        <p><strong>${escapeHtml(holiday.name)}</strong> (${escapeHtml(holiday.date)}) dihapus dari kalender; batas waktu yang dihitung sesudahnya menganggap hari itu hari kerja.</p>
        ${footer('Hapus', 'delete-confirm', 'danger')}
      </form>
    </dialog>`, async () => {
    await calendarApi.remove(holiday.id);
    onDone();
  });
}
