// How a refused or checked plan (migration, modification, batch) shows its problems: each with the element's name.
import { ELEMENT_TYPE_LABELS, escapeHtml } from '../format.js';

/** "Periksa berkas (tugas pengguna)" for an element id, or the id itself when the diagram does not name it. */
export function elementLabel(id, names) {
  const node = names?.get(id);
  if (!node) return escapeHtml(id);
  const type = ELEMENT_TYPE_LABELS[node.type] || node.type;
  return `${escapeHtml(node.name || node.id)} <small class="muted">(${escapeHtml(type)})</small>`;
}

/** A list of { code, elementId, message } problems; names: Map of id → node of the diagrams involved. */
export function problemsHtml(problems, names) {
  if (!problems?.length) return '';
  return `<ul class="plan-problems" data-testid="plan-problems">${problems.map((p) => `
    <li data-code="${escapeHtml(p.code || '')}">${p.elementId ? `<strong>${elementLabel(p.elementId, names)}</strong>: ` : ''}${escapeHtml(p.message || p.code)}</li>`).join('')}</ul>`;
}

/** What a failed call says: its problems listed when it has them, else its title and detail. */
export function failureHtml(prefix, err, names) {
  const problem = err.problem || {};
  const detail = problem.detail && problem.detail !== problem.title ? ` ${escapeHtml(problem.detail)}` : '';
  return `<p><strong>${escapeHtml(prefix)}</strong> ${escapeHtml(problem.title || err.message)}${detail}</p>${problemsHtml(problem.problems, names)}`;
}
