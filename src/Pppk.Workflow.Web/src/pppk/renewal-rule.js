// The renewal table's verdict on a listed contract: its case's recommendation and the quoted rule that decided it
// ("aturan N tabel … versi V: alasan"), as the renewals list answers it (one read for the page on the server).
import { escapeHtml } from '../format.js';

/** The cell of one row from its `recommendation` (null: no case the caller sees). */
export function renewalRuleCell(recommendation) {
  if (!recommendation) return '<span class="muted">Belum dimulai</span>';
  const link = `/instans/${recommendation.instanceId}`;
  if (!recommendation.rule) return `<a href="${link}" data-link>Belum disusun</a>`;
  const value = recommendation.value;
  const what = value ? value[0].toUpperCase() + value.slice(1) : 'Tanpa rekomendasi';
  return `<a href="${link}" data-link data-testid="renewal-recommendation"><strong>${escapeHtml(what)}</strong></a>
    <br><small class="muted" data-testid="renewal-rule" title="${escapeHtml(recommendation.annotation || '')}">${escapeHtml(recommendation.rule)}</small>`;
}
