// The test box: a field per input of the decision (by typeRef: number, text, yes/no, date), evaluated by the server
// on the deployed version; the output as people read it, and the matched rules listed and highlighted in the table.
import { api, ApiError } from '../api.js';
import { escapeHtml, formatDecisionValue, h } from '../format.js';
import { decisionInputs, decisionTable } from './decision-inputs.js';

function field(input) {
  const id = `uji-${input.name.replace(/\W/g, '_')}`;
  const label = `<label for="${id}">${escapeHtml(input.label)}</label>`;
  const data = `id="${id}" data-input="${escapeHtml(input.name)}" data-type="${escapeHtml(input.typeRef)}"`;
  if (input.typeRef === 'boolean') {
    return `${label}<select ${data}><option value="">(kosong)</option><option value="true">Ya</option><option value="false">Tidak</option></select>`;
  }
  if (input.values.length) {
    return `${label}<select ${data}><option value="">(kosong)</option>${input.values.map((v) => `<option>${escapeHtml(v)}</option>`).join('')}</select>`;
  }
  const type = input.typeRef === 'number' ? 'number" step="any' : input.typeRef === 'date' ? 'date' : 'text';
  return `${label}<input type="${type}" ${data} maxlength="200">`;
}

function read(element) {
  const raw = element.value;
  if (raw === '') return undefined;
  switch (element.dataset.type) {
    case 'number': return Number(raw);
    case 'boolean': return raw === 'true';
    case 'string': case 'date': return raw;
    default:
      try { return JSON.parse(raw); } catch { return raw; }
  }
}

// Several outputs (a context) as a list under the table's output labels; one value on its own.
function outputHtml(output, table) {
  if (!output || typeof output !== 'object' || Array.isArray(output)) return ` <strong>${escapeHtml(formatDecisionValue(output, `${table?.output?.[0]?.label || ''} ${table?.output?.[0]?.name || ''}`))}</strong>`;
  const labels = new Map((table?.output || []).map((o) => [o.name, o.label || o.name]));
  return `<dl class="outputs">${Object.entries(output).map(([name, value]) =>
    `<dt>${escapeHtml(labels.get(name) || name)}</dt><dd data-output="${escapeHtml(name)}">${escapeHtml(formatDecisionValue(value, `${labels.get(name) || ''} ${name}`))}</dd>`).join('')}</dl>`;
}

export class TestBox {
  /** @param {HTMLElement} host  @param {() => ({definitions, decisionId, unsaved, version})} context */
  constructor(host, context, onMatched) {
    this.host = host;
    this.context = context;
    this.onMatched = onMatched;
  }

  render() {
    const { definitions, decisionId, unsaved, deployed } = this.context();
    const decision = (definitions?.drgElement || []).find((e) => e.id === decisionId);
    // Rendered again on every edit and view change: what was typed stays, and an unchanged box is left alone.
    const state = JSON.stringify([decisionId, unsaved, deployed, decision ? decisionInputs(definitions, decisionId) : null]);
    if (state === this.state) return;
    this.state = state;
    const typed = new Map([...this.host.querySelectorAll('[data-input]')].map((el) => [el.dataset.input, el.value]));
    this.onMatched(null, []);
    if (!decision) {
      this.host.innerHTML = '<h3>Uji keputusan</h3><p class="muted">Buka satu keputusan untuk mengujinya.</p>';
      return;
    }
    const inputs = decisionInputs(definitions, decisionId);
    this.host.innerHTML = `<h3>Uji keputusan</h3>
      <p class="muted small">${escapeHtml(decision.name || decision.id)}${deployed ? '' : ' · belum diterapkan'}</p>
      ${unsaved && deployed ? '<p class="note small" data-testid="test-unsaved">Perubahan belum diterapkan: pengujian memakai versi yang sudah diterapkan.</p>' : ''}
      <form class="test-fields" data-testid="test-fields">${inputs.map(field).join('') || '<p class="muted">Keputusan ini tidak memerlukan masukan.</p>'}
        <button type="submit" class="primary" data-testid="evaluate" ${deployed ? '' : 'disabled'}>Uji</button></form>
      <div class="test-result" data-testid="test-result" hidden></div>`;
    this.host.querySelectorAll('[data-input]').forEach((el) => { if (typed.has(el.dataset.input)) el.value = typed.get(el.dataset.input); });
    this.host.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.evaluate(decision).catch((err) => this.showError(err.message));
    });
  }

  showError(text) {
    const box = this.host.querySelector('[data-testid=test-result]');
    box.hidden = false;
    box.className = 'test-result error';
    box.textContent = text;
  }

  async evaluate(decision) {
    const variables = {};
    this.host.querySelectorAll('[data-input]').forEach((el) => {
      const value = read(el);
      if (value !== undefined) variables[el.dataset.input] = value;
    });
    let result;
    try {
      result = await api.post(`/api/decisions/${encodeURIComponent(decision.id)}/evaluate`, { variables });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) return this.showError(`Keputusan tidak dapat dihitung: ${e.problem.detail || e.message}`);
      throw e;
    }
    const { definitions } = this.context();
    const table = decisionTable(definitions, decision.id);
    const own = (result.evaluatedDecisions || []).find((d) => d.decisionKey === decision.id) || { matchedRules: [] };
    const rules = own.matchedRules || [];
    const annotation = (m) => m.annotation || table?.rule?.find((r) => r.id === m.ruleId)?.description || '';
    const box = this.host.querySelector('[data-testid=test-result]');
    box.hidden = false;
    box.className = 'test-result';
    box.replaceChildren(h(`<div>
      <div class="test-output" data-testid="test-output"><span class="muted">Hasil (versi ${result.version}):</span>${outputHtml(result.output, table)}</div>
      <ul class="matched" data-testid="matched-rules">${rules.map((m) => `<li data-rule-id="${escapeHtml(m.ruleId)}">Aturan ${m.ruleIndex} cocok${annotation(m) ? `: ${escapeHtml(annotation(m))}` : ''}</li>`).join('')
        || `<li class="muted">${table ? 'Tidak ada aturan yang cocok.' : 'Bukan tabel keputusan: tidak ada aturan.'}</li>`}</ul></div>`));
    this.onMatched(decision.id, rules.map((m) => m.ruleId));
  }
}
