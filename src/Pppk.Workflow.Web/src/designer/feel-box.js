// "Coba ekspresi": evaluates a FEEL expression on the server (POST /api/expressions/evaluate) with a JSON context.
import { api, ApiError } from '../api.js';
import { h } from '../format.js';

function expressionOf(element) {
  const bo = element?.businessObject;
  if (!bo) return null;
  if (bo.conditionExpression?.body) return bo.conditionExpression.body;
  const script = (bo.extensionElements?.values || []).find((v) => v.$type === 'zeebe:Script');
  return script?.expression || null;
}

export function renderFeelBox(host, modeler) {
  const box = h(`
    <details class="feel-box" data-testid="feel-box" open>
      <summary>Coba ekspresi FEEL</summary>
      <label>Ekspresi <textarea rows="2" data-testid="feel-expression" placeholder="= nilai.total >= 300"></textarea></label>
      <label>Konteks (JSON) <textarea rows="3" data-testid="feel-context">{}</textarea></label>
      <div class="actions">
        <button type="button" data-action="take">Ambil dari elemen terpilih</button>
        <button type="button" class="primary" data-action="evaluate" data-testid="feel-evaluate">Coba</button>
      </div>
      <pre class="feel-result" data-testid="feel-result"></pre>
    </details>`);
  host.append(box);
  const expression = box.querySelector('[data-testid=feel-expression]');
  const context = box.querySelector('[data-testid=feel-context]');
  const result = box.querySelector('[data-testid=feel-result]');

  box.querySelector('[data-action=take]').addEventListener('click', () => {
    const selection = modeler.get('selection').get();
    const text = expressionOf(selection[0]);
    if (text) expression.value = text;
    else result.textContent = 'Elemen terpilih tidak punya ekspresi kondisi atau skrip.';
  });

  box.querySelector('[data-action=evaluate]').addEventListener('click', async () => {
    result.className = 'feel-result';
    let ctx;
    try {
      ctx = JSON.parse(context.value || '{}');
    } catch (e) {
      result.className = 'feel-result error';
      result.textContent = `Konteks bukan JSON yang sah: ${e.message}`;
      return;
    }
    try {
      const answer = await api.post('/api/expressions/evaluate', { expression: expression.value, context: ctx });
      result.textContent = `Hasil (${answer.type ?? ''}): ${JSON.stringify(answer.result, null, 2)}`;
    } catch (e) {
      result.className = 'feel-result error';
      if (e instanceof ApiError && e.problem.line) {
        result.textContent = `Galat sintaks pada baris ${e.problem.line}, kolom ${e.problem.column}: ${e.problem.title}`;
      } else {
        result.textContent = `Galat: ${e.problem?.title || e.message}`;
      }
    }
  });
}
