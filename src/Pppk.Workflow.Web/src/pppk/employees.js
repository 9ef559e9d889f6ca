// Pegawai PPPK: search by name, NIK or NI PPPK, filter by unit.
import { api, query } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { formatDate, renderPager, pageQuery } from './common.js';
import { mountExportButtons } from '../export/export-buttons.js';

export default async function render(container, { search: params }) {
  const page = h(`
    <section class="page" data-testid="employees">
      <h1>Pegawai PPPK</h1>
      <div class="filters">
        <label>Cari <input name="search" type="search" placeholder="Nama, NIK, NI PPPK" data-testid="employee-search"></label>
        <label>Kode unit <input name="unitCode" type="search"></label>
      </div>
      <table class="list"><thead><tr><th>Nama</th><th>NI PPPK</th><th>NIK</th><th>Unit</th><th>Jabatan</th><th>Golongan</th><th>Masa kerja</th><th>Akhir kontrak</th></tr></thead>
        <tbody data-testid="employee-rows"></tbody></table>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  const search = page.querySelector('[name=search]');
  const unit = page.querySelector('[name=unitCode]');
  search.value = params.get('cari') || '';
  mountExportButtons(page.querySelector('.filters'), 'employees', () => ({ search: search.value.trim(), unitCode: unit.value.trim() }), { label: 'daftar pegawai' });

  async function load(p = 1) {
    const data = await api.get(`/api/employees${query({ search: search.value.trim(), unitCode: unit.value.trim(), ...pageQuery(p), pageSize: 25 })}`);
    page.querySelector('[data-testid=employee-rows]').innerHTML = data.items.map((e) => `
      <tr data-testid="employee-row"><td><a href="/pegawai/${e.id}" data-link>${escapeHtml(e.name)}</a></td><td>${escapeHtml(e.niPppk || '–')}</td>
        <td>${escapeHtml(e.nik)}</td><td>${escapeHtml(e.unitName || e.unitCode)}</td><td>${escapeHtml(e.position || '–')}</td>
        <td>${escapeHtml(e.grade)}</td><td>${e.serviceYears} th</td><td>${formatDate(e.contractEnd)}</td></tr>`).join('')
      || '<tr><td colspan="8" class="muted">Tidak ada pegawai.</td></tr>';
    renderPager(page.querySelector('[data-testid=pager]'), data, load);
  }
  search.addEventListener('change', () => load());
  unit.addEventListener('change', () => load());
  await load();
}
