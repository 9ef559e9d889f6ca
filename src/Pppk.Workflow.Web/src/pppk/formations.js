// Formasi: the formations of the selection round (paged, searchable) and a quick applicant search.
import { api, query } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { label, renderPager, pageQuery, TYPE_LABELS, APPLICANT_STATUS_LABELS } from './common.js';
import { mountExportButtons } from '../export/export-buttons.js';

export default async function render(container) {
  const page = h(`
    <section class="page" data-testid="formations">
      <h1>Formasi</h1>
      <div class="filters">
        <label>Cari formasi <input name="search" type="search" placeholder="Kode atau jabatan"></label>
        <label>Jenis <select name="type"><option value="">Semua</option>
          ${Object.entries(TYPE_LABELS).map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></label>
        <span class="spacer"></span>
        <label>Cari pelamar <input name="applicant" type="search" placeholder="Nama, nomor peserta, NIK" data-testid="applicant-search"></label>
      </div>
      <div data-testid="applicant-results"></div>
      <table class="list"><thead><tr><th>Kode</th><th>Jabatan</th><th>Unit</th><th>Jenis</th><th>Tahun/tahap</th><th>Kuota</th><th>Pelamar</th></tr></thead>
        <tbody data-testid="formation-rows"></tbody></table>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  const search = page.querySelector('[name=search]');
  const type = page.querySelector('[name=type]');
  mountExportButtons(page.querySelector('.filters'), 'formations', () => ({ search: search.value.trim(), type: type.value }), { label: 'daftar formasi' });

  async function load(p = 1) {
    const data = await api.get(`/api/formations${query({ search: search.value, type: type.value, ...pageQuery(p), pageSize: 25 })}`);
    page.querySelector('[data-testid=formation-rows]').innerHTML = data.items.map((f) => `
      <tr data-testid="formation-row"><td><a href="/formasi/${encodeURIComponent(f.code)}" data-link>${escapeHtml(f.code)}</a></td>
        <td>${escapeHtml(f.position)}</td><td>${escapeHtml(f.unitName)} <small class="muted">${escapeHtml(f.unitCode)}</small></td>
        <td>${label(TYPE_LABELS, f.type)}</td><td>${f.year}/${f.wave}</td><td>${f.quota}</td><td>${f.applicantCount}</td></tr>`).join('')
      || '<tr><td colspan="7" class="muted">Belum ada formasi. Impor berkas formasi lebih dulu.</td></tr>';
    renderPager(page.querySelector('[data-testid=pager]'), data, load);
  }

  const applicant = page.querySelector('[name=applicant]');
  async function findApplicants() {
    const out = page.querySelector('[data-testid=applicant-results]');
    if (!applicant.value.trim()) { out.innerHTML = ''; return; }
    const data = await api.get(`/api/applicants${query({ search: applicant.value.trim(), pageSize: 20 })}`);
    out.innerHTML = `<table class="list"><thead><tr><th>Nomor peserta</th><th>Nama</th><th>Formasi</th><th>Status</th></tr></thead><tbody>
      ${data.items.map((a) => `<tr><td><a href="/pelamar/${encodeURIComponent(a.registrationNumber)}" data-link>${escapeHtml(a.registrationNumber)}</a></td>
        <td>${escapeHtml(a.name)}</td><td>${escapeHtml(a.formationCode)}</td><td>${label(APPLICANT_STATUS_LABELS, a.status)}</td></tr>`).join('')
        || '<tr><td colspan="4" class="muted">Tidak ada pelamar yang cocok.</td></tr>'}</tbody></table>
      <p class="muted">${data.total} pelamar ditemukan.</p>`;
  }
  search.addEventListener('change', () => load());
  type.addEventListener('change', () => load());
  applicant.addEventListener('change', findApplicants);
  await load();
}
