// Templat email: every template with its current version and who changed it last; search and paging.
import { api, query } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { renderPager, pageQuery } from '../pppk/common.js';
import './email-templates.css';

export default async function render(container, { search: params }) {
  const page = h(`
    <section class="page" data-testid="email-templates">
      <h1>Templat email</h1>
      <p class="muted">Isi email yang dikirim alur kerja. Setiap perubahan disimpan sebagai versi baru; versi 1 adalah templat bawaan.</p>
      <div class="filters">
        <label>Cari <input name="search" type="search" placeholder="Nama atau keterangan templat" data-testid="template-search"></label>
      </div>
      <table class="list email-templates"><thead><tr><th>Templat</th><th>Keterangan</th><th>Versi</th><th>Diubah oleh</th><th>Diubah pada</th></tr></thead>
        <tbody data-testid="template-rows"></tbody></table>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  const search = page.querySelector('[name=search]');
  search.value = params.get('cari') || '';

  async function load(p = 1) {
    const data = await api.get(`/api/email-templates${query({ search: search.value.trim(), ...pageQuery(p), pageSize: 15 })}`);
    page.querySelector('[data-testid=template-rows]').innerHTML = data.items.map((t) => `
      <tr data-testid="template-row"><td><a href="/templat-email/${encodeURIComponent(t.name)}" data-link>${escapeHtml(t.name)}</a></td>
        <td>${escapeHtml(t.description || '–')}</td><td>${t.version === 1 ? '1 <span class="muted">(bawaan)</span>' : t.version}</td>
        <td>${escapeHtml(t.changedByName || t.changedBy || '–')}</td><td>${t.changedAt ? formatWita(t.changedAt) : '–'}</td></tr>`).join('')
      || '<tr><td colspan="5" class="muted">Tidak ada templat yang cocok.</td></tr>';
    renderPager(page.querySelector('[data-testid=pager]'), data, load);
  }
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => load(), 250); });
  await load();
  return () => clearTimeout(timer);
}
