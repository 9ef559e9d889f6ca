// Dates for people: Bahasa Indonesia, in WITA (Asia/Makassar), the agencies' time zone.
// A cycle with pppk/common.js (its escapeHtml): both only call each other's functions after loading.

const TIME_ZONE = 'Asia/Makassar';

const dateTime = new Intl.DateTimeFormat('id-ID', {
  timeZone: TIME_ZONE, day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

export function formatWita(value) {
  if (!value) return '–';
  return `${dateTime.format(new Date(value))} WITA`;
}

export function isOverdue(value, now = new Date()) {
  return !!value && new Date(value) < now;
}

/** The WITA calendar day of a value as yyyy-mm-dd, for "today" / "this week" filters. */
export function witaDay(value) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(value));
}

export const STATUS_LABELS = {
  active: 'Aktif',
  completed: 'Selesai',
  terminated: 'Dihentikan',
  cancelled: 'Dibatalkan',
  open: 'Terbuka',
};

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function h(html) {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}

export function formatValue(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export const ELEMENT_TYPE_LABELS = {
  process: 'proses',
  startEvent: 'peristiwa mulai',
  endEvent: 'peristiwa akhir',
  userTask: 'tugas pengguna',
  serviceTask: 'tugas layanan',
  sendTask: 'tugas kirim',
  receiveTask: 'tugas terima',
  scriptTask: 'tugas skrip',
  businessRuleTask: 'tugas aturan bisnis',
  callActivity: 'panggil proses',
  subProcess: 'subproses',
  exclusiveGateway: 'gerbang eksklusif',
  parallelGateway: 'gerbang paralel',
  eventBasedGateway: 'gerbang peristiwa',
  intermediateCatchEvent: 'peristiwa antara',
  intermediateThrowEvent: 'peristiwa antara',
  boundaryEvent: 'peristiwa batas',
  multiInstanceBody: 'multi-instans',
};

const number = new Intl.NumberFormat('id-ID');

/** A count for people: 1.712, not 1712. */
export function formatNumber(value) {
  return value === null || value === undefined ? '–' : number.format(value);
}

/** Who deployed, as people read it: the workflows folder deploys at start-up as "system". */
export function formatDeployedBy(who) {
  return !who ? '–' : who === 'system' ? 'sistem (folder alur kerja)' : who;
}

/** Words in a variable's name or label that say it holds rupiah (a guess: decisions and templates carry no unit). */
export const MONEY_NAME = /gaji|upah|honor|anggaran|belanja|biaya|rupiah|nominal|pagu|dana|tunjangan/i;
const PERCENT_NAME = /persen|rasio|porsi|%/i;

/**
 * A decision's value (input or output) as people read it: Ya/Tidak, rupiah or percent when `hint` (a label or a
 * name) says so, numbers in Indonesian notation, dates, durations, lists, named results.
 */
export function formatDecisionValue(value, hint = '') {
  if (value === null || value === undefined) return 'kosong';
  if (typeof value === 'boolean') return value ? 'Ya' : 'Tidak';
  if (typeof value === 'number') {
    if (MONEY_NAME.test(hint)) return rupiah(value);
    return PERCENT_NAME.test(hint) && Math.abs(value) <= 1 ? `${num(value * 100)}%` : num(value);
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatWita(value);
    if (/^-?P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/.test(value)) return formatDuration(value);
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => formatDecisionValue(v, hint)).join(', ') : 'tidak ada';
  if (value.truncated) return `(nilai besar, ${num(value.chars)} karakter)`;
  return Object.entries(value).map(([k, v]) => `${k}: ${formatDecisionValue(v, k)}`).join('; ');
}

/** An ISO 8601 duration (P1Y2M, PT3H) in words: "1 tahun 2 bulan". */
function formatDuration(iso) {
  const m = iso.match(/^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/);
  const parts = [[m[2], 'tahun'], [m[3], 'bulan'], [m[4], 'hari'], [m[5], 'jam'], [m[6], 'menit'], [m[7], 'detik']]
    .filter(([n]) => n && Number(n) !== 0).map(([n, unit]) => `${num(Number(n))} ${unit}`);
  return (m[1] ? 'minus ' : '') + (parts.join(' ') || '0 hari');
}

const day = new Intl.DateTimeFormat('id-ID', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar date from the API (yyyy-mm-dd) for people: 31 Des 2026. */
export function formatDate(value) {
  if (!value) return '–';
  return day.format(new Date(`${value}T00:00:00Z`));
}

export function rupiah(value) {
  if (value === null || value === undefined) return '–';
  return `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(value)}`;
}

export function num(value, digits = 2) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: digits }).format(value);
}
