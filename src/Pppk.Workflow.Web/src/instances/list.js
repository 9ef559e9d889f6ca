// Kasus (hr-admin): every case, paged with its total, filtered by workflow, version, status, incident, start date and
// unit, searched by name, NIK or business key; a selection or everything the filter finds cancelled or retried as a
// batch operation (its count first, then a progress bar); a new case started.
import './list.css';
import { api, query } from '../api.js';
import { keysetPages } from '../shell/keyset-pages.js';
import { escapeHtml, formatNumber, formatWita, h, STATUS_LABELS } from '../format.js';
import { mountExportButtons } from '../export/export-buttons.js';
import { openStartDialog } from './start-dialog.js';
import { runBatch, witaMoment } from '../incidents/batch.js';

const PAGE_SIZE = 50;

export default async function render(container, { navigate, search }) {
  const page = h(`
    <section class="page cases" data-testid="instances">
      <div class="cases-head">
        <h1>Semua kasus</h1>
        <input type="search" data-testid="instance-search" maxlength="100" placeholder="Cari nama, NIK, kunci bisnis" aria-label="Cari kasus">
        <button type="button" class="primary" data-action="start" data-testid="start-instance">Mulai kasus…</button>
      </div>
      <div class="filters">
        <label>Alur kerja <select name="definitionKey" data-testid="filter-workflow"><option value="">Semua</option></select></label>
        <label>Versi <select name="version" data-testid="filter-version" disabled><option value="">Semua</option></select></label>
        <label>Status <select name="status" data-testid="filter-status"><option value="">Semua</option>
          ${Object.entries(STATUS_LABELS).filter(([k]) => k !== 'open').map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></label>
        <label>Insiden <select name="hasIncident" data-testid="filter-incident"><option value="">Semua</option><option value="true">Ada insiden</option><option value="false">Tanpa insiden</option></select></label>
        <label>Unit <select name="unitCode" data-testid="filter-unit"><option value="">Semua</option></select></label>
        <label>Mulai dari <input type="date" name="startedFrom" data-testid="filter-from"></label>
        <label>sampai <input type="date" name="startedTo" data-testid="filter-to"></label>
      </div>
      <div class="bulk-bar" data-testid="instance-bulk-bar">
        <span data-testid="selected-count">0 dipilih</span>
        <button type="button" data-batch="cancel" data-which="selected" data-testid="cancel-selected" disabled>Batalkan yang dipilih…</button>
        <button type="button" data-batch="retry-incidents" data-which="selected" data-testid="retry-selected" disabled>Coba ulang yang dipilih…</button>
        <button type="button" data-batch="cancel" data-which="filter" data-testid="cancel-filter">Batalkan semua sesuai filter…</button>
        <button type="button" data-batch="retry-incidents" data-which="filter" data-testid="retry-filter">Coba ulang semua sesuai filter…</button>
        <span class="muted tz">Waktu dalam WITA</span>
      </div>
      <div class="banner error" role="alert" data-testid="instance-status" hidden></div>
      <table class="list case-list">
        <colgroup><col class="c-check"><col class="c-case"><col class="c-flow"><col class="c-unit"><col class="c-status"><col class="c-date"><col class="c-date"></colgroup>
        <thead><tr><th><input type="checkbox" data-testid="select-all" aria-label="Pilih semua di halaman ini"></th>
          <th>Kasus</th><th>Alur kerja</th><th>Unit</th><th>Status</th><th>Mulai</th><th>Selesai</th></tr></thead>
        <tbody data-testid="instance-rows"></tbody></table>
      <div class="pager">
        <span data-testid="instance-total"></span>
        <button type="button" data-testid="page-prev" disabled>← Sebelumnya</button>
        <button type="button" data-testid="page-next" disabled>Berikutnya →</button>
      </div>
    </section>`);
  container.append(page);
  const $ = (s) => page.querySelector(s);
  const field = (name) => page.querySelector(`[name=${name}]`);
  const select = field('definitionKey');
  const version = field('version');
  const searchBox = $('[data-testid=instance-search]');
  const status = $('[data-testid=instance-status]');

  const [definitions, units] = await Promise.all([
    api.get('/api/definitions?pageSize=500'),
    api.get('/api/tasks/units').catch(() => []),
  ]);
  const names = new Map(definitions.items.map((d) => [d.key, d.name || d.key]));
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  select.innerHTML += definitions.items.map((d) => `<option value="${escapeHtml(d.key)}">${escapeHtml(d.name || d.key)}</option>`).join('');
  field('unitCode').innerHTML += units.map((u) => `<option value="${escapeHtml(u.code)}">${escapeHtml(u.name)}</option>`).join('');

  // Links from other screens: ?alur= (or ?definition=), ?status=, ?unit=, ?insiden=ada, ?cari=
  const pick = (el, value) => {
    if (!value) return;
    if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === value)) el.append(new Option(value, value));
    el.value = value;
  };
  pick(select, search.get('alur') || search.get('definition'));
  pick(field('status'), search.get('status'));
  pick(field('unitCode'), search.get('unit'));
  pick(field('hasIncident'), search.get('insiden') === 'ada' ? 'true' : search.get('insiden') === 'tidak' ? 'false' : '');
  searchBox.value = search.get('cari') || '';

  async function fillVersions() {
    version.innerHTML = '<option value="">Semua</option>';
    version.disabled = !select.value;
    if (!select.value) return;
    const versions = await api.get(`/api/definitions/${encodeURIComponent(select.value)}/versions`).catch(() => []);
    const list = Array.isArray(versions) ? versions : versions.items || [];
    version.innerHTML += list.map((v) => `<option value="${v.version}">Versi ${v.version}</option>`).join('');
  }
  await fillVersions();

  function filters() {
    return {
      definitionKey: select.value, version: version.value, status: field('status').value, hasIncident: field('hasIncident').value,
      unitCode: field('unitCode').value, startedFrom: field('startedFrom').value, startedTo: field('startedTo').value, search: searchBox.value.trim(),
    };
  }
  mountExportButtons(page.querySelector('.filters'), 'instances', filters, { label: 'daftar kasus' });

  const pages = keysetPages();
  let current = [];
  const selected = new Map(); // id → definitionKey
  let loads = 0;

  async function load() {
    const mine = ++loads;
    let data;
    try {
      data = await api.get(`/api/instances${query({ ...filters(), cursor: pages.cursor(), pageSize: PAGE_SIZE })}`);
    } catch (err) {
      if (mine !== loads) return;
      status.hidden = false;
      status.textContent = err.message;
      return;
    }
    if (mine !== loads) return;
    status.hidden = true;
    current = data.items;
    pages.answered(data);
    const from = pages.from(PAGE_SIZE);
    const total = `${formatNumber(data.total)}${data.totalCapped ? '+' : ''}`;
    $('[data-testid=instance-total]').textContent = data.items.length
      ? `${formatNumber(from + 1)}–${formatNumber(from + data.items.length)} dari ${total} kasus` : `0 dari ${total} kasus`;
    $('[data-testid=page-prev]').disabled = pages.isFirst();
    $('[data-testid=page-next]').disabled = !pages.hasNext();
    $('[data-testid=instance-rows]').innerHTML = data.items.map(row).join('')
      || '<tr><td colspan="7" class="muted" data-testid="instance-empty">Tidak ada kasus yang cocok.</td></tr>';
    $('[data-testid=select-all]').checked = data.items.length > 0 && data.items.every((i) => selected.has(i.id));
  }

  function row(i) {
    const flow = names.get(i.definitionKey) || i.definitionKey;
    const title = i.title || `${flow}${i.businessKey ? ` · ${i.businessKey}` : ''}`;
    return `<tr data-testid="instance-row" data-instance-id="${i.id}">
      <td><input type="checkbox" data-select="${i.id}" ${selected.has(i.id) ? 'checked' : ''} aria-label="Pilih ${escapeHtml(title)}"></td>
      <td class="case" title="${escapeHtml(title)}"><a href="/instans/${i.id}" data-link data-testid="instance-case">${escapeHtml(title)}</a>${i.title && i.businessKey ? `<small class="bk">${escapeHtml(i.businessKey)}</small>` : ''}</td>
      <td class="ellipsis" title="${escapeHtml(flow)} versi ${i.version}">${escapeHtml(flow)} <small class="muted">v${i.version}</small></td>
      <td class="ellipsis" title="${escapeHtml(unitNames.get(i.unitCode) || i.unitCode || '')}">${escapeHtml(unitNames.get(i.unitCode) || i.unitCode || '–')}</td>
      <td><span class="badge status-${i.status}">${STATUS_LABELS[i.status] || i.status}</span>${i.incident ? ` <a class="badge danger" href="/insiden?definition=${encodeURIComponent(i.definitionKey)}&cari=${encodeURIComponent(i.businessKey || '')}" data-link title="Lihat insidennya">Insiden</a>` : ''}</td>
      <td>${formatWita(i.startedAt)}</td><td>${formatWita(i.endedAt)}</td></tr>`;
  }

  function updateSelection() {
    $('[data-testid=selected-count]').textContent = `${formatNumber(selected.size)} dipilih`;
    page.querySelectorAll('[data-which=selected]').forEach((b) => { b.disabled = selected.size === 0; });
  }

  function restart() {
    pages.reset();
    return load();
  }

  /** One filter per workflow: the selection's cases, or the screen's filter (every workflow when none is chosen). */
  function batchFilters(type, which) {
    const incident = type === 'retry-incidents' ? { hasIncident: true } : {};
    if (which === 'selected') {
      const byKey = new Map();
      for (const [id, key] of selected) byKey.set(key, [...(byKey.get(key) || []), id]);
      return [...byKey].map(([definitionKey, instanceIds]) => ({ definitionKey, instanceIds, ...incident }));
    }
    const f = filters();
    const keys = f.definitionKey ? [f.definitionKey] : [...names.keys()];
    return keys.map((definitionKey) => ({
      definitionKey, version: f.version ? Number(f.version) : undefined, unitCode: f.unitCode || undefined, search: f.search || undefined,
      hasIncident: f.hasIncident ? f.hasIncident === 'true' : undefined, startedFrom: witaMoment(f.startedFrom), startedTo: witaMoment(f.startedTo, true),
      ...incident,
    }));
  }

  page.addEventListener('change', (e) => {
    const box = e.target.closest('[data-select]');
    if (box) {
      const instance = current.find((i) => i.id === box.dataset.select);
      if (box.checked) selected.set(instance.id, instance.definitionKey); else selected.delete(instance.id);
      updateSelection();
    } else if (e.target.matches('[data-testid=select-all]')) {
      current.forEach((i) => (e.target.checked ? selected.set(i.id, i.definitionKey) : selected.delete(i.id)));
      page.querySelectorAll('[data-select]').forEach((b) => { b.checked = e.target.checked; });
      updateSelection();
    } else if (e.target === select) {
      fillVersions().then(restart);
    } else if (e.target.closest('.filters') && e.target.name) {
      restart();
    }
  });

  page.addEventListener('click', async (e) => {
    const batch = e.target.closest('[data-batch]');
    if (e.target.closest('[data-testid=page-next]')) { pages.forward(); return load(); }
    if (e.target.closest('[data-testid=page-prev]')) { pages.back(); return load(); }
    if (e.target.closest('[data-action=start]')) return openStartDialog({ definitions: definitions.items, preselected: select.value, navigate });
    if (!batch) return;
    const which = batch.dataset.which;
    if (await runBatch({ type: batch.dataset.batch, filters: batchFilters(batch.dataset.batch, which) })) {
      if (which === 'selected') selected.clear();
      updateSelection();
      await load();
    }
    return undefined;
  });

  let typing = null;
  searchBox.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(restart, 300); });
  searchBox.addEventListener('keydown', (e) => { if (e.key === 'Enter') { clearTimeout(typing); restart(); } });
  await load();
  return () => clearTimeout(typing);
}
