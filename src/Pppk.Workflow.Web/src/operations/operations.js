// Operasi (hr-admin): batch operations with their progress, failures (reason per instance) and cancel; the list and
// one operation's page refresh themselves while something runs.
import { api, query } from '../api.js';
import { escapeHtml, formatNumber, formatWita, h } from '../format.js';
import { renderPager, pageQuery } from '../pppk/common.js';
import { OPERATION_TYPE_LABELS, progressHtml, stateBadge, subject, workflowNames } from './labels.js';

const REFRESH_MS = 1500;

export default async function render(container, { params }) {
  return params.id ? renderOne(container, params.id) : renderList(container);
}

/** The failed instances' business keys, looked up once each (the error list carries ids only). */
async function caseNames(errors, known) {
  const missing = errors.map((e) => e.instanceId).filter((id) => id && !known.has(id)).slice(0, 50);
  await Promise.all(missing.map(async (id) => {
    try { known.set(id, (await api.get(`/api/instances/${id}`)).businessKey || null); } catch { known.set(id, null); }
  }));
  return known;
}

function failuresHtml(op, limit, cases = new Map()) {
  const errors = op.errors || [];
  if (!op.failed) return '<span class="muted">0 gagal</span>';
  const shown = limit ? errors.slice(0, limit) : errors;
  const which = (e) => (e.instanceId
    ? `<a href="/instans/${escapeHtml(e.instanceId)}" data-link>${escapeHtml(cases.get(e.instanceId) || `kasus ${String(e.instanceId).slice(0, 8)}`)}</a>`
    : `butir ke-${formatNumber(e.item)}`);
  return `<strong class="error" data-testid="operation-failed">${formatNumber(op.failed)} gagal</strong>
    ${shown.length ? `<ul class="operation-errors" data-testid="operation-errors">${shown.map((e) => `<li>${which(e)}: ${escapeHtml(e.message)}</li>`).join('')}</ul>` : ''}
    ${op.errors && errors.length < op.failed ? `<p class="small muted">${formatNumber(errors.length)} alasan pertama ditampilkan.</p>` : ''}
    ${!op.errors ? `<a class="small" href="/operasi/${escapeHtml(op.id)}" data-link>Lihat alasannya</a>` : ''}`;
}

function cancelButton(op) {
  if (op.state !== 'running') return '';
  return op.cancelRequested
    ? '<span class="muted small">Dihentikan setelah bagian yang sedang diproses…</span>'
    : `<button type="button" class="danger" data-cancel="${escapeHtml(op.id)}" data-testid="operation-cancel">Hentikan</button>`;
}

/** Why the operation as a whole failed, when it did (not one instance: those are in the failures). */
function operationError(op) {
  return op.error ? `<p class="notice error" data-testid="operation-error">${escapeHtml(op.error)}</p>` : '';
}

/** Calls load() again while it answers true (something still runs); the first call's error reaches the page. */
function poll(load) {
  let timer = null;
  let stopped = false;
  const schedule = (again) => { if (!stopped && again) timer = setTimeout(tick, REFRESH_MS); };
  const tick = () => load().then(schedule, () => schedule(true));
  return { start: async () => schedule(await load()), stop: () => { stopped = true; clearTimeout(timer); } };
}

async function cancel(id, say) {
  if (!confirm('Hentikan operasi ini? Bagian yang sedang diproses diselesaikan dulu, sisanya tidak dikerjakan.')) return;
  try {
    await api.post(`/api/operations/${id}/cancel`);
  } catch (err) {
    say(`Gagal menghentikan: ${err.problem?.title || err.message}`);
  }
}

