// The case summary a process declares (summary.<n> on the process): labels and values in words, a table for lists.
// Shown beside a task's form and at the top of the instance viewer; printable (case-summary.css).
import './case-summary.css';
import { api } from '../api.js';
import { escapeHtml, h } from '../format.js';

/** The summary lines as a definition list; tables as small tables under their label. */
export function summaryHtml(lines) {
  if (!lines || !lines.length) return '<p class="muted" data-testid="summary-none">Proses ini belum menyatakan ringkasan kasus.</p>';
  return `<dl class="case-summary-list" data-testid="case-summary-list">${lines.map((line) => `
    <div class="case-summary-line kind-${escapeHtml(line.kind)}" data-testid="summary-line">
      <dt>${escapeHtml(line.label)}</dt>
      <dd>${line.kind === 'table' ? tableHtml(line) : keepAmounts(escapeHtml(line.value))}</dd>
    </div>`).join('')}</dl>`;
}

// "Rp" stays on the line of its amount.
const keepAmounts = (html) => html.replace(/Rp /g, 'Rp&nbsp;');

function tableHtml(line) {
  return `<table class="case-summary-table" data-testid="summary-table">
    <thead><tr>${line.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>
    <tbody>${line.rows.map((row) => `<tr>${row.map((cell) => `<td>${keepAmounts(escapeHtml(cell))}</td>`).join('')}</tr>`).join('')}</tbody>
  </table>`;
}

/** The instance viewer's summary: one section placed after <after> at the top of the case, from GET /api/instances/{id}/summary. */
export async function mountCaseSummary(after, instanceId) {
  const section = h('<section class="case-summary card-summary" data-testid="instance-summary"><h2>Ringkasan kasus</h2><p class="muted">Memuat…</p></section>');
  after.after(section);
  try {
    const { items } = await api.get(`/api/instances/${instanceId}/summary`);
    section.querySelector('p.muted').outerHTML = summaryHtml(items);
  } catch (e) {
    section.querySelector('p.muted').textContent = `Ringkasan tidak dapat dimuat: ${e.problem?.title || e.message}`;
  }
  return section;
}

/** "Selasa, 2 Juni 2025 14.30 WITA": when a printed page was printed. */
export function printedAt(now = new Date()) {
  const date = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(now);
  const time = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit', hour12: false }).format(now).replace(':', '.');
  return `${date} ${time} WITA`;
}
