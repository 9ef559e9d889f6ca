// Shared bits of the PPPK screens: calendar dates, rupiah, labels, a pager.
import { escapeHtml } from '../format.js';

// Calendar dates, rupiah and numbers live in format.js with the other formatting; the PPPK screens import them from here too.
export { formatDate, rupiah, num } from '../format.js';

export const TYPE_LABELS = { guru: 'Guru', nakes: 'Tenaga kesehatan', teknis: 'Teknis' };

export const APPLICANT_STATUS_LABELS = {
  registered: 'Terdaftar', ms: 'Memenuhi syarat (MS)', tms: 'Tidak memenuhi syarat (TMS)', scored: 'Sudah dinilai',
  passed: 'Lulus', 'not-passed': 'Tidak lulus', failed: 'Tidak lulus', appointed: 'Diangkat',
};

export const CONTRACT_STATUS_LABELS = { active: 'Aktif', renewed: 'Diperpanjang', ended: 'Berakhir', terminated: 'Diberhentikan' };

export const PERIOD_LABELS = { annual: 'Tahunan', q1: 'Triwulan I', q2: 'Triwulan II', q3: 'Triwulan III', q4: 'Triwulan IV' };

export function label(map, value) {
  return escapeHtml(map[value] || map[String(value).toLowerCase()] || value || '–');
}

export function passedBadge(passed) {
  if (passed === null || passed === undefined) return '<span class="muted">–</span>';
  return passed ? '<span class="badge status-completed">Lulus</span>' : '<span class="badge danger">Tidak lulus</span>';
}

// The pager of every paged list lives in shell/pager.js; the PPPK screens import it from here too.
export { renderPager, pageQuery } from '../shell/pager.js';
