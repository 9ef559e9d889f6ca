// Insiden: every open incident of the cases the user sees (an administrator all, a unit head their unit's), filtered by
// workflow, step, kind of error, unit and age, searched by case; each row the case, the step and the message in
// Indonesian (the technical detail one click away). An administrator retries one, a selection or all that match (a
// batch operation with its count first and a progress bar), or fixes the case's variables and retries.
import './incidents.css';
import { api, query } from '../api.js';
import { keysetPages } from '../shell/keyset-pages.js';
import { escapeHtml, formatNumber, formatWita, h } from '../format.js';
import { runBatch } from './batch.js';
import { openFixDialog } from './fix-dialog.js';
import { ageText } from './age.js';

const PAGE_SIZE = 50;

const AGES = [['', 'Semua'], ['1', 'Lebih dari 1 jam'], ['24', 'Lebih dari 1 hari'], ['168', 'Lebih dari 7 hari'], ['720', 'Lebih dari 30 hari']];

export default async function render(container, { user, search }) {
  const admin = user.roles.includes('hr-admin');
  const page = h(`
    <section class="page incidents" data-testid="incidents">
      <div class="incidents-head">
        <h1>Insiden</h1>
        <input type="search" data-testid="incident-search" maxlength="100" placeholder="Cari nama, NIK, kunci bisnis" aria-label="Cari kasus">
      </div>
      <p class="muted small">Langkah otomatis yang gagal dan menunggu perbaikan. Perbaiki datanya bila perlu, lalu coba ulang.</p>
      <div class="filters">
        <label>Alur kerja <select data-testid="filter-workflow"><option value="">Semua</option></select></label>
        <label>Langkah <select data-testid="filter-element"><option value="">Semua</option></select></label>
        <label>Jenis kesalahan <select data-testid="filter-code"><option value="">Semua</option></select></label>
        <label>Unit <select data-testid="filter-unit"><option value="">Semua</option></select></label>
        <label>Umur <select data-testid="filter-age">${AGES.map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select></label>
      </div>
      ${admin ? `<div class="bulk-bar" data-testid="incident-bulk-bar">
        <span data-testid="selected-count">0 dipilih</span>
        <button type="button" data-batch="selected" data-testid="retry-selected" disabled>Coba ulang yang dipilih</button>
        <button type="button" data-batch="filter" data-testid="retry-filter">Coba ulang semua sesuai filter…</button>
        <span class="muted tz">Waktu dalam WITA</span>
      </div>` : '<p class="muted small">Waktu dalam WITA. Perbaikan dan coba ulang dilakukan oleh Admin BKPSDM.</p>'}
      <div class="banner" role="status" data-testid="incident-status" hidden></div>
      <table class="list incident-list">
        <colgroup>${admin ? '<col class="c-check">' : ''}<col class="c-case"><col class="c-step"><col class="c-unit"><col class="c-msg"><col class="c-age"><col class="c-act"></colgroup>
        <thead><tr>${admin ? '<th><input type="checkbox" data-testid="select-all" aria-label="Pilih semua di halaman ini"></th>' : ''}
          <th>Kasus</th><th>Langkah</th><th>Unit</th><th>Pesan</th><th>Sejak</th><th></th></tr></thead>
        <tbody data-testid="incident-rows"></tbody>
      </table>
      <div class="pager">
        <span data-testid="incident-range"></span>
        <button type="button" data-testid="page-prev" disabled>← Sebelumnya</button>
        <button type="button" data-testid="page-next" disabled>Berikutnya →</button>
      </div>
    </section>`);
  container.append(page);
  const $ = (s) => page.querySelector(s);
  const workflow = $('[data-testid=filter-workflow]');
  const element = $('[data-testid=filter-element]');
  const code = $('[data-testid=filter-code]');
  const unit = $('[data-testid=filter-unit]');
  const age = $('[data-testid=filter-age]');
  const searchBox = $('[data-testid=incident-search]');
  const status = $('[data-testid=incident-status]');
  const columns = admin ? 7 : 6;

  const facets = await api.get('/api/incidents/facets');
  const option = (value, label, count) => `<option value="${escapeHtml(value)}">${escapeHtml(label)} (${formatNumber(count)})</option>`;
  workflow.innerHTML += facets.workflows.map((w) => option(w.key, w.name, w.count)).join('');
  code.innerHTML += facets.codes.map((c) => option(c.code, shorten(c.message, 60), c.count)).join('');
  unit.innerHTML += facets.units.map((u) => option(u.code, u.name, u.count)).join('');
  const workflowName = (key) => facets.workflows.find((w) => w.key === key)?.name || key;
  function fillSteps() {
    const keep = element.value;
    const steps = facets.elements.filter((e) => !workflow.value || e.definitionKey === workflow.value);
    element.innerHTML = '<option value="">Semua</option>' + steps.map((e) =>
      option(`${e.definitionKey}|${e.elementId}`, workflow.value ? e.name : `${e.name} · ${workflowName(e.definitionKey)}`, e.count)).join('');
    element.value = steps.some((e) => `${e.definitionKey}|${e.elementId}` === keep) ? keep : '';
  }
  // The dashboard and other screens link here with filters: /insiden?definition=…&unit=…
  const pick = (select, value) => {
    if (!value) return;
    if (![...select.options].some((o) => o.value === value)) select.append(new Option(value, value));
    select.value = value;
  };
  pick(workflow, search.get('definition') || search.get('alur'));
  fillSteps();
  if (search.get('element')) pick(element, `${workflow.value}|${search.get('element')}`);
  pick(code, search.get('code'));
  pick(unit, search.get('unit'));
  pick(age, search.get('age'));
  searchBox.value = search.get('cari') || '';

  const pages = keysetPages();
  let current = [];
  const selected = new Map(); // incident id → the incident (its case and workflow, for a retry of the selection)
  let loads = 0;

  function params() {
    const [definitionKey, elementId] = element.value ? element.value.split('|') : [workflow.value, ''];
    return { definitionKey: workflow.value || definitionKey, elementId, code: code.value, unitCode: unit.value, olderThanHours: age.value, search: searchBox.value.trim() };
  }

  async function load() {
    const mine = ++loads;
    let data;
    try {
      data = await api.get(`/api/incidents${query({ ...params(), cursor: pages.cursor(), pageSize: PAGE_SIZE })}`);
    } catch (err) {
      if (mine === loads) say(err.message, 'error');
      return;
    }
    if (mine !== loads) return;
    current = data.items;
    pages.answered(data);
    const from = pages.from(PAGE_SIZE);
    const total = `${formatNumber(data.total)}${data.totalCapped ? '+' : ''}`;
    $('[data-testid=incident-range]').textContent = data.items.length
      ? `${formatNumber(from + 1)}–${formatNumber(from + data.items.length)} dari ${total} insiden` : `0 dari ${total} insiden`;
    $('[data-testid=page-prev]').disabled = pages.isFirst();
    $('[data-testid=page-next]').disabled = !pages.hasNext();
    $('[data-testid=incident-rows]').innerHTML = data.items.length ? data.items.map(row).join('')
      : `<tr><td colspan="${columns}" class="muted" data-testid="incident-empty">Tidak ada insiden terbuka${hasFilter() ? ' yang cocok dengan filter' : ''}.</td></tr>`;
    const all = $('[data-testid=select-all]');
    if (all) all.checked = data.items.length > 0 && data.items.every((i) => selected.has(String(i.id)));
  }

  const hasFilter = () => Object.values(params()).some((v) => v);

  function row(i) {
    const title = i.caseTitle || `${i.definitionName || i.definitionKey}${i.businessKey ? ` · ${i.businessKey}` : ''}`;
    const step = i.elementName || 'Langkah tanpa nama';
    return `<tr data-testid="incident-row" data-incident-id="${i.id}">
      ${admin ? `<td><input type="checkbox" data-select="${i.id}" ${selected.has(String(i.id)) ? 'checked' : ''} aria-label="Pilih ${escapeHtml(title)}"></td>` : ''}
      <td class="case" title="${escapeHtml(title)}"><a href="/instans/${i.instanceId}" data-link data-testid="incident-case">${escapeHtml(title)}</a>${i.caseTitle && i.businessKey ? `<small class="bk">${escapeHtml(i.businessKey)}</small>` : ''}</td>
      <td class="step" title="${escapeHtml(`${step} · ${i.definitionName || i.definitionKey}`)}"><span data-testid="incident-step">${escapeHtml(step)}</span><small data-testid="incident-workflow">${escapeHtml(i.definitionName || i.definitionKey)}</small></td>
      <td class="ellipsis" title="${escapeHtml(i.unitName || i.unitCode || '')}">${escapeHtml(i.unitName || i.unitCode || '–')}</td>
      <td class="message" title="${escapeHtml(i.message)}"><span data-testid="incident-message">${escapeHtml(i.message)}</span></td>
      <td class="age" title="${escapeHtml(formatWita(i.createdAt))}"><span>${escapeHtml(ageText(i.createdAt))}</span><small>${escapeHtml(formatWita(i.createdAt))}</small></td>
      <td class="row-actions">
        <button type="button" class="link" data-detail="${i.id}" data-testid="incident-detail-toggle" aria-expanded="false">Rincian</button>
        ${admin ? `<button type="button" data-fix="${i.id}" data-testid="incident-fix">Perbaiki…</button>
        <button type="button" data-retry="${i.id}" data-testid="incident-retry">Coba ulang</button>` : ''}</td></tr>`;
  }

  function detailRow(i) {
    return `<tr class="incident-detail" data-detail-of="${i.id}" data-testid="incident-detail"><td colspan="${columns}">
      <dl class="inline">
        <dt>Pesan lengkap</dt><dd>${escapeHtml(i.message)}</dd>
        <dt>Kode kesalahan</dt><dd><code>${escapeHtml(i.code || '–')}</code></dd>
        <dt>Rincian teknis</dt><dd><code data-testid="incident-technical">${escapeHtml(i.technicalMessage)}</code></dd>
        <dt>Elemen</dt><dd><code>${escapeHtml(i.elementId)}</code> · versi ${i.version} · insiden #${i.id}</dd>
        <dt>Sejak</dt><dd>${escapeHtml(formatWita(i.createdAt))}</dd>
      </dl></td></tr>`;
  }

  function say(text, kind = 'ok') {
    status.hidden = false;
    status.className = `banner ${kind}`;
    status.textContent = text;
  }

  function updateSelection() {
    const count = $('[data-testid=selected-count]');
    if (!count) return;
    count.textContent = `${formatNumber(selected.size)} dipilih`;
    $('[data-testid=retry-selected]').disabled = selected.size === 0;
  }

  function restart() {
    pages.reset();
    return load();
  }

  /** One filter per workflow: the selection's cases, or the screen's filter (each workflow that has incidents when none is chosen). */
  function batchFilters(which) {
    if (which === 'selected') {
      const byKey = new Map();
      for (const i of selected.values()) byKey.set(i.definitionKey, [...(byKey.get(i.definitionKey) || []), i.instanceId]);
      return [...byKey].map(([definitionKey, instanceIds]) => ({ definitionKey, instanceIds: [...new Set(instanceIds)], hasIncident: true }));
    }
    const p = params();
    const keys = p.definitionKey ? [p.definitionKey] : facets.workflows.map((w) => w.key);
    const before = p.olderThanHours ? new Date(Date.now() - Number(p.olderThanHours) * 3600000).toISOString() : undefined;
    return keys.map((definitionKey) => ({
      definitionKey, hasIncident: true, unitCode: p.unitCode || undefined, search: p.search || undefined,
      incidentElementId: p.elementId || undefined, incidentCode: p.code || undefined, incidentBefore: before,
    }));
  }

  async function retryOne(id) {
    const incident = current.find((i) => String(i.id) === id);
    const after = await api.post(`/api/incidents/${id}/retry`);
    say(after.incident ? `Dicoba ulang, tetapi kasus "${incident.caseTitle || incident.businessKey || ''}" masih gagal: lihat pesannya.`
      : `Dicoba ulang: kasus "${incident.caseTitle || incident.businessKey || ''}" berjalan lagi.`, after.incident ? 'error' : 'ok');
    selected.delete(id);
    updateSelection();
  }

  page.addEventListener('change', (e) => {
    const box = e.target.closest('[data-select]');
    if (box) {
      const incident = current.find((i) => String(i.id) === box.dataset.select);
      if (box.checked) selected.set(box.dataset.select, incident); else selected.delete(box.dataset.select);
      updateSelection();
    } else if (e.target.matches('[data-testid=select-all]')) {
      current.forEach((i) => (e.target.checked ? selected.set(String(i.id), i) : selected.delete(String(i.id))));
      page.querySelectorAll('[data-select]').forEach((b) => { b.checked = e.target.checked; });
      updateSelection();
    }
  });

  page.addEventListener('click', async (e) => {
    const detail = e.target.closest('[data-detail]');
    const fix = e.target.closest('[data-fix]');
    const retry = e.target.closest('[data-retry]');
    const batch = e.target.closest('[data-batch]');
    try {
      if (e.target.closest('[data-testid=page-next]')) { pages.forward(); return await load(); }
      if (e.target.closest('[data-testid=page-prev]')) { pages.back(); return await load(); }
      if (detail) {
        const open = page.querySelector(`[data-detail-of="${detail.dataset.detail}"]`);
        if (open) { open.remove(); detail.setAttribute('aria-expanded', 'false'); return; }
        detail.closest('tr').insertAdjacentHTML('afterend', detailRow(current.find((i) => String(i.id) === detail.dataset.detail)));
        detail.setAttribute('aria-expanded', 'true');
        return;
      }
      if (retry) {
        retry.disabled = true;
        await retryOne(retry.dataset.retry);
        return await load();
      }
      if (fix) {
        const outcome = await openFixDialog(current.find((i) => String(i.id) === fix.dataset.fix));
        if (outcome) { say(outcome.text, outcome.ok ? 'ok' : 'error'); await load(); }
        return;
      }
      if (batch) {
        const filters = batchFilters(batch.dataset.batch);
        if (!filters.length) return say('Tidak ada insiden yang cocok.', 'error');
        if (await runBatch({ type: 'retry-incidents', filters })) {
          if (batch.dataset.batch === 'selected') selected.clear();
          updateSelection();
          await load();
        }
      }
    } catch (err) {
      say(err.message, 'error');
      await load();
    }
  });

  workflow.addEventListener('change', () => { fillSteps(); restart(); });
  [element, code, unit, age].forEach((s) => s.addEventListener('change', restart));
  let typing = null;
  searchBox.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(restart, 300); });
  searchBox.addEventListener('keydown', (e) => { if (e.key === 'Enter') { clearTimeout(typing); restart(); } });
  await load();
  return () => clearTimeout(typing);
}

function shorten(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