async function renderList(container) {
  const page = h(`
    <section class="page operations" data-testid="operations">
      <h1>Operasi</h1>
      <p class="muted">Pekerjaan atas banyak kasus sekaligus (migrasi versi, pembatalan, coba ulang insiden, ubah variabel, mulai kasus),
        dikerjakan bertahap di latar belakang. Halaman ini memperbarui dirinya selama ada operasi yang berjalan.</p>
      <p class="banner error" role="alert" hidden></p>
      <table class="list"><thead><tr><th>Jenis</th><th>Sasaran</th><th>Status</th><th>Kemajuan</th><th>Gagal</th><th>Oleh · mulai</th><th></th></tr></thead>
        <tbody data-testid="operation-rows"></tbody></table>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  const banner = page.querySelector('.banner');
  const say = (text) => { banner.hidden = false; banner.textContent = text; };
  let current = 1;
  const names = await workflowNames(api);

  async function load(p = current) {
    current = p;
    const data = await api.get(`/api/operations${query({ ...pageQuery(p), pageSize: 20 })}`);
    page.querySelector('[data-testid=operation-rows]').innerHTML = data.items.map((op) => `
      <tr data-testid="operation-row" data-operation-id="${escapeHtml(op.id)}">
        <td><a href="/operasi/${escapeHtml(op.id)}" data-link>${escapeHtml(OPERATION_TYPE_LABELS[op.type] || op.type)}</a></td>
        <td>${subject(op, names)}</td>
        <td>${stateBadge(op)}${operationError(op)}</td>
        <td class="progress-cell">${progressHtml(op)}</td>
        <td>${failuresHtml(op, 3)}</td>
        <td>${escapeHtml(op.createdBy || '–')}<br><small class="muted">${formatWita(op.startedAt || op.createdAt)}</small></td>
        <td>${cancelButton(op)}</td>
      </tr>`).join('') || '<tr><td colspan="7" class="muted">Belum ada operasi.</td></tr>';
    renderPager(page.querySelector('[data-testid=pager]'), data, (n) => load(n));
    return data.items.some((op) => op.state === 'running');
  }

  let refresh = poll(() => load());
  page.addEventListener('click', async (e) => {
    const button = e.target.closest('[data-cancel]');
    if (!button) return;
    await cancel(button.dataset.cancel, say);
    refresh.stop();
    refresh = poll(() => load());
    await refresh.start();
  });
  await refresh.start();
  return () => refresh.stop();
}

async function renderOne(container, id) {
  const page = h(`
    <section class="page operations" data-testid="operation">
      <p><a href="/operasi" data-link>← Semua operasi</a></p>
      <h1 data-testid="operation-title"></h1>
      <p class="banner error" role="alert" hidden></p>
      <div class="operation-card" data-testid="operation-card"></div>
    </section>`);
  container.append(page);
  const banner = page.querySelector('.banner');
  const say = (text) => { banner.hidden = false; banner.textContent = text; };
  const names = await workflowNames(api);
  const cases = new Map();

  async function load() {
    const op = await api.get(`/api/operations/${encodeURIComponent(id)}`);
    await caseNames(op.errors || [], cases);
    page.querySelector('[data-testid=operation-title]').textContent = OPERATION_TYPE_LABELS[op.type] || op.type;
    page.querySelector('[data-testid=operation-card]').innerHTML = `
      <dl class="inline">
        <dt>Status</dt><dd>${stateBadge(op)}</dd>
        <dt>Sasaran</dt><dd>${subject(op, names)}</dd>
        <dt>Oleh</dt><dd>${escapeHtml(op.createdBy || '–')}</dd>
        <dt>Mulai</dt><dd>${formatWita(op.startedAt || op.createdAt)}</dd>
        <dt>Selesai</dt><dd>${formatWita(op.endedAt)}</dd>
      </dl>
      ${operationError(op)}
      ${progressHtml(op)}
      <p>${formatNumber(op.done)} berhasil · ${failuresHtml(op, 0, cases)}</p>
      ${cancelButton(op)}`;
    return op.state === 'running';
  }

  let refresh = poll(load);
  page.addEventListener('click', async (e) => {
    if (!e.target.closest('[data-cancel]')) return;
    await cancel(id, say);
    refresh.stop();
    refresh = poll(load);
    await refresh.start();
  });
  await refresh.start();
  return () => refresh.stop();
}
