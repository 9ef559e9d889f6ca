// The dashboard's warning that the holiday data runs out: 90 days before its last day (and after it), with a link to the
// calendar screen. Mounted by dashboard.js with one call; silent when the data reaches further or the call fails.
import { h, escapeHtml } from '../format.js';
import { calendarApi, formatDay } from './calendar-api.js';

export async function mountCalendarWarning(page) {
  let coverage;
  try {
    coverage = await calendarApi.coverage();
  } catch {
    return;
  }
  if (!coverage.warn || !page.isConnected) return;
  const text = coverage.lastDay
    ? `Data hari libur berakhir ${escapeHtml(formatDay(coverage.lastDay, { weekday: false }))}`
      + (coverage.daysLeft >= 0 ? ` (${coverage.daysLeft} hari lagi)` : ` (sudah lewat ${-coverage.daysLeft} hari)`)
      + `. Isi kalender tahun ${coverage.lastYear + 1}: setelah tanggal itu batas waktu hari kerja tidak dapat dihitung dan kasus berhenti dengan insiden.`
    : 'Kalender hari libur masih kosong: batas waktu hari kerja tidak dapat dihitung.';
  const notice = h(`<div class="notice calendar-warning" role="alert" data-testid="calendar-warning">${text}
    <a href="/kalender-libur" data-link>Buka Kalender libur</a></div>`);
  (page.querySelector('h1') || page.firstElementChild)?.after(notice);
}
