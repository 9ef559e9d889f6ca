// The decision designer (/keputusan/{key}): dmn-js on the decision's file (diagram, tables, expressions, properties),
// validate and deploy through /api/definitions, versions, the unsaved-changes guard and the test box.
import { api, ApiError } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { setLeaveGuard } from '../designer/leave-guard.js';
import { downloadText } from '../designer/download.js';
import { versionListHtml } from '../designer/version-list.js';
import { createDmnModeler } from './dmn-modeler.js';
import { translateDmnTexts } from './dmn-dom.js';
import { TestBox } from './test-box.js';
import { showDmnProblems } from './dmn-problems.js';
import { fromDmn13, toDmn13 } from './dmn-version.js';
import './decisions.css';

const VIEW_LABELS = { drd: 'Diagram', decisionTable: 'Tabel', literalExpression: 'Ekspresi', boxedExpression: 'Ekspresi' };

export default async function render(container, { params, navigate, search }) {
  const key = decodeURIComponent(params.key);
  const readOnlyVersion = search.get('versi') ? Number(search.get('versi')) : null;
  const page = h(`
    <section class="dmn-designer" data-testid="dmn-designer">
      <div class="dmn-main">
        <div class="toolbar">
          <a href="/keputusan" data-link class="back">← Keputusan</a>
          <strong class="title" data-testid="dmn-title"></strong>
          <span class="spacer"></span>
          <button type="button" data-action="download">Unduh XML</button>
          <button type="button" data-action="validate" data-testid="validate">Validasi</button>
          <button type="button" data-action="deploy" class="primary" data-testid="deploy">Terapkan</button>
        </div>
        <div class="banner" data-testid="status" role="status" hidden></div>
        <div class="readonly-banner" data-testid="readonly-banner" hidden></div>
        <nav class="dmn-tabs" data-testid="dmn-tabs" aria-label="Bagian berkas keputusan"></nav>
        <div class="dmn-canvas" data-testid="dmn-canvas"></div>
        <div class="problem-list" data-testid="problem-list" hidden></div>
      </div>
      <aside class="dmn-side">
        <div class="dmn-properties" data-testid="properties-panel"></div>
        <div class="test-box" data-testid="test-box"></div>
        <div class="versions"><h3>Versi</h3><ul data-testid="version-list"></ul></div>
      </aside>
      <style data-role="matched-rules"></style>
    </section>`);
  container.append(page);
  const stopTranslating = translateDmnTexts();
  const $ = (sel) => page.querySelector(sel);
  const status = $('[data-testid=status]');
  const modeler = createDmnModeler($('[data-testid=dmn-canvas]'), $('[data-testid=properties-panel]'));
  let current = { key, fileName: `${key}.dmn`, version: null, deployed: false };

  // Unsaved: the file as dmn-js would write it differs from what was opened or last deployed (undo back is clean).
  let cleanXml = null;
  let unsaved = false;
  const removeGuard = setLeaveGuard(() => !readOnlyVersion && unsaved,
    'Perubahan pada keputusan ini belum diterapkan dan akan hilang jika Anda meninggalkan halaman ini.');
  let original = null; // the file's own DMN namespaces when it is not DMN 1.3
  const xml = async () => fromDmn13((await modeler.saveXML({ format: true })).xml, original);
  const importFile = async (text) => { const read = toDmn13(text); original = read.original; await modeler.importXML(read.xml); };
  const markClean = async () => { cleanXml = await xml(); unsaved = false; };
  async function recheck() {
    const now = await xml();
    unsaved = cleanXml === null || now !== cleanXml;
    page.classList.toggle('unsaved', unsaved);
  }
  const watched = new WeakSet();
  function watchViewer() {
    const viewer = modeler.getActiveViewer();
    if (!viewer || watched.has(viewer)) return;
    watched.add(viewer);
    viewer.on('commandStack.changed', () => { recheck().then(() => testBox.render()); });
  }

  const handle = { modeler, get current() { return current; }, get unsaved() { return unsaved; } };
  window.pppkDmnDesigner = handle;

  function say(text, kind = 'info') {
    status.hidden = !text;
    status.className = `banner ${kind}`;
    status.textContent = text || '';
  }

  const activeDecisionId = () => {
    const view = modeler.getActiveView();
    return view && view.type !== 'drd' ? view.element.id : key;
  };
  const testBox = new TestBox($('[data-testid=test-box]'),
    () => ({ definitions: modeler.getDefinitions(), decisionId: activeDecisionId(), unsaved, deployed: current.deployed }),
    (decisionId, ruleIds) => {
      // A style rule, not classes on the cells: dmn-js re-renders its rows and would drop them.
      $('style[data-role=matched-rules]').textContent = ruleIds.map((id) => `.dmn-designer .dmn-decision-table-container td[data-row-id="${CSS.escape(id)}"]`).join(',\n')
        + (ruleIds.length ? ' { background: var(--matched-rule, #fff1b8) !important; box-shadow: inset 0 2px 0 #e0b400, inset 0 -2px 0 #e0b400; }' : '');
      // The first matched row scrolled into view, up or down only: the columns the user looks at stay.
      const row = ruleIds.length && page.querySelector(`td[data-row-id="${CSS.escape(ruleIds[0])}"]`)?.closest('tr');
      let box = row?.parentElement;
      while (box && box !== page && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
      if (row && box && box !== page) {
        const offset = row.getBoundingClientRect().top - box.getBoundingClientRect().top;
        box.scrollTop += offset - (box.clientHeight - row.offsetHeight) / 2;
      }
    });

  function renderTabs() {
    const active = modeler.getActiveView();
    $('[data-testid=dmn-tabs]').innerHTML = modeler.getViews().map((v, i) => `
      <button type="button" data-view="${i}" class="${active === v ? 'active' : ''}" data-testid="dmn-tab" data-view-type="${v.type}" data-element-id="${escapeHtml(v.element.id)}">
        <small>${VIEW_LABELS[v.type] || v.type}</small> ${escapeHtml(v.type === 'drd' ? 'Semua keputusan' : v.name || v.element.id)}</button>`).join('');
  }
  const fitted = new WeakSet();
  modeler.on('views.changed', () => {
    // The diagram, the first time it shows, all in view (never enlarged) right of the palette and below the file's
    // name box, which both float over the canvas.
    const viewer = modeler.getActiveView()?.type === 'drd' && modeler.getActiveViewer();
    if (viewer && !fitted.has(viewer)) {
      fitted.add(viewer);
      const canvas = viewer.get('canvas');
      const { inner, outer } = canvas.viewbox();
      const [left, top, margin] = [90, 130, 30];
      const scale = Math.min(1, (outer.width - left - margin) / inner.width, (outer.height - top - margin) / inner.height);
      if (inner.width && scale > 0) {
        canvas.viewbox({ x: inner.x - left / scale, y: inner.y - top / scale, width: outer.width / scale, height: outer.height / scale });
      }
    }
    renderTabs();
    watchViewer();
    page.dataset.view = modeler.getActiveView()?.type || '';
    testBox.render();
  });
  $('[data-testid=dmn-tabs]').addEventListener('click', (e) => {
    const button = e.target.closest('[data-view]');
    if (button) modeler.open(modeler.getViews()[Number(button.dataset.view)]);
  });

  async function openView(id) {
    const view = modeler.getViews().find((v) => v.element.id === id && v.type !== 'drd');
    if (view) await modeler.open(view);
  }

  /** The versions as GET /api/decisions/{key} lists them (newest first); read again only after a deployment. */
  async function showVersions(versions) {
    const box = $('.versions');
    if (!current.deployed) { box.hidden = true; return; }
    const items = versions || (await api.get(`/api/decisions/${encodeURIComponent(key)}`)).versions || [];
    box.hidden = !items.length;
    $('[data-testid=version-list]').innerHTML = versionListHtml(items, { base: `/keputusan/${encodeURIComponent(key)}`, active: readOnlyVersion || current.version });
  }

  let openedVersions = null; // the list GET /api/decisions/{key} answered with the opened version
  async function open() {
    const fresh = sessionStorage.getItem(`pppk.dmn.new.${key}`);
    if (search.get('baru') === '1' && fresh) {
      await importFile(fresh);
      current = { key, fileName: `${key}.dmn`, version: null, deployed: false };
      $('[data-testid=dmn-title]').textContent = `${key} — belum diterapkan`;
      await openView(key);
      return; // never deployed: cleanXml stays null, leaving asks
    }
    const decision = await api.get(`/api/decisions/${encodeURIComponent(key)}${readOnlyVersion ? `?version=${readOnlyVersion}` : ''}`);
    openedVersions = decision.versions;
    current = { key, fileName: decision.fileName || `${decision.decisionRequirementsKey || key}.dmn`, version: decision.version, deployed: true };
    const draft = !readOnlyVersion && sessionStorage.getItem(`pppk.dmn.draft.${key}`);
    sessionStorage.removeItem(`pppk.dmn.draft.${key}`);
    await importFile(draft || decision.xml);
    if (!draft) await markClean();
    await openView(key);
    const name = decision.name || key;
    if (readOnlyVersion) {
      page.classList.add('readonly');
      page.querySelectorAll('.toolbar button[data-action=validate], .toolbar button[data-action=deploy]').forEach((b) => { b.disabled = true; });
      const banner = $('[data-testid=readonly-banner]');
      banner.hidden = false;
      banner.innerHTML = `Hanya baca: versi ${decision.version} dari ${formatWita(decision.deployedAt)}.
        <a href="/keputusan/${encodeURIComponent(key)}" data-link>Sunting versi terbaru</a>
        <button type="button" class="link" data-action="copy-to-editor">Salin versi ini ke editor</button>`;
      banner.querySelector('[data-action=copy-to-editor]').addEventListener('click', () => {
        sessionStorage.setItem(`pppk.dmn.draft.${key}`, decision.xml);
        navigate(`/keputusan/${encodeURIComponent(key)}`, { replace: true });
      });
      $('[data-testid=dmn-title]').textContent = `${name} — versi ${decision.version} (hanya baca)`;
    } else {
      $('[data-testid=dmn-title]').textContent = `${name} — versi ${decision.version}${draft ? ' (disalin dari versi lama)' : ''}`;
      if (draft) await recheck();
    }
  }

  const problemList = $('[data-testid=problem-list]');
  const showProblems = (errors, warnings) => showDmnProblems(problemList, modeler, errors, warnings, openView);

  async function validate() {
    say('Memvalidasi…');
    const result = await api.post('/api/definitions/validate', await xml(), { 'Content-Type': 'application/xml', 'X-File-Name': current.fileName });
    showProblems(result.errors, result.warnings);
    say(result.valid
      ? `Valid.${result.warnings?.length ? ` ${result.warnings.length} peringatan.` : ''}`
      : `Tidak valid: ${result.errors.length} galat. Lihat daftar di bawah.`, result.valid ? 'ok' : 'error');
  }

  async function deploy() {
    say('Menerapkan…');
    const text = await xml();
    try {
      const result = await api.post('/api/definitions', text, { 'Content-Type': 'application/xml', 'X-File-Name': current.fileName });
      showProblems([], result.warnings);
      const listed = [...(result.deployed || []), ...(result.decisions || [])];
      const created = listed.filter((d) => d.created !== false);
      say(created.length
        ? `Diterapkan: ${created.map((d) => `${d.name || d.key} versi ${d.version}`).join(', ')}.`
        : 'Tidak ada perubahan: versi terbaru tetap, tidak ada versi baru.', 'ok');
      cleanXml = text;
      unsaved = false;
      page.classList.remove('unsaved');
      const mine = listed.find((d) => d.key === key);
      current = { ...current, deployed: true, version: mine?.version ?? current.version };
      if (search.get('baru') === '1') {
        sessionStorage.removeItem(`pppk.dmn.new.${key}`);
        history.replaceState(null, '', `/keputusan/${encodeURIComponent(key)}`);
      }
      const name = modeler.getDefinitions().drgElement?.find((e) => e.id === key)?.name || key;
      $('[data-testid=dmn-title]').textContent = `${name} — versi ${current.version}`;
      await showVersions();
      testBox.render();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problem.errors) {
        showProblems(e.problem.errors, e.problem.warnings);
        say(`Tidak diterapkan: ${e.problem.errors.length} galat. Lihat daftar di bawah.`, 'error');
      } else {
        say(`Gagal menerapkan: ${e.message}`, 'error');
      }
    }
  }

  page.querySelector('.toolbar').addEventListener('click', async (e) => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    try {
      if (button.dataset.action === 'validate') await validate();
      if (button.dataset.action === 'deploy') await deploy();
      if (button.dataset.action === 'download') {
        downloadText(await xml(), current.fileName);
      }
    } catch (err) {
      say(`Kesalahan: ${err.message}`, 'error');
    }
  });

  try {
    await open();
  } catch (e) {
    $('[data-testid=dmn-title]').textContent = e instanceof ApiError && e.status === 404
      ? `Keputusan ${key} tidak ditemukan.` : `Tidak dapat membuka ${key}: ${e.message}`;
  }
  renderTabs();
  watchViewer();
  testBox.render();
  await showVersions(openedVersions);

  return () => {
    removeGuard();
    stopTranslating();
    modeler.destroy();
    if (window.pppkDmnDesigner === handle) delete window.pppkDmnDesigner;
  };
}
