// "Migrasikan semua kasus berjalan versi N ke versi M" from a workflow's versions list: choose M, map the elements of N
// that M no longer has, see the dry-run count and the plan's problems, confirm, and follow the operation's progress.
import { api } from '../api.js';
import { escapeHtml, formatNumber, h } from '../format.js';
import { byId, flowNodes } from './bpmn-elements.js';
import { chosenMappings, planAndActions, targetOptions, versionOptions } from './dialog-parts.js';
import { elementLabel, failureHtml, problemsHtml } from './plan-problems.js';

// Where no token waits, so nothing to map.
const NEVER_ACTIVE = new Set(['startEvent', 'endEvent']);

/** key: the workflow; version: N; versions: GET /api/definitions/{key}/versions items; onCreated(id) after the operation starts. */
export async function openMigrateRunning({ key, version, versions, onCreated }) {
  const others = versions.filter((v) => v.version !== version).sort((a, b) => b.version - a.version);
  const definitionOf = (v) => api.get(`/api/definitions/${encodeURIComponent(key)}?version=${v}`);
  const source = byId(flowNodes((await definitionOf(version)).xml));
  const dialog = h(`
    <dialog class="modal migrate-running" data-testid="migrate-running-dialog">
      <h2>Migrasikan semua kasus berjalan versi ${version} ke versi <span data-testid="migrate-running-target"></span></h2>
      <label>Versi tujuan <select name="targetVersion" data-testid="migrate-running-version">${versionOptions(others)}</select></label>
      <p class="small muted">Elemen dengan id yang sama dipetakan otomatis. Elemen versi ${version} yang tidak ada di versi tujuan:</p>
      <table class="list mapping" data-testid="migrate-running-mapping"><tbody></tbody></table>
      ${planAndActions('migrate-running')}
    </dialog>`);
  document.body.append(dialog);
  const $ = (sel) => dialog.querySelector(sel);
  const select = $('[name=targetVersion]');
  const runButton = $('[data-action=run]');
  const plan = $('[data-testid=migrate-running-plan]');
  let target = new Map();
  let checkNumber = 0;

  const names = () => new Map([...source, ...target]);
  const chosen = () => chosenMappings(dialog);
  const body = () => ({
    type: 'migrate',
    filter: { definitionKey: key, version, status: 'active' },
    targetVersion: Number(select.value),
    mappings: chosen(),
    description: `Migrasi kasus berjalan versi ${version} ke versi ${select.value}`,
  });

  function renderMapping() {
    const missing = [...source.values()].filter((n) => !NEVER_ACTIVE.has(n.type) && !target.has(n.id));
    const options = targetOptions([...target.values()]);
    $('[data-testid=migrate-running-mapping] tbody').innerHTML = missing.map((n) => `
      <tr><td>${elementLabel(n.id, source)}</td><td><select data-source="${escapeHtml(n.id)}" aria-label="Elemen tujuan untuk ${escapeHtml(n.name || n.id)}">
        <option value="">— tidak dipetakan —</option>${options}</select></td></tr>`).join('')
      || '<tr><td class="muted">Tidak ada: setiap elemen punya pasangan dengan id yang sama.</td></tr>';
  }

  async function check() {
    const mine = ++checkNumber;
    runButton.disabled = true;
    plan.innerHTML = '<p class="muted">Uji coba: menghitung kasus dan memeriksa rencana…</p>';
    try {
      const answer = await api.post('/api/operations?dryRun=true', body());
      if (mine !== checkNumber) return;
      const problems = answer.problems || [];
      plan.innerHTML = `<p class="notice ${answer.total && !problems.length ? 'ok' : ''}" data-testid="migrate-running-count">
          <strong>${formatNumber(answer.total)} kasus akan dimigrasikan</strong> dari versi ${version} ke versi ${select.value}.</p>
        ${problems.length ? `<div class="notice error"><strong>Rencana tidak dapat dijalankan (${problems.length} masalah):</strong>${problemsHtml(problems, names())}</div>` : ''}`;
      runButton.disabled = !answer.total || problems.length > 0;
      runButton.textContent = `Ya, migrasikan ${formatNumber(answer.total)} kasus`;
    } catch (err) {
      if (mine === checkNumber) plan.innerHTML = `<div class="notice error">${failureHtml('Uji coba gagal:', err, names())}</div>`;
    }
  }

  async function loadTarget() {
    $('[data-testid=migrate-running-target]').textContent = select.value;
    target = byId(flowNodes((await definitionOf(Number(select.value))).xml));
    renderMapping();
    await check();
  }

  async function run() {
    runButton.disabled = true;
    plan.insertAdjacentHTML('beforeend', '<p class="muted">Membuat operasi…</p>');
    try {
      const created = await api.post('/api/operations', body());
      close();
      onCreated(created.id);
    } catch (err) {
      plan.innerHTML = `<div class="notice error">${failureHtml('Operasi tidak dibuat:', err, names())}</div>`;
      runButton.disabled = false;
    }
  }

  function close() {
    dialog.close();
    dialog.remove();
  }

  select.addEventListener('change', loadTarget);
  dialog.addEventListener('change', (e) => { if (e.target.matches('select[data-source]')) check(); });
  dialog.addEventListener('click', (e) => {
    if (e.target.closest('[data-action=close]')) close();
    if (e.target.closest('[data-action=run]')) run();
  });
  dialog.addEventListener('cancel', () => dialog.remove());
  dialog.showModal();
  await loadTarget();
}
