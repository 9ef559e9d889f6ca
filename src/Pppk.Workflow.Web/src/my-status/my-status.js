// "Status saya": the signed-in person's own cases (GET /api/me/cases), the step each is at, dates and outcomes.
import { api, query } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { renderPager, pageQuery } from '../pppk/common.js';

const PAGE_SIZE = 10;

const FILTERS = { '': 'Semua', active: 'Berjalan', completed: 'Selesai', terminated: 'Dihentikan', cancelled: 'Dibatalkan' };

export default async function render(container) {
  const page = h(`
    <section class="page my-status" data-testid="my-status">
      <h1>Status saya</h1>
      <p class="muted">Proses kepegawaian atas nama Anda: tahap yang sedang berjalan, tahap yang sudah dilalui, dan hasilnya. Waktu dalam WITA.</p>
      <div class="filters">
        <label>Status <select name="status" data-testid="my-status-filter">
          ${Object.entries(FILTERS).map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></label>
      </div>
      <div data-testid="my-cases"></div>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  const status = page.querySelector('[name=status]');
  const list = page.querySelector('[data-testid=my-cases]');
  const pager = page.querySelector('[data-testid=pager]');

  async function load(p = 1) {
    const data = await api.get(`/api/me/cases${query({ status: status.value, ...pageQuery(p), pageSize: PAGE_SIZE })}`);
    if (!data.linked) {
      page.querySelector('.filters')?.remove();
      list.innerHTML = `<div class="notice" data-testid="my-status-unlinked"><strong>Akun Anda belum terhubung dengan data pegawai.</strong>
        <p>Hubungi Admin BKPSDM agar akun Anda dihubungkan dengan NIK Anda; setelah itu proses atas nama Anda tampil di sini.</p></div>`;
      pager.innerHTML = '';
      return;
    }
    list.innerHTML = data.items.length ? data.items.map(renderCase).join('') : `<div class="notice" data-testid="my-status-empty">
        <strong>${status.value ? `Belum ada proses berstatus ${escapeHtml(FILTERS[status.value].toLowerCase())} atas nama Anda.` : 'Belum ada proses atas nama Anda.'}</strong>
        <p>Proses seperti seleksi, penerbitan SK, evaluasi kinerja, atau perpanjangan kontrak akan tampil di sini begitu dimulai.</p></div>`;
    if (data.total > data.pageSize) renderPager(pager, data, load);
    else pager.innerHTML = data.total ? `<span class="muted" data-testid="pager-info">${data.total} proses</span>` : '';
  }

  status.addEventListener('change', () => load());
  await load();
}

function renderCase(c) {
  const ended = c.status !== 'active';
  const now = c.currentSteps.map((s) => `<li class="running" data-testid="current-step"><strong>${escapeHtml(s.name)}</strong>
      <span class="muted">sedang berjalan sejak ${formatWita(s.startedAt)}</span></li>`).join('');
  const done = c.steps.map((s) => `<li data-testid="done-step">${escapeHtml(s.name)} <span class="muted">selesai ${formatWita(s.endedAt)}</span></li>`).join('');
  return `
    <article class="case-card" data-testid="my-case" data-case-id="${c.id}">
      <header>
        <h2>${escapeHtml(c.process)}</h2>
        <span class="badge status-${escapeHtml(c.status)}" data-testid="case-status">${escapeHtml(c.statusText)}</span>
      </header>
      <dl class="inline">
        <dt>Dimulai</dt><dd>${formatWita(c.startedAt)}</dd>
        ${ended ? `<dt>Berakhir</dt><dd>${formatWita(c.endedAt)}</dd>` : ''}
      </dl>
      ${ended
        ? `<p class="outcome" data-testid="case-outcome">${c.outcome ? `Hasil: <strong>${escapeHtml(c.outcome)}</strong>` : `Proses ini ${escapeHtml(c.statusText.toLowerCase())}.`}</p>`
        : `<p class="now">${c.currentSteps.length ? `Tahap saat ini: <strong data-testid="case-now">${c.currentSteps.map((s) => escapeHtml(s.name)).join(', ')}</strong>` : 'Sedang diproses.'}</p>`}
      <details ${ended ? '' : 'open'}>
        <summary>Tahapan (${c.steps.length} selesai${c.currentSteps.length ? `, ${c.currentSteps.length} berjalan` : ''})</summary>
        <ol class="timeline">${done}${now}</ol>
      </details>
    </article>`;
}
