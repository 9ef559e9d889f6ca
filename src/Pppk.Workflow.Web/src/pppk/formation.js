// One formation: its facts, the ranking (final or provisional) and its applicants.
import { api, query } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { label, passedBadge, renderPager, pageQuery, TYPE_LABELS, APPLICANT_STATUS_LABELS } from './common.js';
import { mountExportButtons } from '../export/export-buttons.js';

export default async function render(container, { params }) {
  const code = decodeURIComponent(params.code);
  const [f, ranking] = await Promise.all([
    api.get(`/api/formations/${encodeURIComponent(code)}`),
    api.get(`/api/formations/${encodeURIComponent(code)}/ranking`),
  ]);
  const statuses = Object.entries(f.statusCounts || {}).map(([k, v]) => `${label(APPLICANT_STATUS_LABELS, k)}: ${v}`).join(' · ');
  const page = h(`
    <section class="page" data-testid="formation">
      <p><a href="/formasi" data-link>‹ Semua formasi</a></p>
      <h1>${escapeHtml(f.position)} <small class="muted" data-testid="formation-code">${escapeHtml(f.code)}</small></h1>
      <dl class="inline">
        <dt>Unit</dt><dd>${escapeHtml(f.unitName)} (${escapeHtml(f.unitCode)})</dd>
        <dt>Jenis</dt><dd>${label(TYPE_LABELS, f.type)}</dd>
        <dt>Tahun/tahap</dt><dd>${f.year}/${f.wave}</dd>
        <dt>Kuota</dt><dd data-testid="quota">${f.quota}</dd>
        <dt>Pelamar</dt><dd>${f.applicantCount}${statuses ? ` (${statuses})` : ''}</dd>
      </dl>
      <h2>Peringkat ${ranking.final
        ? '<span class="badge status-completed" data-testid="ranking-kind">Final</span>'
        : '<span class="badge" data-testid="ranking-kind">Sementara</span>'}</h2>
      <p class="muted">${ranking.final ? 'Hasil langkah pemeringkatan.' : 'Dihitung dari nilai yang sudah masuk dengan aturan nasional (kategori prioritas, total, teknis, manajerial-sosiokultural, wawancara, usia).'}
        ${ranking.scored} pelamar bernilai, ${ranking.unscored} belum bernilai.</p>
      <table class="list"><thead><tr><th>Peringkat</th><th>Nomor peserta</th><th>Nama</th><th>Prioritas</th>
        <th>Teknis</th><th>Manajerial-sosiokultural</th><th>Wawancara</th><th>Total</th><th>Hasil</th><th>Alasan</th></tr></thead>
        <tbody data-testid="ranking-rows">
        ${ranking.items.map((r) => `<tr data-testid="ranking-row"><td>${r.rank}</td>
          <td><a href="/pelamar/${encodeURIComponent(r.registrationNumber)}" data-link>${escapeHtml(r.registrationNumber)}</a></td>
          <td>${escapeHtml(r.name)}</td><td>${r.priorityCategory}</td><td>${r.scores.technical}</td><td>${r.scores.managerialSocioCultural}</td>
          <td>${r.scores.interview}</td><td><strong>${r.scores.total}</strong></td><td>${passedBadge(r.passed)}</td><td>${escapeHtml(r.reason || '')}</td></tr>`).join('')
          || '<tr><td colspan="10" class="muted">Belum ada nilai untuk formasi ini.</td></tr>'}
        </tbody></table>
      <h2>Pelamar</h2>
      <table class="list"><thead><tr><th>Nomor peserta</th><th>Nama</th><th>Status</th><th>Verifikasi</th><th>Total nilai</th><th>Peringkat</th></tr></thead>
        <tbody data-testid="applicant-rows"></tbody></table>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  page.querySelectorAll('h2').forEach((title, i) => mountExportButtons(title, i === 0 ? 'ranking' : 'applicants', () => ({ formationCode: code }), { label: i === 0 ? 'peringkat formasi ini' : 'pelamar formasi ini' }));

  async function load(p = 1) {
    const data = await api.get(`/api/formations/${encodeURIComponent(code)}/applicants${query({ ...pageQuery(p), pageSize: 25 })}`);
    page.querySelector('[data-testid=applicant-rows]').innerHTML = data.items.map((a) => `
      <tr><td><a href="/pelamar/${encodeURIComponent(a.registrationNumber)}" data-link>${escapeHtml(a.registrationNumber)}</a></td>
        <td>${escapeHtml(a.name)}</td><td>${label(APPLICANT_STATUS_LABELS, a.status)}</td><td>${escapeHtml(a.adminVerdict?.toUpperCase() || '–')}</td>
        <td>${a.scores ? a.scores.total : '–'}</td><td>${a.rank ?? '–'} ${a.passed === null || a.passed === undefined ? '' : passedBadge(a.passed)}</td></tr>`).join('')
      || '<tr><td colspan="6" class="muted">Belum ada pelamar.</td></tr>';
    renderPager(page.querySelector('[data-testid=pager]'), data, load);
  }
  await load();
}
