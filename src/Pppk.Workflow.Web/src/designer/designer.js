// The designer page (hr-admin): workflows and their versions, the modeler, validate and deploy with problems on the
// elements, element templates, the FEEL try-out box and form editing for user tasks.
import { api, ApiError } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { createModeler, createViewer, newDiagram } from './modeler.js';
import { ProblemDisplay } from './problems.js';
import { openTemplateChooser } from './template-chooser.js';
import { renderFeelBox } from './feel-box.js';
import { closeFormEditor, formEditorHasChanges, openFormEditor } from './form-editor.js';
import { mayLeave, setLeaveGuard } from './leave-guard.js';
import { translatePanelTexts } from './panel-dom.js';
import { downloadText } from './download.js';
import { versionListHtml } from './version-list.js';
import { openMigrateRunning } from '../migration/migrate-running.js';

export default async function render(container, { params, navigate, search }) {
  const key = params.key ? decodeURIComponent(params.key) : null;
  const readOnlyVersion = search.get('versi') ? Number(search.get('versi')) : null;

  const page = h(`
    <section class="designer" data-testid="designer">
      <aside class="designer-list">
        <h2>Alur kerja</h2>
        <button type="button" class="secondary" data-testid="new-workflow">+ Alur kerja baru</button>
        <ul class="workflow-list" data-testid="workflow-list"></ul>
        <div class="versions" hidden>
          <h3>Versi</h3>
          <ul data-testid="version-list"></ul>
        </div>
      </aside>
      <div class="designer-main">
        <div class="toolbar">
          <strong class="title" data-testid="designer-title"></strong>
          <span class="spacer"></span>
          <button type="button" data-action="template" data-testid="apply-template" title="Terapkan templat elemen ke elemen terpilih">Templat…</button>
          <button type="button" data-action="form" data-testid="edit-form" title="Sunting formulir tugas pengguna terpilih">Formulir…</button>
          <button type="button" data-action="download">Unduh XML</button>
          <button type="button" data-action="validate" data-testid="validate">Validasi</button>
          <button type="button" data-action="deploy" class="primary" data-testid="deploy">Terapkan</button>
        </div>
        <div class="banner" data-testid="status" role="status" hidden></div>
        <div class="readonly-banner" data-testid="readonly-banner" hidden></div>
        <div class="canvas-area">
          <div class="canvas" data-testid="canvas"></div>
          <div class="canvas viewer-canvas" hidden></div>
        </div>
        <div class="problem-list" data-testid="problem-list" hidden></div>
      </div>
      <aside class="designer-side">
        <div class="properties" data-testid="properties-panel"></div>
        <div class="feel-box-host"></div>
      </aside>
    </section>`);
  container.append(page);
  const stopTranslating = translatePanelTexts();

  const $ = (sel) => page.querySelector(sel);
  const status = $('[data-testid=status]');
  const canvasEl = $('.canvas[data-testid=canvas]');
  const viewerEl = $('.viewer-canvas');
  const modeler = createModeler(canvasEl, $('.properties'));
  const problems = new ProblemDisplay(modeler, $('[data-testid=problem-list]'));
  let viewer = null;
  let versions = [];
  let current = { key, fileName: null, version: null };
  // Unsaved: the command stack moved since the diagram was opened or last deployed (an undo back to there is clean).
  const commandStack = modeler.get('commandStack');
  let cleanAt = 0;
  const diagramChanged = () => !readOnlyVersion && (commandStack._stackIdx ?? -1) + 1 !== cleanAt;
  const markClean = () => { cleanAt = (commandStack._stackIdx ?? -1) + 1; };
  const removeGuard = setLeaveGuard(() => diagramChanged() || formEditorHasChanges());
  const handle = { modeler, get current() { return current; }, get unsaved() { return diagramChanged(); } };
  window.pppkDesigner = handle;

  function say(text, kind = 'info') {
    status.hidden = !text;
    status.className = `banner ${kind}`;
    status.textContent = text || '';
  }

  renderFeelBox(page.querySelector('.feel-box-host'), modeler);

  async function loadList() {
    const list = $('[data-testid=workflow-list]');
    const data = await api.get('/api/definitions?pageSize=500');
    list.innerHTML = data.items.length ? data.items.map((d) => `
      <li class="${d.key === key ? 'active' : ''}"><a href="/desainer/${encodeURIComponent(d.key)}" data-link data-key="${escapeHtml(d.key)}">
        ${escapeHtml(d.name || d.key)}</a> <small>v${d.version}</small></li>`).join('')
      : '<li class="muted">Belum ada alur kerja yang diterapkan.</li>';
  }

  async function loadVersions() {
    if (!current.key) return;
    const box = $('.versions');
    try {
      const data = await api.get(`/api/definitions/${encodeURIComponent(current.key)}/versions`);
      box.hidden = false;
      versions = data.items;
      $('[data-testid=version-list]').innerHTML = versionListHtml(data.items, {
        base: `/desainer/${encodeURIComponent(current.key)}`,
        active: readOnlyVersion,
        extra: (v) => (data.items.length > 1 ? `<button type="button" class="link small" data-migrate-version="${v.version}" data-testid="migrate-running">Migrasikan kasus berjalan…</button>` : ''),
      });
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
      box.hidden = true;
    }
  }

  function setTitle(text) {
    $('[data-testid=designer-title]').textContent = text;
  }

  async function openDefinition() {
    if (!key) {
      setTitle('Pilih alur kerja di kiri, atau buat yang baru.');
      canvasEl.hidden = true;
      page.querySelectorAll('.toolbar button').forEach((b) => { b.disabled = true; });
      return;
    }
    const definition = await api.get(`/api/definitions/${encodeURIComponent(key)}${readOnlyVersion ? `?version=${readOnlyVersion}` : ''}`);
    current = { key, fileName: definition.fileName || `${key}.bpmn`, version: definition.version };
    if (readOnlyVersion) {
      // Older versions are shown, not edited: running instances stay on them.
      canvasEl.hidden = true;
      viewerEl.hidden = false;
      $('.properties').hidden = true;
      page.querySelectorAll('.toolbar button:not([data-action=download])').forEach((b) => { b.disabled = true; });
      const banner = $('[data-testid=readonly-banner]');
      banner.hidden = false;
      banner.innerHTML = `Hanya baca: versi ${definition.version} dari ${formatWita(definition.deployedAt)}.
        <a href="/desainer/${encodeURIComponent(key)}" data-link>Sunting versi terbaru</a>
        <button type="button" class="link" data-action="copy-to-editor">Salin versi ini ke editor</button>`;
      banner.querySelector('[data-action=copy-to-editor]').addEventListener('click', async () => {
        history.replaceState(null, '', `/desainer/${encodeURIComponent(key)}`);
        sessionStorage.setItem(`pppk.draft.${key}`, definition.xml);
        navigate(`/desainer/${encodeURIComponent(key)}`, { replace: true });
      });
      viewer = createViewer(viewerEl);
      await viewer.importXML(definition.xml);
      viewer.get('canvas').zoom('fit-viewport');
      setTitle(`${definition.name || key} — versi ${definition.version} (hanya baca)`);
      return;
    }
    const draft = sessionStorage.getItem(`pppk.draft.${key}`);
    sessionStorage.removeItem(`pppk.draft.${key}`);
    await modeler.importXML(draft || definition.xml);
    if (!draft) markClean(); // a copied old version is an edit of the latest until deployed
    modeler.get('canvas').zoom('fit-viewport', 'auto');
    setTitle(`${definition.name || key} — versi ${definition.version}${draft ? ' (disalin dari versi lama)' : ''}`);
  }

  async function xml() {
    const { xml: text } = await modeler.saveXML({ format: true });
    return text;
  }

  function processIds(text) {
    return [...text.matchAll(/<bpmn:process\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
  }

  async function validate() {
    say('Memvalidasi…');
    const result = await api.post('/api/definitions/validate', await xml(), { 'Content-Type': 'application/xml', 'X-File-Name': current.fileName });
    problems.show(result.errors, result.warnings);
    say(result.valid
      ? `Valid.${result.warnings?.length ? ` ${result.warnings.length} peringatan.` : ''}`
      : `Tidak valid: ${result.errors.length} galat. Lihat tanda merah pada diagram.`, result.valid ? 'ok' : 'error');
    return result.valid;
  }

  async function deploy() {
    say('Menerapkan…');
    const text = await xml();
    try {
      const result = await api.post('/api/definitions', text, { 'Content-Type': 'application/xml', 'X-File-Name': current.fileName });
      problems.show([], result.warnings);
      markClean();
      // Every process of the file is listed, new or not: only a created one is a new version.
      const deployed = (result.deployed || []).filter((d) => d.created !== false);
      say(deployed.length
        ? `Diterapkan: ${deployed.map((d) => `${d.key} versi ${d.version}`).join(', ')}.`
        : 'Tidak ada perubahan: versi terbaru tetap, tidak ada versi baru.', 'ok');
      const ids = processIds(text);
      if (ids.length && !ids.includes(current.key)) {
        navigate(`/desainer/${encodeURIComponent(ids[0])}`);
        return;
      }
      await Promise.all([loadList(), loadVersions()]);
      const latest = deployed.find((d) => d.key === current.key);
      if (latest) setTitle(`${latest.name || latest.key} — versi ${latest.version}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problem.errors) {
        problems.show(e.problem.errors, e.problem.warnings);
        say(`Tidak diterapkan: ${e.problem.errors.length} galat. Lihat tanda merah pada diagram.`, 'error');
      } else {
        say(`Gagal menerapkan: ${e.message}`, 'error');
      }
    }
  }

  function selected() {
    const selection = modeler.get('selection').get();
    return selection.length === 1 ? selection[0] : null;
  }

  page.querySelector('.toolbar').addEventListener('click', async (e) => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    try {
      if (action === 'validate') await validate();
      if (action === 'deploy') await deploy();
      if (action === 'download') {
        const text = readOnlyVersion ? (await viewer.saveXML({ format: true })).xml : await xml();
        downloadText(text, current.fileName || 'diagram.bpmn');
      }
      if (action === 'template') {
        const element = selected();
        if (!element) return say('Pilih satu elemen dulu untuk menerapkan templat.', 'error');
        openTemplateChooser(modeler, element);
      }
      if (action === 'form') {
        const element = selected();
        if (!element || element.type !== 'bpmn:UserTask') return say('Pilih satu tugas pengguna dulu untuk menyunting formulirnya.', 'error');
        await openFormEditor(modeler, element, say);
      }
    } catch (err) {
      say(`Kesalahan: ${err.message}`, 'error');
    }
  });

  $('[data-testid=version-list]').addEventListener('click', async (e) => {
    const button = e.target.closest('[data-migrate-version]');
    if (!button) return;
    try {
      await openMigrateRunning({ key: current.key, version: Number(button.dataset.migrateVersion), versions, onCreated: (id) => navigate(`/operasi/${id}`) });
    } catch (err) {
      say(`Kesalahan: ${err.message}`, 'error');
    }
  });

  $('[data-testid=new-workflow]').addEventListener('click', async () => {
    if (!(await mayLeave())) return;
    const name = prompt('Nama alur kerja baru (mis. Seleksi administrasi):');
    if (!name) return;
    const suggested = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'alur-kerja';
    const newKey = prompt('Kunci proses (id, tanpa spasi):', suggested);
    if (!newKey || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(newKey)) return say('Kunci proses harus diawali huruf dan tanpa spasi.', 'error');
    sessionStorage.setItem(`pppk.new.${newKey}`, newDiagram(newKey, name));
    navigate(`/desainer/${encodeURIComponent(newKey)}?baru=1`);
  });

  // Element templates from workflows/element-templates (served by the host). Loaded only after every listener above
  // is attached: a button that shows before its handler exists would swallow the first click.
  try {
    const templates = await api.get('/api/element-templates');
    modeler.on('elementTemplates.errors', (e) => console.warn('Element template errors', e.errors));
    modeler.get('elementTemplates').set(templates);
  } catch (e) {
    say(`Templat elemen tidak dapat dimuat: ${e.message}`, 'error');
  }
  modeler.on('elementTemplates.select', (e) => openTemplateChooser(modeler, e.element));

  await loadList();
  if (key && search.get('baru') === '1' && sessionStorage.getItem(`pppk.new.${key}`)) {
    current = { key, fileName: `${key}.bpmn`, version: null };
    await modeler.importXML(sessionStorage.getItem(`pppk.new.${key}`));
    cleanAt = -1; // never deployed: leaving loses it
    setTitle(`${key} — belum diterapkan`);
  } else {
    try {
      await openDefinition();
    } catch (e) {
      setTitle(`Tidak dapat membuka ${key}: ${e.message}`);
    }
  }
  await loadVersions();

  return () => {
    removeGuard();
    stopTranslating();
    closeFormEditor();
    modeler.destroy();
    viewer?.destroy();
    if (window.pppkDesigner === handle) delete window.pppkDesigner;
  };
}
