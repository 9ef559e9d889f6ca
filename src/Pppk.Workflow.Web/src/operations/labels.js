// Batch operations for people: their types and states in Indonesian, and how far one has come.
import { escapeHtml, formatNumber } from '../format.js';

export const OPERATION_TYPE_LABELS = {
  migrate: 'Migrasi versi',
  cancel: 'Pembatalan kasus',
  'retry-incidents': 'Coba ulang insiden',
  'set-variables': 'Ubah variabel',
  start: 'Mulai kasus',
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
  return `<div class="progress ${op.failed ? 'with-failures' : ''}" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${p}"
      data-testid="operation-progress"><span style="width:${p}%"></span></div>
    <div class="small"><strong data-testid="operation-percent">${p}%</strong> · ${formatNumber(op.done + op.failed)} dari ${formatNumber(op.total)} diproses</div>`;
}

export function stateBadge(op) {
  const kind = { running: 'status-active', completed: 'status-completed', failed: 'danger', cancelled: 'status-cancelled' }[op.state] || '';
  return `<span class="badge ${kind}" data-testid="operation-state">${escapeHtml(OPERATION_STATE_LABELS[op.state] || op.state)}</span>`;
}

/** What the operation works on, in words: "perpanjangan-kontrak versi 1 → versi 2". */
export function subject(op) {
  const parts = [op.definitionKey, op.description].filter(Boolean).map(escapeHtml);
  return parts.join(' · ') || '–';
}
