// Batch operations for people: their types and states in Indonesian, and how far one has come.
import { escapeHtml, formatNumber } from '../format.js';

export const OPERATION_TYPE_LABELS = {
  migrate: 'Migrasi versi',
  cancel: 'Pembatalan kasus',
  'retry-incidents': 'Coba ulang insiden',
  'set-variables': 'Ubah variabel',
  start: 'Mulai kasus',
  'start-evaluations': 'Mulai evaluasi kinerja',
  'start-renewals': 'Mulai perpanjangan kontrak',
};

export const OPERATION_STATE_LABELS = {
  running: 'Berjalan',
  completed: 'Selesai',
  failed: 'Gagal',
  cancelled: 'Dibatalkan',
};

/** Done and failed both count as handled: an operation is at 100% when every instance was tried. */
export function percent(op) {
  if (!op.total) return op.state === 'running' ? 0 : 100;
  return Math.floor(((op.done + op.failed) * 100) / op.total);
}

export function progressHtml(op) {
  const p = percent(op);
  const share = (n) => (op.total ? (n * 100) / op.total : 0);
  return `<div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${p}" aria-label="Kemajuan operasi"
      data-testid="operation-progress"><span class="done" style="width:${share(op.done)}%"></span><span class="failed" style="width:${share(op.failed)}%"></span></div>
    <div class="small"><strong data-testid="operation-percent">${p}%</strong> · ${formatNumber(op.done + op.failed)} dari ${formatNumber(op.total)} diproses</div>`;
}

export function stateBadge(op) {
  const kind = { running: 'status-active', completed: 'status-completed', failed: 'danger', cancelled: 'status-cancelled' }[op.state] || '';
  return `<span class="badge ${kind}" data-testid="operation-state">${escapeHtml(OPERATION_STATE_LABELS[op.state] || op.state)}</span>`;
}

/** What the operation works on, in words: the workflow's name (names: key → name) with its description, else its version. */
export function subject(op, names) {
  const name = op.definitionKey ? names?.get(op.definitionKey) || op.definitionKey : null;
  const parts = op.description ? [name, op.description] : [name && op.version ? `${name} versi ${op.version}` : name];
  return parts.filter(Boolean).map(escapeHtml).join(' · ') || '–';
}

/** key → name of every deployed workflow, for people-facing text. */
export async function workflowNames(api) {
  const data = await api.get('/api/definitions?pageSize=500');
  return new Map(data.items.map((d) => [d.key, d.name || d.key]));
}
