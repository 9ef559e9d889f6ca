// Form editing for a user task: the form-js editor in a dialog; saving deploys the .form (multipart) and links it.
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import { FormEditor } from '@bpmn-io/form-js';
import { api, ApiError } from '../api.js';
import { h } from '../format.js';
import { translateFormEditor, translateNewFields } from '../formjs-translate.js';

function extension(bo, type) {
  return (bo.extensionElements?.values || []).find((v) => v.$type === type);
}

/** Sets zeebe:formDefinition formId on the task (creating extension elements as needed). */
function linkForm(modeler, element, formId) {
  const modeling = modeler.get('modeling');
  const bpmnFactory = modeler.get('bpmnFactory');
  const bo = element.businessObject;
  let extensionElements = bo.extensionElements;
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateProperties(element, { extensionElements });
  }
  const existing = extension(bo, 'zeebe:FormDefinition');
  if (existing) {
    modeling.updateModdleProperties(element, existing, { formId });
    return;
  }
  const definition = bpmnFactory.create('zeebe:FormDefinition', { formId });
  const values = [...extensionElements.get('values'), definition];
  if (!extension(bo, 'zeebe:UserTask')) values.push(bpmnFactory.create('zeebe:UserTask'));
  modeling.updateModdleProperties(element, extensionElements, { values });
}

import { confirmLeave } from './leave-guard.js';

// The open form editor (one at a time): whether it holds unsaved edits, and how to close it when the page goes.
let openEditor = null;

export function formEditorHasChanges() {
  return Boolean(openEditor?.changed());
}

export function closeFormEditor() {
  openEditor?.close();
}

export async function openFormEditor(modeler, element, say) {
  const bo = element.businessObject;
  const formId = extension(bo, 'zeebe:FormDefinition')?.formId || `form-${bo.id}`.replace(/[^A-Za-z0-9_-]/g, '-');
  let schema;
  try {
    schema = (await api.get(`/api/forms/${encodeURIComponent(formId)}`)).schema;
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    schema = { type: 'default', id: formId, components: [], schemaVersion: 16 };
  }

  const dialog = h(`
    <dialog class="modal form-dialog" data-testid="form-editor">
      <header><h2>Formulir <code></code></h2><span class="spacer"></span>
        <button type="button" data-action="close">Tutup</button>
        <button type="button" class="primary" data-action="save" data-testid="form-deploy">Simpan &amp; terapkan formulir</button></header>
      <p class="form-status" role="status"></p>
      <div class="form-editor-host"></div>
    </dialog>`);
  dialog.querySelector('code').textContent = formId;
  document.body.append(dialog);
  dialog.showModal();
  const host = dialog.querySelector('.form-editor-host');
  const stopTranslating = translateFormEditor(host);
  const editor = new FormEditor({ container: host });
  translateNewFields(editor);
  await editor.importSchema(schema);
  const statusEl = dialog.querySelector('.form-status');
  let changed = false;
  editor.on('changed', () => { changed = true; });

  const close = () => { openEditor = null; stopTranslating(); editor.destroy(); dialog.close(); dialog.remove(); };
  openEditor = { changed: () => changed, close };
  const closeAsked = async () => {
    if (!changed || await confirmLeave('Perubahan pada formulir ini belum diterapkan dan akan hilang jika Anda menutupnya.')) close();
  };
  dialog.querySelector('[data-action=close]').addEventListener('click', closeAsked);
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); closeAsked(); });
  dialog.querySelector('[data-action=save]').addEventListener('click', async () => {
    const saved = { ...editor.saveSchema(), id: formId };
    const body = new FormData();
    body.append('files', new Blob([JSON.stringify(saved, null, 2)], { type: 'application/json' }), `${formId}.form`);
    try {
      const result = await api.post('/api/definitions', body);
      const form = (result.forms || []).find((f) => f.id === formId && f.created !== false);
      linkForm(modeler, element, formId);
      say(form ? `Formulir ${formId} versi ${form.version} diterapkan dan ditautkan ke tugas.` : `Formulir ${formId} tidak berubah.`, 'ok');
      close();
    } catch (e) {
      statusEl.className = 'form-status error';
      statusEl.textContent = e.problem?.errors?.map((x) => x.message).join('; ') || e.message;
    }
  });
}
