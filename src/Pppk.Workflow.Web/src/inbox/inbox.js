// The task inbox: my tasks and my groups' tasks, filters by workflow, unit and due date, sorted by due date or priority, claim, release and open.
import { api, query } from '../api.js';
import { escapeHtml, formatWita, h, isOverdue, witaDay } from '../format.js';
import { ROLE_LABELS } from '../shell/shell.js';
import { mountExportButtons } from '../export/export-buttons.js';

const DUE_FILTERS = {
  all: () => true,
  overdue: (t) => isOverdue(t.dueAt),
  today: (t) => t.dueAt && witaDay(t.dueAt) === witaDay(new Date()),
  week: (t) => t.dueAt && new Date(t.dueAt) - new Date() < 7 * 86400000,
  none: (t) => !t.dueAt,
};

export default async function render(container, { user, navigate, search }) {
  const page = h(`
    <section class="page inbox" data-testid="inbox">
      <h1>Kotak tugas</h1>
      <div class="filters">
        <div class="tabs" role="tablist">
          <button type="button" role="tab" data-scope="all" class="active">Semua tugas saya</button>
          <button type="button" role="tab" data-scope="mine">Ditugaskan ke saya</button>
          <button type="button" role="tab" data-scope="group">Tugas grup saya</button>
        </div>
        <label>Alur kerja <select data-testid="filter-workflow"><option value="">Semua</option></select></label>
        <label>Unit <input data-testid="filter-unit" size="10" placeholder="kode unit"></label>
        <label>Tenggat <select data-testid="filter-due">
          <option value="all">Semua</option><option value="overdue">Terlambat</option><option value="today">Hari ini</option>
          <option value="week">7 hari ke depan</option><option value="none">Tanpa tenggat</option></select></label>
        <label>Status <select data-testid="filter-state"><option value="open">Terbuka</option><option value="completed">Selesai</option><option value="all">Semua</option></select></label>
        <label>Urutkan <select data-testid="sort"><option value="due">Tenggat</option><option value="priority">Prioritas</option></select></label>
      </div>
      <p class="muted">Tenggat dalam WITA (Asia/Makassar).</p>
      <div class="banner error" role="alert" data-testid="inbox-status" hidden></div>
      <table class="list">
        <thead><tr><th>Tugas</th><th>Alur kerja</th><th>Kunci bisnis</th><th>Untuk</th><th>Prioritas</th><th>Tenggat</th><th></th></tr></thead>
        <tbody data-testid="task-rows"></tbody>
      </table>
    </section>`);
  container.append(page);
  const $ = (s) => page.querySelector(s);
  mountExportButtons(page.querySelector('.filters'), 'tasks', () => ({ mine: true, state: $('[data-testid=filter-state]')?.value, definitionKey: $('[data-testid=filter-workflow]')?.value, unitCode: $('[data-testid=filter-unit]')?.value.trim(), sort: $('[data-testid=sort]')?.value }), { label: 'kotak tugas' });
  let scope = 'all';
  const workflow = $('[data-testid=filter-workflow]');
  workflow.value = search.get('alur') || '';

  try {
    const definitions = await api.get('/api/definitions?pageSize=500');
    workflow.innerHTML += definitions.items.map((d) => `<option value="${escapeHtml(d.key)}">${escapeHtml(d.name || d.key)}</option>`).join('');
    workflow.value = search.get('alur') || '';
  } catch { /* the list still works without names */ }

  let loads = 0; // a filter changed while an earlier list was still on its way: only the latest answer is shown
  async function load() {
    const mine = ++loads;
    const rows = $('[data-testid=task-rows]');
    const state = $('[data-testid=filter-state]').value;
    const unitCode = $('[data-testid=filter-unit]').value.trim();
    const sort = $('[data-testid=sort]').value;
    const data = await api.get(`/api/tasks${query({ mine: true, state, definitionKey: workflow.value, unitCode, sort, pageSize: 500 })}`);
    if (mine !== loads) return;
    const due = DUE_FILTERS[$('[data-testid=filter-due]').value];
    const tasks = data.items.filter(due).filter((t) =>
      scope === 'all' || (scope === 'mine' ? t.assignee === user.name : t.assignee !== user.name));
    rows.innerHTML = tasks.length ? tasks.map((t) => {
      const overdue = t.state === 'open' && isOverdue(t.dueAt);
      const forWhom = t.assignee
        ? `<span class="badge ${t.assignee === user.name ? 'me' : ''}">${escapeHtml(t.assignee === user.name ? 'Saya' : t.assignee)}</span>`
        : t.candidateGroups.map((g) => `<span class="badge">${escapeHtml(ROLE_LABELS[g] || g)}</span>`).join(' ');
      return `<tr class="${overdue ? 'overdue' : ''}" data-task-id="${t.id}" data-testid="task-row">
        <td><a href="/tugas/${t.id}" data-link>${escapeHtml(t.name || t.elementId)}</a></td>
        <td>${escapeHtml(t.definitionKey)}</td>
        <td>${escapeHtml(t.businessKey || '–')}</td>
        <td>${forWhom}</td>
        <td data-testid="priority">${priorityBadge(t.priority)}</td>
        <td>${formatWita(t.dueAt)}${overdue ? ' <span class="badge danger" data-testid="overdue">Terlambat</span>' : ''}</td>
        <td>${t.state === 'open' && !t.assignee ? `<button type="button" data-claim="${t.id}">Ambil</button>` : ''}
            ${t.state === 'open' && t.assignee === user.name ? `<button type="button" data-unclaim="${t.id}" data-testid="unclaim" title="Kembalikan tugas ke grupnya">Lepaskan</button>` : ''}
            <a class="button" href="/tugas/${t.id}" data-link>Buka</a></td></tr>`;
    }).join('') : '<tr><td colspan="7" class="muted">Tidak ada tugas.</td></tr>';
  }

  page.addEventListener('click', async (e) => {
    const tab = e.target.closest('[data-scope]');
    if (tab) {
      scope = tab.dataset.scope;
      page.querySelectorAll('[data-scope]').forEach((b) => b.classList.toggle('active', b === tab));
      return load();
    }
    const status = $('[data-testid=inbox-status]');
    const claim = e.target.closest('[data-claim]');
    const unclaim = e.target.closest('[data-unclaim]');
    try {
      if (claim) {
        await api.post(`/api/tasks/${claim.dataset.claim}/claim`, {});
        navigate(`/tugas/${claim.dataset.claim}`);
      } else if (unclaim) {
        await api.post(`/api/tasks/${unclaim.dataset.unclaim}/unclaim`, {});
        status.hidden = true;
        await load();
      }
    } catch (err) {
      // The problem's title is in Indonesian (api.js asks for it): who holds the task, why it was refused.
      status.hidden = false;
      status.textContent = err.message;
      await load();
    }
  });
  page.querySelectorAll('select, input[data-testid=filter-unit]').forEach((s) => s.addEventListener('change', load));
  await load();
}

// Priority 0..100 (50 when the process sets none): high from 75, low up to 25, the number in the tooltip.
function priorityBadge(priority) {
  const p = priority ?? 50;
  const [label, kind] = p >= 75 ? ['Tinggi', 'danger'] : p <= 25 ? ['Rendah', ''] : ['Sedang', ''];
  return `<span class="badge ${kind}" title="Prioritas ${p}">${label} (${p})</span>`;
}
