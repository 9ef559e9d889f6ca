// The "Versi" list of the BPMN and DMN designers: newest first, the latest editable, older ones read only.
import { escapeHtml, formatDeployedBy, formatWita } from '../format.js';

/**
 * The list items for `versions` ({version, latest, deployedAt, deployedBy}); `base` is the page's address (an older
 * version adds `?versi=N`), `active` the version shown, `extra(v)` more markup inside an item.
 */
export function versionListHtml(versions, { base, active, extra = () => '' }) {
  return versions.map((v) => `
    <li class="${v.version === active ? 'active' : ''}" data-version="${v.version}">
      <a href="${base}${v.latest ? '' : `?versi=${v.version}`}" data-link>Versi ${v.version}</a>
      ${v.latest ? '<small class="badge">terbaru</small>' : '<small class="muted">hanya baca</small>'}
      <div class="muted small">${formatWita(v.deployedAt)}${v.deployedBy ? ` · ${escapeHtml(formatDeployedBy(v.deployedBy))}` : ''}</div>
      ${extra(v)}
    </li>`).join('');
}
