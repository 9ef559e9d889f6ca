// A small chooser for element templates applicable to one element (Indonesian, our own: the Camunda one is English).
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { escapeHtml, h } from '../format.js';

export function openTemplateChooser(modeler, element) {
  const elementTemplates = modeler.get('elementTemplates');
  const all = (elementTemplates.getLatest?.() || elementTemplates.getAll()).filter((t) => !t.deprecated);
  const applicable = all.filter((t) => (t.appliesTo || []).some((type) => is(element, type)));
  const dialog = h(`
    <dialog class="modal template-chooser" data-testid="template-chooser">
      <h2>Pilih templat elemen</h2>
      <input type="search" placeholder="Cari templat…" data-testid="template-search">
      <ul>${applicable.length ? applicable.map((t) => `
        <li><button type="button" data-template-id="${escapeHtml(t.id)}">
          <strong>${escapeHtml(t.name)}</strong>
          <small>${escapeHtml(t.description || '')}</small></button></li>`).join('')
        : '<li class="muted">Tidak ada templat untuk elemen ini (templat berlaku untuk tugas).</li>'}</ul>
      <div class="actions"><button type="button" data-action="close">Tutup</button></div>
    </dialog>`);
  document.body.append(dialog);
  const close = () => { dialog.close(); dialog.remove(); };
  dialog.addEventListener('click', (e) => {
    if (e.target.closest('[data-action=close]')) return close();
    const button = e.target.closest('[data-template-id]');
    if (!button) return;
    const template = applicable.find((t) => t.id === button.dataset.templateId);
    const replaced = elementTemplates.applyTemplate(element, template) || element;
    modeler.get('selection').select(replaced);
    close();
  });
  dialog.querySelector('[data-testid=template-search]').addEventListener('input', (e) => {
    const q = e.target.value.toLowerCase();
    dialog.querySelectorAll('li').forEach((li) => { li.hidden = !li.textContent.toLowerCase().includes(q); });
  });
  dialog.showModal();
}
