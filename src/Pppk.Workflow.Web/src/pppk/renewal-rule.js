// The renewal table's verdict on each listed contract: its case's recommendation and the rule that decided it
// ("aturan N" of rekomendasi-perpanjangan, with its reason), read from the case's decisions as the caller may see them.
import { api, query } from '../api.js';
import { escapeHtml } from '../format.js';

const DECISION = 'rekomendasi-perpanjangan';

/** The latest evaluation of the renewal table in a case, as { recommendation, reason, rule, annotation, version }; null when none. */
export function quoteRule(evaluations) {
  const evaluation = [...(evaluations || [])].reverse().find((e) => e.decisionKey === DECISION);
  if (!evaluation) return null;
  const decision = (evaluation.evaluatedDecisions || []).find((d) => d.decisionKey === DECISION) || {};
  const rule = (decision.matchedRules || [])[0];
  const output = evaluation.output || {};
  return { recommendation: output.rekomendasi, reason: output.alasan, rule: rule?.ruleIndex, annotation: rule?.annotation, version: evaluation.decisionVersion };
}

function render(cell, instanceId, quote) {
  if (!quote) {
    cell.innerHTML = `<a href="/instans/${instanceId}" data-link>Belum disusun</a>`;
    return;
  }
  const what = quote.recommendation ? quote.recommendation[0].toUpperCase() + quote.recommendation.slice(1) : 'Tanpa rekomendasi';
  const rule = quote.rule ? `aturan ${quote.rule}` : 'tidak ada aturan yang cocok';
  cell.innerHTML = `<a href="/instans/${instanceId}" data-link data-testid="renewal-recommendation"><strong>${escapeHtml(what)}</strong></a>
    <br><small class="muted" data-testid="renewal-rule" title="${escapeHtml(quote.annotation || '')}">${escapeHtml(rule)}: ${escapeHtml(quote.reason || '')}</small>`;
}

/** Fills every cell marked data-renewal-rule="{contractId}" under root with its renewal case's recommendation. */
export async function fillRenewalRules(root) {
  const cells = [...root.querySelectorAll('[data-renewal-rule]')];
  await Promise.all(cells.map(async (cell) => {
    try {
      const cases = await api.get(`/api/instances${query({ definitionKey: 'perpanjangan-kontrak', businessKey: cell.dataset.renewalRule, pageSize: 1 })}`);
      const instance = cases.items[0];
      if (!instance) {
        cell.innerHTML = '<span class="muted">Belum dimulai</span>';
        return;
      }
      const { items } = await api.get(`/api/instances/${instance.id}/decisions`);
      render(cell, instance.id, quoteRule(items));
    } catch {
      cell.innerHTML = '<span class="muted">–</span>';
    }
  }));
}
