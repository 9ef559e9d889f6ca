// The instance viewer: its own version's diagram with active elements highlighted and the path taken coloured,
// the history as a timeline, incidents with retry (hr-admin) and cancel with a reason.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { api } from '../api.js';
import { ELEMENT_TYPE_LABELS, escapeHtml, formatValue, formatWita, h, STATUS_LABELS } from '../format.js';
import { byId, flowNodes } from '../migration/bpmn-elements.js';
import { openMigrateDialog } from '../migration/migrate-dialog.js';
import { attachModifyMenu } from './modify-menu.js';
import { mountCaseSummary } from '../summary/case-summary.js';
import { mountCaseNotesTimeline } from '../case-notes/case-notes.js';
import { mountDecisionsPanel } from './decisions-panel.js';
import { mountCaseDocuments } from '../documents/documents.js';

export default async function render(container, { params, user, navigate }) {
  const isAdmin = user.roles.includes('hr-admin');
  const instance = await api.get(`/api/instances/${params.id}`);
  const operator = isAdmin && instance.status === 'active';
  const [definition, history, incidents, versions] = await Promise.all([
    api.get(`/api/definitions/${encodeURIComponent(instance.definitionKey)}?version=${instance.version}`),
    api.get(`/api/instances/${params.id}/history`),
    isAdmin ? api.get(`/api/incidents?instanceId=${params.id}`) : Promise.resolve({ items: [] }),
    operator ? api.get(`/api/definitions/${encodeURIComponent(instance.definitionKey)}/versions`) : Promise.resolve({ items: [] }),
  ]);
  const otherVersions = versions.items.filter((v) => v.version !== instance.version);

  const page = h(`
    <section class="page instance" data-testid="instance-viewer">
      <h1>${escapeHtml(definition.name || instance.definitionKey)} <small>versi ${instance.version}</small></h1>
      <dl class="inline">
        <dt>Status</dt><dd data-testid="instance-status"><span class="badge status-${instance.status}">${STATUS_LABELS[instance.status] || instance.status}</span>
          ${instance.incident ? '<span class="badge danger">Insiden</span>' : ''}</dd>
        <dt>Kunci bisnis</dt><dd>${escapeHtml(instance.businessKey || '–')}</dd>
        <dt>Mulai</dt><dd>${formatWita(instance.startedAt)}</dd>
        <dt>Selesai</dt><dd>${formatWita(instance.endedAt)}</dd>
        <dt>ID</dt><dd><code>${instance.id}</code></dd>
      </dl>
      <div class="legend"><span class="swatch active"></span> aktif <span class="swatch taken"></span> sudah dilalui <span class="swatch incident"></span> insiden
        ${operator ? `<span class="spacer"></span><span class="muted" data-testid="modify-hint">Klik kanan sebuah langkah pada diagram untuk memindahkan kasus ke sana atau memulainya.</span>
          ${otherVersions.length ? `<button type="button" data-action="migrate" data-testid="open-migrate">Migrasikan ke versi ${Math.max(...otherVersions.map((v) => v.version))}…</button>` : ''}` : ''}</div>
      <div class="viewer-canvas" data-testid="instance-diagram"></div>
      <div class="instance-columns">
        <div>
          <h2>Riwayat</h2>
          <ol class="timeline" data-testid="timeline">${history.items.map((item) => `
            <li class="${item.endedAt ? 'done' : 'running'}">
              <strong>${escapeHtml(item.name || item.elementId)}</strong> <small class="muted">${escapeHtml(ELEMENT_TYPE_LABELS[item.elementType] || item.elementType)}</small>
              ${item.elementType === 'businessRuleTask' && item.endedAt && !item.terminated ? `<a class="decision-link" href="#keputusan-${escapeHtml(item.elementId)}" data-testid="decision-link">Lihat keputusan</a>` : ''}
              <div class="small">${formatWita(item.startedAt)}${item.endedAt ? ` → ${formatWita(item.endedAt)}` : ' · sedang berjalan'}
                ${item.completedBy ? ` · oleh <b>${escapeHtml(item.completedBy)}</b>` : ''}${item.onBehalfOf ? ` selaku Plh. <b>${escapeHtml(item.onBehalfOf)}</b>` : ''}${item.terminated ? ' · dihentikan' : ''}</div>
              ${item.variables && Object.keys(item.variables).length ? `<div class="small vars-inline">${Object.entries(item.variables)
                .map(([k, v]) => `<code>${escapeHtml(k)} = ${escapeHtml(formatValue(v))}</code>`).join(' ')}</div>` : ''}
            </li>`).join('')}</ol>
        </div>
        <div>
          <div data-testid="decision-slot"></div>
          ${isAdmin ? `<h2>Insiden</h2>
          <ul class="incidents" data-testid="incidents">${incidents.items.map((i) => `
            <li><strong>${escapeHtml(i.elementId)}</strong>: ${escapeHtml(i.message)} <small>${formatWita(i.createdAt)}</small>
              <button type="button" data-retry="${i.id}" data-testid="retry">Coba lagi</button></li>`).join('') || '<li class="muted">Tidak ada insiden terbuka.</li>'}</ul>` : ''}
          <h2>Variabel</h2>
          <table class="vars">${Object.entries(instance.variables || {}).map(([k, v]) =>
            `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(formatValue(v))}</td></tr>`).join('') || '<tr><td class="muted">Tidak ada.</td></tr>'}</table>
          ${isAdmin && instance.status === 'active' ? `
          <h2>Ubah variabel</h2>
          <form class="cancel" data-testid="variable-form">
            <label>Nama <input name="name" required pattern="[A-Za-z_][A-Za-z0-9_]*"></label>
            <label>Nilai (JSON) <input name="value" required placeholder='mis. 5, "teks", true'></label>
            <button type="submit">Simpan</button>
          </form>
          <h2>Batalkan instans</h2>
          <form class="cancel" data-testid="cancel-form">
            <label>Alasan <input name="reason" required placeholder="mis. pelamar mengundurkan diri"></label>
            <button type="submit" class="danger">Batalkan</button>
          </form>` : ''}
          <p class="banner" role="status" hidden></p>
        </div>
      </div>
    </section>`);
  container.append(page);
  mountCaseSummary(page.querySelector('dl.inline'), instance.id);
  mountCaseNotesTimeline(page.querySelector('[data-testid=timeline]'), { instanceId: params.id, history: history.items });
  mountDecisionsPanel(page.querySelector('[data-testid=decision-slot]'), page.querySelector('[data-testid=timeline]'), params.id);
  mountCaseDocuments(page.querySelector('[data-testid=timeline]').parentElement, params.id);

  const viewer = new NavigatedViewer({ container: page.querySelector('[data-testid=instance-diagram]'), moddleExtensions: { zeebe: zeebeModdle } });
  await viewer.importXML(definition.xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');

  const visited = new Set(history.items.map((i) => i.elementId));
  for (const id of visited) if (registry.get(id)) canvas.addMarker(id, 'pppk-taken');
  // Flows carry no history of their own: a flow was taken when both its ends were entered.
  for (const element of registry.filter((e) => e.type === 'bpmn:SequenceFlow')) {
    if (visited.has(element.source?.id) && visited.has(element.target?.id)) canvas.addMarker(element.id, 'pppk-taken');
  }
  for (const id of instance.activeElementIds) if (registry.get(id)) canvas.addMarker(id, 'pppk-active');
  for (const i of incidents.items) if (registry.get(i.elementId)) canvas.addMarker(i.elementId, 'pppk-incident');

  const reload = () => navigate(location.pathname, { replace: true });
  const detachMenu = operator ? attachModifyMenu(viewer, { instance, names: byId(flowNodes(definition.xml)), onDone: reload }) : null;
  page.querySelector('[data-action=migrate]')?.addEventListener('click', () =>
    openMigrateDialog({ instance, sourceXml: definition.xml, versions: versions.items, onDone: reload }));

  const banner = page.querySelector('.banner');
  const say = (text, kind) => { banner.hidden = false; banner.className = `banner ${kind}`; banner.textContent = text; };
  page.addEventListener('click', async (e) => {
    const retry = e.target.closest('[data-retry]');
    if (!retry) return;
    try {
      await api.post(`/api/incidents/${retry.dataset.retry}/retry`);
      navigate(location.pathname, { replace: true });
    } catch (err) {
      say(`Gagal mencoba lagi: ${err.problem?.title || err.message}`, 'error');
    }
  });
  page.querySelector('[data-testid=variable-form]')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    let value;
    try {
      value = JSON.parse(e.target.value.value);
    } catch {
      return say('Nilai harus JSON yang sah: angka, "teks" dalam tanda kutip, true/false, daftar atau objek.', 'error');
    }
    try {
      await api.put(`/api/instances/${instance.id}/variables`, { variables: { [e.target.name.value]: value } });
      navigate(location.pathname, { replace: true });
    } catch (err) {
      say(`Gagal mengubah variabel: ${err.problem?.title || err.message}`, 'error');
    }
  });
  page.querySelector('[data-testid=cancel-form]')?.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!confirm('Batalkan instans ini? Semua tugas dan pewaktu ditarik.')) return;
    try {
      await api.post(`/api/instances/${instance.id}/cancel`, { reason: e.target.reason.value });
      navigate(location.pathname, { replace: true });
    } catch (err) {
      say(`Gagal membatalkan: ${err.problem?.title || err.message}`, 'error');
    }
  });

  return () => {
    detachMenu?.();
    viewer.destroy();
  };
}
