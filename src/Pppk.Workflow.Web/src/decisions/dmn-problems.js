// The server's validation problems for a decision file, docked under the editor like the BPMN designer's: each with
// the element's name as a link that opens it, and the technical details (code, element, English text) folded away.
import { escapeHtml } from '../format.js';

export function showDmnProblems(list, modeler, errors = [], warnings = [], openElement) {
  const all = [...(errors || []).map((p) => ({ ...p, severity: 'error' })), ...(warnings || []).map((p) => ({ ...p, severity: 'warning' }))];
  list.hidden = all.length === 0;
  if (!all.length) { list.innerHTML = ''; return; }
  const elements = new Map((modeler.getDefinitions()?.drgElement || []).map((e) => [e.id, e]));
  const counts = [errors?.length ? `${errors.length} galat` : '', warnings?.length ? `${warnings.length} peringatan` : ''].filter(Boolean).join(', ');
  list.innerHTML = `<header><h3>Hasil validasi server: ${counts}</h3>
    <button type="button" class="link small" data-action="hide-problems">Sembunyikan</button></header>
    <ul>${all.map((p) => {
      const element = p.elementId && elements.get(p.elementId);
      return `<li class="${p.severity}" data-testid="dmn-problem">
        <strong>${p.severity === 'error' ? 'Galat' : 'Peringatan'}</strong>
        ${p.elementId ? `<a href="#" data-open="${escapeHtml(p.elementId)}">${escapeHtml(element?.name || p.elementId)}</a>:` : ''}
        ${escapeHtml(p.message)}
        <details class="technical"><summary>Rincian teknis</summary>
          <dl><dt>Kode</dt><dd><code>${escapeHtml(p.code || '')}</code></dd>
          ${p.elementId ? `<dt>ID elemen</dt><dd><code>${escapeHtml(p.elementId)}</code></dd>` : ''}
          ${p.englishMessage ? `<dt>Teks asli (Inggris)</dt><dd lang="en">${escapeHtml(p.englishMessage)}</dd>` : ''}</dl>
        </details></li>`;
    }).join('')}</ul>`;
  list.querySelector('[data-action=hide-problems]').addEventListener('click', () => { list.hidden = true; });
  list.querySelectorAll('[data-open]').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    openElement(a.dataset.open);
  }));
}
