// Pengguna (hr-admin): accounts with their roles, unit and linked employee; search, filters and paging; create, edit,
// deactivate/reactivate, temporary password, unlock; and substitutes (Plt/Plh) of everyone below the list.
import './users.css';
import { api, query } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { ROLE_LABELS } from '../shell/shell.js';
import { renderPager, pageQuery } from '../pppk/common.js';
import { statusBadges, userDialog } from './user-dialog.js';
import { mountSubstitutes } from './substitutes.js';

const PAGE_SIZE = 25;

export default async function render(container) {
  const page = h(`
    <section class="page users" data-testid="users">
      <div class="users-head">
        <h1>Pengguna</h1>
        <button type="button" class="primary" data-testid="user-new">+ Tambah pengguna</button>
      </div>
      <div class="filters">
        <label>Cari <input type="search" data-testid="user-search" maxlength="100" placeholder="Nama, nama pengguna, email, NIK, NI PPPK"></label>
        <label>Peran <select data-testid="filter-role"><option value="">Semua</option>
          ${Object.entries(ROLE_LABELS).map(([k, v]) => `<option value="${k}">${escapeHtml(v)}</option>`).join('')}</select></label>
        <label>Unit <select data-testid="filter-unit"><option value="">Semua</option></select></label>
        <label>Status <select data-testid="filter-active"><option value="">Semua</option><option value="true">Aktif</option><option value="false">Nonaktif</option></select></label>
      </div>
      <div class="banner ok" role="status" data-testid="users-status" hidden></div>
      <table class="list users-list">
        <thead><tr><th>Nama</th><th>Nama pengguna</th><th>Peran</th><th>Unit</th><th>Pegawai tertaut</th><th>Status</th><th></th></tr></thead>
        <tbody data-testid="user-rows"></tbody>
      </table>
      <div class="pager" data-testid="pager"></div>
      <div data-testid="substitutes-all"></div>
    </section>`);
  container.append(page);
  const $ = (s) => page.querySelector(s);
  const units = await api.get('/api/tasks/units').catch(() => []);
  $('[data-testid=filter-unit]').innerHTML += units.map((u) => `<option value="${escapeHtml(u.code)}">${escapeHtml(u.name)}</option>`).join('');
  let current = 1;
  let shown = [];
  let loads = 0; // only the latest answer is shown when the search or filters change quickly

  function say(text) {
    const status = $('[data-testid=users-status]');
    status.hidden = !text;
    status.textContent = text || '';
  }

  async function load(p = current) {
    current = p;
    const mine = ++loads;
    const data = await api.get(`/api/users${query({
      q: $('[data-testid=user-search]').value.trim(), role: $('[data-testid=filter-role]').value,
      unitCode: $('[data-testid=filter-unit]').value, active: $('[data-testid=filter-active]').value, ...pageQuery(p), pageSize: PAGE_SIZE,
    })}`);
    if (mine !== loads) return;
    shown = data.items;
    $('[data-testid=user-rows]').innerHTML = data.items.map((u) => `
      <tr data-testid="user-row" data-user="${escapeHtml(u.userName)}" class="${u.active ? '' : 'inactive'}">
        <td>${escapeHtml(u.fullName || '–')}</td><td>${escapeHtml(u.userName)}</td>
        <td>${u.roles.map((r) => `<span class="badge">${escapeHtml(ROLE_LABELS[r] || r)}</span>`).join(' ') || '<span class="muted">–</span>'}</td>
        <td>${escapeHtml(u.unitName || '–')}</td>
        <td>${u.employeeNik ? `${escapeHtml(u.employeeName || '')} <small class="muted">${escapeHtml(u.employeeNik)}</small>` : '<span class="muted">–</span>'}</td>
        <td>${statusBadges(u)}</td>
        <td><button type="button" data-edit="${escapeHtml(u.id)}" data-testid="user-edit">Kelola</button></td>
      </tr>`).join('') || `<tr><td colspan="7" class="muted" data-testid="users-empty">Tidak ada pengguna yang cocok dengan pencarian ini.</td></tr>`;
    renderPager($('[data-testid=pager]'), data, load, { noun: 'pengguna' });
  }

  const open = async (user) => {
    const changed = await userDialog(user, units);
    if (changed) {
      say(changed);
      await Promise.all([load(), substitutes.reload()]);
    }
  };
  $('[data-testid=user-new]').addEventListener('click', () => open(null));
  $('[data-testid=user-rows]').addEventListener('click', (e) => {
    const id = e.target.closest('[data-edit]')?.dataset.edit;
    if (id) open(shown.find((u) => u.id === id));
  });
  $('[data-testid=user-search]').addEventListener('change', () => load(1));
  for (const f of ['filter-role', 'filter-unit', 'filter-active']) $(`[data-testid=${f}]`).addEventListener('change', () => load(1));
  const substitutes = await mountSubstitutes($('[data-testid=substitutes-all]'), { title: 'Pengganti (Plt/Plh) semua pengguna' });
  await load(1);
}
