// The holiday calendar's API (docs/api.md, "Holiday calendar").
import { api } from '../api.js';

export const calendarApi = {
  years: () => api.get('/api/calendar/years'),
  coverage: () => api.get('/api/calendar/coverage'),
  holidays: (year) => api.get(`/api/calendar/holidays?year=${encodeURIComponent(year)}`),
  add: (body) => api.post('/api/calendar/holidays', body),
  update: (id, body) => api.put(`/api/calendar/holidays/${id}`, body),
  setYear: (year, body) => api.put(`/api/calendar/years/${year}`, body),
  importYear: (year, body) => api.post(`/api/calendar/years/${year}/import`, body),
  exportUrl: (year) => `/api/calendar/years/${year}/export`,
  remove: (id) => api.delete(`/api/calendar/holidays/${id}`),
  /** The n-th working day after a date, as the engine counts it (the FEEL try-out endpoint). */
  async addWorkingDays(date, n, region) {
    const args = [`date("${date}")`, String(n)];
    if (region) args.push(JSON.stringify(region));
    return (await api.post('/api/expressions/evaluate', { expression: `add working days(${args.join(', ')})` })).result;
  },
};

export const KIND_LABELS = { libur: 'Libur nasional', 'cuti-bersama': 'Cuti bersama' };

const longDate = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const plainDate = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar day (yyyy-mm-dd) for people: "Jumat, 1 Januari 2027"; the day itself, no time zone shift. */
export function formatDay(iso, { weekday = true } = {}) {
  if (!iso) return '–';
  return (weekday ? longDate : plainDate).format(new Date(`${iso}T00:00:00Z`));
}

export const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
