// "Migrasikan ke versi N" from the instance page: the target version, both diagrams side by side, a mapping of every
// active element (same id pre-filled), the plan checked by the server (?dryRun=true) before the run button is enabled.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { api } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { byId, flowNodes } from './bpmn-elements.js';
import { chosenMappings, planAndActions, targetOptions, versionOptions } from './dialog-parts.js';
import { elementLabel, failureHtml, problemsHtml } from './plan-problems.js';

/** versions: the items of GET /api/definitions/{key}/versions; onDone runs after the dialog closes on a migrated instance. */
export async function openMigrateDialog({ instance, sourceXml, versions, onDone }) {
  const others = versions.filter((v) => v.version !== instance.version).sort((a, b) => b.version - a.version);
  const sourceNames = byId(flowNodes(sourceXml));
  const active = [...new Set(instance.activeElementIds)].filter((id) => sourceNames.has(id));
  const dialog = h(`
    <dialog class="modal migrate-dialog" data-testid="migrate-dialog">
      <header>
        <h2>Migrasikan ke versi <span data-testid="migrate-target-version"></span></h2>
        <label>Versi tujuan <select name="targetVersion" data-testid="migrate-version">${versionOptions(others)}</select></label>
      </header>
      <div class="side-by-side">
        <figure><figcaption>Versi sekarang (${instance.version})</figcaption><div class="migrate-canvas" data-testid="migrate-source-diagram"></div></figure>
        <figure><figcaption>Versi tujuan (<span data-role="target-caption"></span>)</figcaption><div class="migrate-canvas" data-testid="migrate-target-diagram"></div></figure>
      </div>
      <table class="list mapping" data-testid="migrate-mapping"><thead>
        <tr><th>Elemen aktif (versi ${instance.version})</th><th>Menjadi elemen pada versi tujuan</th></tr></thead><tbody></tbody></table>
      ${planAndActions('migrate')}
    </dialog>`);
  document.body.append(dialog);
  const $ = (sel) => dialog.querySelector(sel);
  const select = $('[name=targetVersion]');
  const runButton = $('[data-action=run]');
  const plan = $('[data-testid=migrate-plan]');
  let migrated = false;
  let target = { version: null, names: new Map() };
  let checkNumber = 0;

  dialog.showModal();
  const viewerOf = (el) => new NavigatedViewer({ container: el, moddleExtensions: { zeebe: zeebeModdle } });
  const sourceViewer = viewerOf($('[data-testid=migrate-source-diagram]'));
  const targetViewer = viewerOf($('[data-testid=migrate-target-diagram]'));
  await sourceViewer.importXML(sourceXml);
  sourceViewer.get('canvas').zoom('fit-viewport', 'auto');
  for (const id of active) sourceViewer.get('canvas').addMarker(id, 'pppk-active');

  const allNames = () => new Map([...sourceNames, ...target.names]);
  const chosen = () => chosenMappings(dialog);

  function renderMapping(previous) {
    const options = [...target.names.values()];
    $('[data-testid=migrate-mapping] tbody').innerHTML = active.map((id) => {
      const keep = previous.get(id);
      const value = keep && target.names.has(keep) ? keep : (target.names.has(id) ? id : '');
      return `<tr data-testid="mapping-row" data-source-row="${escapeHtml(id)}"><td>${elementLabel(id, sourceNames)}</td>
        <td><select data-source="${escapeHtml(id)}" aria-label="Elemen tujuan untuk ${escapeHtml(sourceNames.get(id).name || id)}">
          <option value="">— pilih elemen —</option>
          ${targetOptions(options, value)}
        </select>${target.names.has(id) ? ' <small class="muted">id sama</small>' : ''}</td></tr>`;
    }).join('') || '<tr><td colspan="2" class="muted">Tidak ada elemen aktif.</td></tr>';
  }

  function markTargets() {
    const canvas = targetViewer.get('canvas');
    for (const n of target.names.values()) canvas.removeMarker(n.id, 'pppk-active');
    for (const m of chosen()) if (target.names.has(m.targetElementId)) canvas.addMarker(m.targetElementId, 'pppk-active');
  }

  async function check() {
    const mine = ++checkNumber;
    runButton.disabled = true;
    markTargets();
    plan.innerHTML = '<p class="muted">Memeriksa rencana migrasi…</p>';
    try {
      const answer = await api.post(`/api/instances/${instance.id}/migration?dryRun=true`, { targetVersion: target.version, mappings: chosen() });
      if (mine !== checkNumber) return;
      plan.innerHTML = answer.valid
        ? '<p class="notice ok" data-testid="plan-valid">Rencana valid: semua elemen aktif terpetakan. Siap dimigrasikan.</p>'
        : `<div class="notice error"><strong>Rencana tidak dapat dijalankan (${answer.problems.length} masalah):</strong>${problemsHtml(answer.problems, allNames())}</div>`;
      runButton.disabled = !answer.valid;
    } catch (err) {
      if (mine === checkNumber) plan.innerHTML = `<div class="notice error">${failureHtml('Rencana tidak dapat diperiksa:', err, allNames())}</div>`;
    }
  }

  async function loadTarget() {
    const version = Number(select.value);
    const previous = new Map(chosen().map((m) => [m.sourceElementId, m.targetElementId]));
    const definition = await api.get(`/api/definitions/${encodeURIComponent(instance.definitionKey)}?version=${version}`);
    target = { version, names: byId(flowNodes(definition.xml)) };
    $('[data-testid=migrate-target-version]').textContent = version;
    $('[data-role=target-caption]').textContent = version;
    await targetViewer.importXML(definition.xml);
    targetViewer.get('canvas').zoom('fit-viewport', 'auto');
    renderMapping(previous);
    await check();
  }

  async function run() {
    runButton.disabled = true;
    select.disabled = true;
    plan.innerHTML = '<p class="muted">Memigrasikan…</p>';
    try {
      const done = await api.post(`/api/instances/${instance.id}/migration`, { targetVersion: target.version, mappings: chosen() });
      migrated = true;
      plan.innerHTML = `<p class="notice ok" data-testid="migrate-result">Berhasil: kasus dipindahkan dari versi ${done.fromVersion} ke versi ${done.toVersion}.</p>`;
      dialog.querySelectorAll('select').forEach((s) => { s.disabled = true; });
      $('[data-action=close]').textContent = 'Tutup';
      runButton.hidden = true;
    } catch (err) {
      plan.innerHTML = `<div class="notice error">${failureHtml('Migrasi ditolak, tidak ada yang berubah:', err, allNames())}</div>`;
      select.disabled = false;
      runButton.disabled = false;
    }
  }

  function close() {
    sourceViewer.destroy();
    targetViewer.destroy();
    dialog.close();
    dialog.remove();
    if (migrated) onDone();
  }

  select.addEventListener('change', loadTarget);
  dialog.addEventListener('change', (e) => { if (e.target.matches('select[data-source]')) check(); });
  dialog.addEventListener('click', (e) => {
    if (e.target.closest('[data-action=close]')) close();
    if (e.target.closest('[data-action=run]')) run();
  });
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });
  await loadTarget();
}
