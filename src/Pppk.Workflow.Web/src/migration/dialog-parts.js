// Pieces both migration dialogs (one case, all running cases of a version) are made of.
import { ELEMENT_TYPE_LABELS, escapeHtml, formatWita } from '../format.js';

/** The <option>s of a target-version select, newest first. */
export function versionOptions(versions) {
  return versions.map((v) => `
    <option value="${v.version}">Versi ${v.version}${v.latest ? ' (terbaru)' : ''} · ${formatWita(v.deployedAt)}</option>`).join('');
}

/** The <option>s of a mapping select: every element of the target version, by name and type. */
export function targetOptions(nodes, selected) {
  return nodes.map((n) => `<option value="${escapeHtml(n.id)}" ${n.id === selected ? 'selected' : ''}>${escapeHtml(n.name || n.id)}
    (${escapeHtml(ELEMENT_TYPE_LABELS[n.type] || n.type)}${n.name ? `, ${escapeHtml(n.id)}` : ''})</option>`).join('');
}

/** The dialog's mapping as the API takes it: only rows where a target is chosen. */
export function chosenMappings(dialog) {
  return [...dialog.querySelectorAll('select[data-source]')]
    .filter((s) => s.value).map((s) => ({ sourceElementId: s.dataset.source, targetElementId: s.value }));
}

/** The problems area and the cancel / run buttons; the run button waits for a valid plan. */
export function planAndActions(testId) {
  return `<div class="plan" data-testid="${testId}-plan" role="status"></div>
    <div class="actions">
      <button type="button" data-action="close">Batal</button>
      <button type="button" class="primary" data-action="run" data-testid="${testId}-run" disabled>Migrasikan</button>
    </div>`;
}
