// Keputusan (who designs workflows): the deployed decisions (DMN) with their latest version, when and by whom it was
// deployed (WITA); search and paging; "+ Keputusan baru" starts a new decision file from a starter table.
import { api, query } from '../api.js';
import { escapeHtml, formatDeployedBy, formatWita, h } from '../format.js';
import { renderPager, pageQuery } from '../pppk/common.js';
import { askNewDecision } from './new-decision.js';
import './decisions.css';

const PAGE_SIZE = 15;

export default async function render(container, { navigate, search: params }) {
  const page = h(`
    <section class="page decisions-page" data-testid="decisions">
      <div class="decisions-head">
        <h1>Keputusan</h1>
        <button type="button" class="primary" data-testid="new-decision">+ Keputusan baru</button>
      </div>
      <p class="muted">Aturan yang dipakai alur kerja untuk memutuskan. Setiap penerapan menjadi versi baru.</p>
      <div class="filters">
        <label>Cari <input name="search" type="search" maxlength="100" placeholder="Nama atau kunci keputusan" data-testid="decision-search"></label>
        <span class="muted tz">Waktu dalam WITA</span>
      </div>
      <table class="list decision-list"><thead><tr><th>Keputusan</th><th>Kunci</th><th>Versi</th><th>Diterapkan</th><th>Oleh</th></tr></thead>
        <tbody data-testid="decision-rows"></tbody></table>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  const searchBox = page.querySelector('[name=search]');
  searchBox.value = params.get('cari') || '';

  async function load(pageNo = 1) {
    const data = await api.get(`/api/decisions${query({ search: searchBox.value.trim(), ...pageQuery(pageNo), pageSize: PAGE_SIZE })}`);
    page.querySelector('[data-testid=decision-rows]').innerHTML = data.items.map((d) => `
      <tr data-testid="decision-row" data-key="${escapeHtml(d.key)}">
        <td><a href="/keputusan/${encodeURIComponent(d.key)}" data-link>${escapeHtml(d.name || d.key)}</a></td>
        <td><code>${escapeHtml(d.key)}</code></td><td>${d.version}</td>
        <td>${formatWita(d.deployedAt)}</td><td>${escapeHtml(formatDeployedBy(d.deployedBy))}</td></tr>`).join('')
      || `<tr><td colspan="5" class="muted">${searchBox.value.trim() ? 'Tidak ada keputusan yang cocok.' : 'Belum ada keputusan yang diterapkan.'}</td></tr>`;
    renderPager(page.querySelector('[data-testid=pager]'), data, load);
  }

  page.querySelector('[data-testid=new-decision]').addEventListener('click', () => {
    const key = askNewDecision();
    if (key) navigate(`/keputusan/${encodeURIComponent(key)}?baru=1`);
  });
  let timer;
  searchBox.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => load(), 250); });
  await load();
  return () => clearTimeout(timer);
}
