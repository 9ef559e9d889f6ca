// Server validation problems shown ON the elements they name: a red marker and an overlay with the message.
import { escapeHtml } from '../format.js';

const MARKER = 'pppk-problem';

export class ProblemDisplay {
  constructor(modeler, list) {
    this.modeler = modeler;
    this.list = list;
    this.marked = [];
    // A problem is about what the server saw: once the user edits that element, its mark goes.
    modeler.on('elements.changed', ({ elements }) => {
      const overlays = modeler.get('overlays');
      const canvas = modeler.get('canvas');
      for (const element of elements) {
        if (!this.marked.includes(element.id)) continue;
        overlays.remove({ element: element.id, type: MARKER });
        canvas.removeMarker(element.id, MARKER);
        canvas.removeMarker(element.id, `${MARKER}-warning`);
        this.marked = this.marked.filter((id) => id !== element.id);
      }
    });
  }

  clear() {
    const canvas = this.modeler.get('canvas');
    const overlays = this.modeler.get('overlays');
    overlays.remove({ type: MARKER });
    for (const id of this.marked) {
      try { canvas.removeMarker(id, MARKER); } catch { /* element removed since */ }
    }
    this.marked = [];
    this.list.innerHTML = '';
    this.list.hidden = true;
  }

  /** @param {{elementId?: string, message: string, fileName?: string}[]} errors */
  show(errors, warnings = []) {
    this.clear();
    const registry = this.modeler.get('elementRegistry');
    const canvas = this.modeler.get('canvas');
    const overlays = this.modeler.get('overlays');
    const byElement = new Map();
    for (const [severity, items] of [['error', errors], ['warning', warnings]]) {
      for (const item of items || []) {
        const element = item.elementId && registry.get(item.elementId);
        if (element) {
          if (!byElement.has(element.id)) byElement.set(element.id, []);
          byElement.get(element.id).push({ ...item, severity });
        }
      }
    }
    for (const [id, items] of byElement) {
      const element = registry.get(id);
      const severity = items.some((i) => i.severity === 'error') ? 'error' : 'warning';
      canvas.addMarker(id, MARKER);
      if (severity === 'warning') canvas.addMarker(id, `${MARKER}-warning`);
      this.marked.push(id);
      const html = `<div class="problem-overlay ${severity}" data-testid="problem-overlay" data-element-id="${escapeHtml(id)}" title="${escapeHtml(items.map((i) => i.message).join('\n'))}">
        ${items.map((i) => `<div>${escapeHtml(i.message)}</div>`).join('')}</div>`;
      const position = element.waypoints ? { top: 0, left: 0 } : { bottom: 8, left: 0 };
      overlays.add(id, MARKER, { position, html });
    }
    renderProblemList(this.list, errors, warnings, {
      describe: (id) => { const e = registry.get(id); return e && { name: e.businessObject?.name, type: e.type }; },
      open: (id) => {
        const element = registry.get(id);
        if (element) {
          this.modeler.get('selection').select(element);
          canvas.scrollToElement(element);
        }
      },
    });
  }
}

/**
 * The list docked under a designer (BPMN and DMN): counts, each problem with its element's name as a link (`open(id)`)
 * and the technical details folded away; `describe(id)` gives the element's {name, type} or nothing.
 */
export function renderProblemList(list, errors, warnings, { describe, open, itemTestId = null }) {
  const all = [...(errors || []).map((e) => ({ ...e, severity: 'error' })), ...(warnings || []).map((w) => ({ ...w, severity: 'warning' }))];
  list.hidden = all.length === 0;
  if (all.length === 0) { list.innerHTML = ''; return; }
  const counts = [errors?.length ? `${errors.length} galat` : '', warnings?.length ? `${warnings.length} peringatan` : ''].filter(Boolean).join(', ');
  list.innerHTML = `<header><h3>Hasil validasi server: ${counts}</h3>
    <button type="button" class="link small" data-action="hide-problems">Sembunyikan</button></header>
    <ul>${all.map((p) => {
      const element = p.elementId ? describe(p.elementId) : null;
      return `<li class="${p.severity}" data-element-id="${escapeHtml(p.elementId || '')}"${itemTestId ? ` data-testid="${itemTestId}"` : ''}>
        <strong>${p.severity === 'error' ? 'Galat' : 'Peringatan'}</strong>
        ${p.elementId ? `<a href="#" data-open="${escapeHtml(p.elementId)}">${escapeHtml(element?.name || p.elementId)}</a>:` : ''}
        ${escapeHtml(p.message)}
        <details class="technical" data-testid="problem-technical"><summary>Rincian teknis</summary>
          <dl><dt>Kode</dt><dd><code>${escapeHtml(p.code || '')}</code></dd>
          ${p.elementId ? `<dt>ID elemen</dt><dd><code>${escapeHtml(p.elementId)}</code>${element?.type ? ` (${escapeHtml(element.type)})` : ''}</dd>` : ''}
          ${p.fileName ? `<dt>Berkas</dt><dd><code>${escapeHtml(p.fileName)}</code></dd>` : ''}
          ${p.englishMessage ? `<dt>Teks asli (Inggris)</dt><dd lang="en">${escapeHtml(p.englishMessage)}</dd>` : ''}</dl>
        </details></li>`;
    }).join('')}</ul>`;
  list.querySelector('[data-action=hide-problems]').addEventListener('click', () => { list.hidden = true; });
  list.querySelectorAll('[data-open]').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    open(a.dataset.open);
  }));
}
