// /kalender-libur (hr-admin): the holiday calendar the working-day deadlines use. The years covered and whether each
// is confirmed by its SKB or provisional; per year a month grid and a list of national holidays, cuti bersama and
// regional holidays with their legal source; add, edit, delete, CSV import with preview, export; and a small
// calculator that counts working days as the engine does, so a change can be checked at once.
import './calendar.css';
import { escapeHtml, h, formatWita } from '../format.js';
import { calendarApi, formatDay, KIND_LABELS, MONTHS } from './calendar-api.js';
import { openHolidayDialog, openYearDialog, confirmDelete } from './holiday-dialog.js';
import { openImportDialog } from './import-dialog.js';

const WEEKDAYS = ['Sn', 'Sl', 'Rb', 'Km', 'Jm', 'Sb', 'Mg'];

function yearChip(y, selected) {
  const status = y.provisional ? 'Perkiraan' : 'Pasti';
  return `<button type="button" class="cal-year ${y.provisional ? 'provisional' : 'confirmed'} ${selected ? 'selected' : ''}" data-year="${y.year}"
    title="${escapeHtml(y.source || '')}" data-testid="year-${y.year}">${y.year} <small>${status} · ${y.holidays} hari</small></button>`;
}

function monthGrid(year, month, byDate) {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const offset = (first.getUTCDay() + 6) % 7;
  const cells = [];
  for (let i = 0; i < offset; i++) cells.push('<span></span>');
  for (let d = 1; d <= days; d++) {
    const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const weekend = (offset + d - 1) % 7 >= 5;
    const list = byDate.get(iso) || [];
    const cls = list.length ? (list.some((x) => !x.region && x.kind === 'libur') ? 'libur' : list.some((x) => !x.region) ? 'cuti' : 'daerah') : weekend ? 'weekend' : '';
    const title = list.map((x) => `${x.name}${x.region ? ` (${x.regionName || x.region})` : ''}`).join('; ');
    cells.push(`<span class="${cls}" ${title ? `title="${escapeHtml(title)}"` : ''} data-date="${iso}">${d}</span>`);
  }
  return `<div class="cal-month"><strong>${MONTHS[month]}</strong><div class="cal-days">${WEEKDAYS.map((w) => `<em>${w}</em>`).join('')}${cells.join('')}</div></div>`;
}

function holidayRow(x) {
  const where = x.region ? escapeHtml(x.regionName || x.region) : 'Nasional';
  return `<tr data-id="${x.id}" data-testid="holiday-row">
    <td class="nowrap">${escapeHtml(formatDay(x.date))}</td>
    <td>${escapeHtml(x.name)}</td>
    <td class="nowrap">${x.region ? 'Libur daerah' : KIND_LABELS[x.kind] || escapeHtml(x.kind)}</td>
    <td class="nowrap">${where}</td>
    <td class="cal-source">${escapeHtml(x.source || '–')}</td>
    <td class="nowrap"><button type="button" class="link" data-action="edit">Ubah</button><button type="button" class="link" data-action="delete">Hapus</button></td>
  </tr>`;
}

