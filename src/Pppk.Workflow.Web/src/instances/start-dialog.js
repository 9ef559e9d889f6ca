// "Mulai kasus" (hr-admin): choose the workflow by name, pick the employee or applicant it is about, fill its start form
// (form-js), start, and land on the new case. A workflow that starts many cases (its `startMany`) shows the count first,
// asks to confirm and then follows the batch operation's progress instead of blocking.
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import './start-dialog.css';
import { api } from '../api.js';
import { escapeHtml, formatNumber, h } from '../format.js';
import { translateFormViewer } from '../formjs-translate.js';
import { subjectSearch } from './start-subject.js';

const TYPE_COMPONENTS = { integer: 'number', number: 'number', boolean: 'checkbox', date: 'datetime' };

/** A form-js schema for the start variables nobody filled yet, for a workflow without a start form of its own. */
function generatedSchema(info, filled) {
  const components = info.startVariables.filter((v) => !(v.name in filled)).map((v) => ({
    type: TYPE_COMPONENTS[v.type] || 'textfield',
    key: v.name,
    label: v.label || v.name,
    ...(v.type === 'date' ? { subtype: 'date', dateLabel: v.label || v.name } : {}),
    validate: { required: v.required },
  }));
  return components.length ? { type: 'default', components } : null;
}

/** The business key a workflow derives from its start variables (`startBusinessKey`, e.g. "{employeeId}:{year}"), or null. */
function derivedKey(template, variables) {
  if (!template) return null;
  let complete = true;
  const key = template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = variables[name];
    if (value === undefined || value === null || value === '') complete = false;
    return value ?? '';
  });
  return complete ? key : null;
}

/** Shows a problem of the start on its form field (`field` of the problem) when the form has one, else above the buttons. */
function showOnField(form, field, message) {
  const registry = form?.get('formFieldRegistry');
  const target = field && registry?.getAll().find((f) => f.key === field);
  if (!target) return false;
  form._setState({ errors: { ...form._getState().errors, [target.id]: [message] } });
  return true;
}

