// Dates for people: Bahasa Indonesia, in WITA (Asia/Makassar), the agencies' time zone.

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