export default async function render(container, { search }) {
  const page = h(`
    <section class="page calendar-page" data-testid="calendar-page">
      <h1>Kalender libur</h1>
      <p class="muted">Libur nasional, cuti bersama dan libur daerah yang dipakai untuk menghitung batas waktu dalam hari kerja.
        Setelah tahun terakhir, hitungan hari kerja berhenti dengan insiden sampai tahun berikutnya diisi.</p>
      <div class="cal-years" data-testid="calendar-years"></div>
      <div class="cal-toolbar">
        <button type="button" class="primary" data-action="add" data-testid="holiday-add">Tambah hari libur</button>
        <button type="button" data-action="import" data-testid="import-open">Impor CSV</button>
        <a class="button" data-testid="export-link" download>Ekspor CSV</a>
        <button type="button" data-action="year" data-testid="year-edit">Status tahun</button>
        <button type="button" data-action="new-year" data-testid="year-add">Tambah tahun</button>
      </div>
      <div class="cal-status" data-testid="year-status"></div>
      <div class="cal-months" data-testid="calendar-months"></div>
      <p class="cal-legend small"><span class="libur"></span> Libur nasional <span class="cuti"></span> Cuti bersama <span class="daerah"></span> Libur daerah <span class="weekend"></span> Sabtu/Minggu</p>
      <table class="list cal-list" data-testid="holiday-list">
        <thead><tr><th>Tanggal</th><th>Nama</th><th>Jenis</th><th>Berlaku</th><th>Dasar hukum</th><th></th></tr></thead>
        <tbody></tbody>
      </table>
      <form class="cal-check" data-testid="working-day-check">
        <strong>Uji hitung hari kerja</strong>
        <label>Dari <input type="date" name="from" required></label>
        <label>tambah <input type="number" name="n" value="5" min="-366" max="366" required> hari kerja</label>
        <label>wilayah <input name="region" maxlength="50" placeholder="nasional"></label>
        <button type="submit">Hitung</button>
        <output data-testid="working-day-result"></output>
      </form>
    </section>`);
  container.append(page);

  let years = [];
  let data = null;
  let year = Number(search?.get('tahun')) || null;

  async function loadYears() {
    years = await calendarApi.years();
    if (!year || !years.some((y) => y.year === year)) {
      const current = new Date().getFullYear();
      year = years.some((y) => y.year === current) ? current : years.at(-1)?.year ?? current;
    }
    page.querySelector('[data-testid=calendar-years]').innerHTML = years.length
      ? `<span class="muted">Tahun tercakup:</span> ${years.map((y) => yearChip(y, y.year === year)).join('')}`
      : '<span class="error">Kalender masih kosong: tambahkan tahun atau impor CSV.</span>';
  }

  async function loadYear() {
    data = await calendarApi.holidays(year);
    history.replaceState(null, '', `/kalender-libur?tahun=${year}`);
    page.querySelectorAll('.cal-year').forEach((b) => b.classList.toggle('selected', Number(b.dataset.year) === year));
    page.querySelector('[data-testid=export-link]').href = calendarApi.exportUrl(year);
    const status = page.querySelector('[data-testid=year-status]');
    status.className = `cal-status notice ${data.covered ? (data.provisional ? '' : 'ok') : 'error'}`;
    status.innerHTML = !data.covered ? `Tahun ${year} belum ada di kalender.`
      : `<strong>Tahun ${year}: ${data.provisional ? 'perkiraan, menunggu SKB' : 'pasti'}</strong>`
        + (data.source ? ` — ${escapeHtml(data.source)}` : '')
        + (data.updatedBy ? ` <span class="muted small">(diubah ${escapeHtml(data.updatedBy)}, ${formatWita(data.updatedAt)})</span>` : '');
    const byDate = new Map();
    for (const x of data.holidays) byDate.set(x.date, [...(byDate.get(x.date) || []), x]);
    page.querySelector('[data-testid=calendar-months]').innerHTML = MONTHS.map((_, m) => monthGrid(year, m, byDate)).join('');
    page.querySelector('.cal-list tbody').innerHTML = data.holidays.length ? data.holidays.map(holidayRow).join('')
      : '<tr><td colspan="6" class="muted">Belum ada hari libur untuk tahun ini.</td></tr>';
    page.querySelector('[name=from]').value = `${year}-01-01`;
  }

  async function refresh() {
    await loadYears();
    await loadYear();
  }

  page.addEventListener('click', (e) => {
    const chip = e.target.closest('.cal-year');
    if (chip) { year = Number(chip.dataset.year); loadYear(); return; }
    const action = e.target.closest('[data-action]')?.dataset.action;
    const row = e.target.closest('tr[data-id]');
    const holiday = row && data.holidays.find((x) => String(x.id) === row.dataset.id);
    if (action === 'add') openHolidayDialog({ date: `${year}-01-01`, onDone: refresh });
    if (action === 'edit' && holiday) openHolidayDialog({ holiday, onDone: refresh });
    if (action === 'delete' && holiday) confirmDelete(holiday, refresh);
    if (action === 'import') openImportDialog({ year, provisional: data.covered ? data.provisional : true, source: data.source, onDone: refresh });
    if (action === 'year') openYearDialog({ year, provisional: data.covered ? data.provisional : true, source: data.source, onDone: refresh });
    if (action === 'new-year') {
      openYearDialog({ year: (years.at(-1)?.year ?? new Date().getFullYear()) + 1, isNew: true, onDone: (y) => { year = y; refresh(); } });
    }
  });
  page.querySelector('[data-testid=calendar-months]').addEventListener('click', (e) => {
    const day = e.target.closest('[data-date]');
    if (!day) return;
    const holiday = data.holidays.find((x) => x.date === day.dataset.date);
    openHolidayDialog(holiday ? { holiday, onDone: refresh } : { date: day.dataset.date, onDone: refresh });
  });
  page.querySelector('[data-testid=working-day-check]').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.target));
    const out = page.querySelector('[data-testid=working-day-result]');
    try {
      const result = await calendarApi.addWorkingDays(form.from, Number(form.n), form.region.trim());
      out.className = '';
      out.textContent = result ? `= ${formatDay(result)}` : 'Tidak dapat dihitung.';
      out.dataset.date = result || '';
    } catch (err) {
      out.className = 'error';
      out.textContent = err.problem?.detail || err.message;
      out.dataset.date = '';
    }
  });

  await refresh();
}