/** Opens the dialog; `definitions` are GET /api/definitions items, `preselected` a key or ''. */
export async function openStartDialog({ definitions, preselected, navigate }) {
  const dialog = h(`
    <dialog class="modal start-dialog" data-testid="start-dialog">
      <h2>Mulai kasus</h2>
      <label class="block">Alur kerja <select name="workflow" data-testid="start-workflow">
        <option value="">— pilih alur kerja —</option>
        ${definitions.map((d) => `<option value="${escapeHtml(d.key)}">${escapeHtml(d.name || d.key)}</option>`).join('')}</select></label>
      <div class="start-body" data-testid="start-body"></div>
      <div class="start-footer">
        <p class="banner error" data-testid="start-error" role="alert" hidden></p>
        <div class="actions">
          <button type="button" data-action="close" data-testid="start-cancel">Batal</button>
          <button type="button" class="primary" data-action="start" data-testid="start-submit" hidden>Mulai kasus</button>
        </div>
      </div>
    </dialog>`);
  document.body.append(dialog);
  const $ = (sel) => dialog.querySelector(sel);
  const body = $('[data-testid=start-body]');
  const error = $('[data-testid=start-error]');
  const submit = $('[data-action=start]');
  const select = $('[name=workflow]');
  let form = null;
  let stopTranslating = null;
  let poll = null;
  let run = null; // what "Mulai" does for the workflow shown

  const say = (text) => { error.hidden = !text; error.textContent = text || ''; };
  const reset = () => {
    stopTranslating?.(); stopTranslating = null;
    form?.destroy(); form = null;
    clearInterval(poll); poll = null;
    run = null; submit.hidden = true; submit.disabled = false; say('');
    body.innerHTML = '';
  };
  const close = () => { reset(); dialog.close(); dialog.remove(); };
  $('[data-action=close]').addEventListener('click', close);
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
  submit.addEventListener('click', async () => {
    if (!run) return;
    submit.disabled = true;
    try { await run(); } finally { submit.disabled = false; }
  });

  async function showMany(info) {
    body.innerHTML = '<p class="muted">Menghitung kasus yang akan dimulai…</p>';
    const preview = await api.post(`/api/start-many/${encodeURIComponent(info.startMany)}?dryRun=true`, {});
    const { label } = preview;
    const running = preview.alreadyRunning ? ` ${formatNumber(preview.alreadyRunning)} kasus lain sudah berjalan dan tidak dimulai lagi.` : '';
    if (!preview.total) {
      body.innerHTML = `<p class="notice" data-testid="start-many-count">Tidak ada kasus ${escapeHtml(label)} yang perlu dimulai saat ini.${running}</p>`;
      return;
    }
    body.innerHTML = `
      <p class="notice" data-testid="start-many-count"><strong>Mulai ${formatNumber(preview.total)} kasus ${escapeHtml(label)}?</strong>
        Alur kerja ini memulai satu kasus untuk setiap data yang memenuhi syarat, seperti yang dilakukan jadwalnya.${running}</p>
      <p class="small muted">Antara lain: ${preview.examples.map(escapeHtml).join(', ')}${preview.total > preview.examples.length ? ', …' : ''}</p>`;
    submit.textContent = `Mulai ${formatNumber(preview.total)} kasus`;
    submit.hidden = false;
    run = async () => {
      try {
        const started = await api.post(`/api/start-many/${encodeURIComponent(info.startMany)}`, {});
        submit.hidden = true;
        $('[data-action=close]').textContent = 'Tutup';
        follow(started.operationId, started.total, label);
      } catch (e) {
        say(`Tidak dapat memulai: ${e.problem?.title || e.message}`);
      }
    };
  }

  function follow(id, total, label) {
    body.innerHTML = `
      <p data-testid="start-many-progress-text">Memulai ${formatNumber(total)} kasus ${escapeHtml(label)}…</p>
      <progress max="${total}" value="0" data-testid="start-many-progress"></progress>
      <p><a href="/operasi/${id}" data-link data-testid="start-many-operation">Lihat operasi</a></p>`;
    body.querySelector('a').addEventListener('click', (e) => { e.preventDefault(); close(); navigate(`/operasi/${id}`); });
    const update = async () => {
      const op = await api.get(`/api/operations/${id}`);
      body.querySelector('progress').value = op.done + op.failed;
      const state = op.state === 'running' ? 'berjalan' : op.state === 'completed' ? 'selesai' : op.state;
      body.querySelector('[data-testid=start-many-progress-text]').textContent =
        `${formatNumber(op.done)} dari ${formatNumber(op.total)} kasus dimulai${op.failed ? `, ${formatNumber(op.failed)} gagal` : ''} (${state}).`;
      if (op.state !== 'running') { clearInterval(poll); poll = null; }
    };
    poll = setInterval(() => update().catch(() => {}), 1000);
    update().catch(() => {});
  }

  async function showForm(info, picked, display = {}) {
    stopTranslating?.(); form?.destroy(); form = null;
    const host = body.querySelector('[data-testid=start-form]');
    host.innerHTML = '';
    const schema = info.schema || generatedSchema(info, picked);
    if (schema) {
      stopTranslating = translateFormViewer(host);
      form = new Form({ container: host, debounce: false });
      await form.importSchema(schema, { ...display, ...picked });
    } else {
      host.innerHTML = '<p class="muted">Alur kerja ini tidak memerlukan isian lain.</p>';
    }
    const keyInput = body.querySelector('[name=businessKey]');
    const keyShown = body.querySelector('[data-testid=start-business-key]');
    const variables = () => ({ ...picked, ...(form ? form._getState().data : {}) });
    const showKey = () => { if (keyShown) keyShown.textContent = derivedKey(info.startBusinessKey, variables()) || '— lengkapi isian —'; };
    form?.on('changed', () => { showKey(); say(''); });
    showKey();
    submit.textContent = 'Mulai kasus';
    submit.hidden = false;
    run = async () => {
      say('');
      let values = {};
      if (form) {
        const { data, errors } = form.submit();
        if (Object.values(errors).some((list) => list && list.length)) return say('Periksa isian formulir yang ditandai.');
        values = data;
      }
      // Empty answers are left out: a start variable is either given or not (its type is checked by the host).
      const all = Object.fromEntries(Object.entries({ ...picked, ...values }).filter(([, v]) => v !== '' && v !== null && v !== undefined));
      const businessKey = info.startBusinessKey ? derivedKey(info.startBusinessKey, all) : (keyInput?.value.trim() || undefined);
      try {
        const instance = await api.post('/api/instances', { definitionKey: info.key, businessKey, variables: all, uniqueBusinessKey: !!businessKey });
        close();
        navigate(`/instans/${instance.id}`);
      } catch (e) {
        const message = e.problem?.title || e.message;
        if (!showOnField(form, e.problem?.field, message)) say(message);
        else say('Periksa isian formulir yang ditandai.');
      }
    };
  }

  async function showOne(info) {
    body.innerHTML = `
      <div data-testid="start-subject"></div>
      <div class="start-key">${info.startBusinessKey
        ? 'Kunci bisnis: <strong data-testid="start-business-key"></strong>'
        : '<label class="block">Kunci bisnis (opsional) <input name="businessKey" data-testid="start-business-key-input" maxlength="200"></label>'}</div>
      <div class="start-form" data-testid="start-form"></div>`;
    if (!info.startSubject) return showForm(info, {});
    body.querySelector('[data-testid=start-form]').innerHTML = '';
    subjectSearch(body.querySelector('[data-testid=start-subject]'), info, (picked, display) => showForm(info, picked, display).catch((e) => say(e.message)));
  }

  select.addEventListener('change', async () => {
    reset();
    if (!select.value) return;
    try {
      const info = await api.get(`/api/definitions/${encodeURIComponent(select.value)}/start-form`);
      if (info.startMany) return await showMany(info);
      if (!info.startsByHand) {
        body.innerHTML = '<p class="notice">Alur kerja ini dimulai oleh pesan atau jadwal, tidak dapat dimulai manual di sini.</p>';
        return;
      }
      await showOne(info);
    } catch (e) {
      say(e.problem?.title || e.message);
    }
  });
  dialog.showModal();
  if (preselected && definitions.some((d) => d.key === preselected)) {
    select.value = preselected;
    select.dispatchEvent(new Event('change'));
  }
  return dialog;
}
