// "Mengapa": what each business rule task of the case decided and why — the decision and its version, the rule that
// matched (its annotation), and the inputs it saw as people read them (rupiah, dates, Ya/Tidak). Shown in the
// instance viewer; the timeline entry of the business rule task links here.
import './decisions-panel.css';
import { api } from '../api.js';
import { escapeHtml, formatDecisionValue, formatWita, h } from '../format.js';

/** "aturan 2 cocok: Predikat baik dan masih dibutuhkan"; several rules (collect) as "aturan 1, 3 cocok: …; …". */
function rulesText(decision) {
  const rules = decision.matchedRules || [];
  if (!rules.length) return decision.inputs?.length ? 'tidak ada aturan yang cocok' : '';
  const more = decision.matchedRuleCount > rules.length ? ` dan ${decision.matchedRuleCount - rules.length} aturan lain` : '';
  const notes = rules.map((r) => r.annotation).filter(Boolean).map(escapeHtml);
  return `aturan ${rules.map((r) => r.ruleIndex).join(', ')}${more} cocok${notes.length ? `: ${notes.join('; ')}` : ''}`;
}

function outputsHtml(decision) {
  const outputs = (decision.matchedRules || []).flatMap((r) => Object.entries(r.outputs || {}));
  if (!outputs.length) return `<dd>${escapeHtml(formatDecisionValue(decision.output, decision.decisionName))}</dd>`;
  return outputs.map(([name, v]) => `<dd><span class="muted">${escapeHtml(name)}:</span> <b>${escapeHtml(formatDecisionValue(v, name))}</b></dd>`).join('');
}

function decisionHtml(decision, { version, main }) {
  const inputs = decision.inputs || [];
  return `
    <div class="decision-block${main ? '' : ' required'}" data-testid="decision-block">
      <p class="decision-title"><b>${main ? 'Keputusan' : 'Keputusan pendukung'}: ${escapeHtml(decision.decisionName || decision.decisionKey)}${main ? ` v${version}` : ''}</b>
        ${rulesText(decision) ? `— <span data-testid="decision-rule">${rulesText(decision)}</span>` : ''}</p>
      <dl class="decision-io">
        <dt>Hasil</dt>${outputsHtml(decision)}
        ${inputs.length ? `<dt>Data yang dinilai</dt>${inputs.map((i) => `
          <dd data-testid="decision-input"><span class="muted">${escapeHtml(i.label || i.expression)}:</span> ${escapeHtml(formatDecisionValue(i.value, `${i.label} ${i.expression}`))}</dd>`).join('')}` : ''}
      </dl>
    </div>`;
}

function recordHtml(record, anchored) {
  const decisions = record.evaluatedDecisions || [];
  const main = decisions[decisions.length - 1];
  const required = decisions.slice(0, -1);
  return `
    <li ${anchored ? `id="keputusan-${escapeHtml(record.elementId)}"` : ''} data-testid="decision-record">
      <div class="small muted">${escapeHtml(record.elementName || record.elementId)} · ${formatWita(record.evaluatedAt)}</div>
      ${main ? decisionHtml(main, { version: record.decisionVersion, main: true }) : ''}
      ${required.length ? `<details><summary>Keputusan pendukung (${required.length})</summary>${required.map((d) => decisionHtml(d, { main: false })).join('')}</details>` : ''}
    </li>`;
}

/**
 * Adds the panel to `slot` when the case evaluated any decision; the timeline's "Lihat keputusan" links scroll to
 * their record (and go when there is none to show).
 */
export async function mountDecisionsPanel(slot, timeline, instanceId) {
  let records = [];
  try {
    records = (await api.get(`/api/instances/${instanceId}/decisions`)).items;
  } catch {
    // the rest of the case still shows
  }
  if (records.length) {
    // The timeline links to the first evaluation of each business rule task (a loop may evaluate it again).
    slot.append(h(`
      <section class="decisions-panel" data-testid="decision-panel">
        <h2>Keputusan dan alasannya</h2>
        <ol class="decision-records">${records.map((r, i) => recordHtml(r, records.findIndex((o) => o.elementId === r.elementId) === i)).join('')}</ol>
      </section>`));
  }
  timeline.querySelectorAll('[data-testid=decision-link]').forEach((link) => {
    const target = slot.querySelector(`[id="${CSS.escape(link.getAttribute('href').slice(1))}"]`);
    if (!target) {
      link.remove();
      return;
    }
    link.addEventListener('click', (e) => {
      e.preventDefault();
      target.scrollIntoView({ block: 'start', behavior: 'instant' });
    });
  });
}
