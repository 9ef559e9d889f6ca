// The task inbox for a whole agency: each row is a case (its title, workflow, unit), searched and filtered on the
// server, paged by cursor with the total ("1–50 dari 1.711"), with bulk claim / release / complete and, for one task,
// give back (Kembalikan) and hand to a colleague (Alihkan).
import './inbox.css';
import { api, query } from '../api.js';
import { escapeHtml, formatNumber, formatWita, h } from '../format.js';
import { ROLE_LABELS } from '../shell/shell.js';
import { mountExportButtons } from '../export/export-buttons.js';
import { runBulk, completeDialog } from './bulk.js';
import { delegateDialog } from './delegate.js';
import { refreshTaskBadge } from './badge.js';

const PAGE_SIZE = 50;

export default async function render(container, { user, navigate, search }) {
  const page = h(`
    <section class="page inbox" data-testid="inbox">
      <div class="inbox-head">
        <h1>Kotak tugas</h1>
        <input type="search" data-testid="inbox-search" maxlength="100" placeholder="Cari nama, NIK, NI PPPK, no. pendaftaran" aria-label="Cari kasus">
      </div>
      <div class="filters">
        <label>Alur kerja <select data-testid="filter-workflow"><option value="">Semua</option></select></label>
        <label>Unit <select data-testid="filter-unit"><option value="">Semua</option></select></label>
        <label>Tenggat <select data-testid="filter-due">
          <option value="all">Semua</option><option value="overdue">Terlambat</option><option value="today">Hari ini</option>
          <option value="week">7 hari ke depan</option></select></label>
        <label>Penerima <select data-testid="filter-assigned">
          <option value="">Semua tugas saya</option><option value="me">Ditugaskan ke saya</option>
          <option value="groups">Tugas grup saya</option><option value="substitute">Sebagai pengganti (Plh.)</option></select></label>
        <label>Status <select data-testid="filter-state"><option value="open">Terbuka</option><option value="completed">Selesai</option><option value="all">Semua</option></select></label>
        <label>Urutkan <select data-testid="sort">
          <option value="due">Tenggat terdekat</option><option value="-due">Tenggat terjauh</option>
          <option value="priority">Prioritas tertinggi</option><option value="-priority">Prioritas terendah</option>
          <option value="created">Terlama dibuat</option><option value="-created">Terbaru dibuat</option></select></label>
      </div>
      <div class="bulk-bar" data-testid="bulk-bar">
        <span data-testid="selected-count">0 dipilih</span>
        <button type="button" data-bulk="claim" data-testid="bulk-claim" disabled>Klaim</button>
        <button type="button" data-bulk="unclaim" data-testid="bulk-unclaim" disabled>Lepaskan</button>
        <button type="button" data-bulk="complete" data-testid="bulk-complete" disabled>Selesaikan…</button>
        <progress data-testid="bulk-progress" hidden></progress>
        <span class="bulk-summary" data-testid="bulk-summary" role="status"></span>
        <span class="muted tz">Tenggat dalam WITA</span>
      </div>
      <div class="banner error" role="alert" data-testid="inbox-status" hidden></div>
      <table class="list inbox-list">
        <colgroup><col class="c-check"><col class="c-case"><col class="c-flow"><col class="c-unit"><col class="c-task"><col class="c-due"><col class="c-prio"><col class="c-who"><col class="c-act"></colgroup>
        <thead><tr><th><input type="checkbox" data-testid="select-all" aria-label="Pilih semua di halaman ini"></th>
          <th>Kasus</th><th>Alur kerja</th><th>Unit</th><th>Tugas</th><th>Tenggat</th><th>Prioritas</th><th>Penerima</th><th></th></tr></thead>
        <tbody data-testid="task-rows"></tbody>
      </table>
      <div class="pager">
        <span data-testid="inbox-range"></span>
        <button type="button" data-testid="page-prev" disabled>← Sebelumnya</button>
        <button type="button" data-testid="page-next" disabled>Berikutnya →</button>
      </div>
    </section>`);
  container.append(page);
  const $ = (s) => page.querySelector(s);
  const workflow = $('[data-testid=filter-workflow]');
  const unit = $('[data-testid=filter-unit]');
  const searchBox = $('[data-testid=inbox-search]');
  const status = $('[data-testid=inbox-status]');
  // The export takes the list's filters (not its paging): the whole filtered inbox, as the list shows it.
  mountExportButtons(page.querySelector('.filters'), 'tasks', () => { const { pageSize, ...filters } = params(); return filters; }, { label: 'kotak tugas' });

  const [definitions, units] = await Promise.all([
    api.get('/api/definitions?pageSize=500').catch(() => ({ items: [] })),
    api.get('/api/tasks/units').catch(() => []),
  ]);
  workflow.innerHTML += definitions.items.map((d) => `<option value="${escapeHtml(d.key)}">${escapeHtml(d.name || d.key)}</option>`).join('');
  unit.innerHTML += units.map((u) => `<option value="${escapeHtml(u.code)}">${escapeHtml(u.name)}</option>`).join('');
  workflow.value = search.get('alur') || '';
  searchBox.value = search.get('cari') || '';
  // The dashboard's links: /tugas?scope=all (hr-admin: every task, as the dashboard counts them), due=overdue, unit=CODE, status=completed.
  const everyone = search.get('scope') === 'all';
  unit.value = search.get('unit') || '';
  $('[data-testid=filter-due]').value = search.get('due') || 'all';
  if (search.get('status')) $('[data-testid=filter-state]').value = search.get('status');

  // Keyset paging: cursors[i] starts page i+1 (page 1 has none); "previous" steps back through them.
  let cursors = [null];
  let current = [];
  const selected = new Set();
  let loads = 0; // only the latest answer is shown when filters change quickly

  function params() {
    const due = $('[data-testid=filter-due]').value;
    return {
      mine: !everyone,
      search: searchBox.value.trim(),
      definitionKey: workflow.value,
      unitCode: unit.value,
      due: due === 'all' ? '' : due,
      assigned: $('[data-testid=filter-assigned]').value,
      state: $('[data-testid=filter-state]').value,
      sort: $('[data-testid=sort]').value,
      pageSize: PAGE_SIZE,
    };
  }

  async function load() {
    const mine = ++loads;
    const cursor = cursors[cursors.length - 1];
    let data;
    try {
      data = await api.get(`/api/tasks${query({ ...params(), cursor })}`);
    } catch (err) {
      if (mine !== loads) return;
      status.hidden = false;
      status.textContent = err.message;
      return;
    }
    if (mine !== loads) return;
    current = data.items;
    const from = (cursors.length - 1) * PAGE_SIZE;
    const total = `${formatNumber(data.total)}${data.totalCapped ? '+' : ''}`;
    $('[data-testid=inbox-range]').textContent = data.items.length
      ? `${formatNumber(from + 1)}–${formatNumber(from + data.items.length)} dari ${total}` : `0 dari ${total}`;
    $('[data-testid=page-prev]').disabled = cursors.length === 1;
    const next = $('[data-testid=page-next]');
    next.disabled = !data.nextCursor;
    next.dataset.cursor = data.nextCursor || '';
    // Rows one holds carry two more buttons (Kembalikan, Alihkan): their column widens only then.
    $('table.inbox-list').classList.toggle('has-held', data.items.some((t) => t.state === 'open' && t.assignee === user.name));
    $('[data-testid=task-rows]').innerHTML = data.items.length ? data.items.map(row).join('')
      : '<tr><td colspan="9" class="muted">Tidak ada tugas.</td></tr>';
    $('[data-testid=select-all]').checked = data.items.length > 0 && data.items.every((t) => selected.has(t.id));
  }

  function row(t) {
    const open = t.state === 'open';
    const held = t.assignee === user.name;
    // A case started before its process had a title: the workflow's name and business key.
    const title = t.title || `${t.definitionName || t.definitionKey}${t.businessKey ? ` · ${t.businessKey}` : ''}`;
    const forWhom = t.assignee
      ? `<span class="badge ${held ? 'me' : ''}">${escapeHtml(held ? 'Saya' : t.assignee)}</span>`
      : t.candidateGroups.map((g) => `<span class="badge">${escapeHtml(ROLE_LABELS[g] || g)}</span>`).join(' ');
    return `<tr class="${t.overdue ? 'overdue' : ''}" data-task-id="${t.id}" data-testid="task-row">
      <td><input type="checkbox" data-select="${t.id}" ${selected.has(t.id) ? 'checked' : ''} aria-label="Pilih ${escapeHtml(title)}"></td>
      <td class="case" title="${escapeHtml(title)}"><a href="/tugas/${t.id}" data-link data-testid="case-title">${escapeHtml(title)}</a>${t.title && t.businessKey ? `<small class="bk">${escapeHtml(t.businessKey)}</small>` : ''}</td>
      <td class="ellipsis" title="${escapeHtml(t.definitionName || t.definitionKey)}">${escapeHtml(t.definitionName || t.definitionKey)}</td>
      <td class="ellipsis" title="${escapeHtml(t.unitName || t.unitCode || '')}" data-testid="unit">${escapeHtml(t.unitName || t.unitCode || '–')}</td>
      <td class="ellipsis" title="${escapeHtml(t.name || t.elementId)}">${escapeHtml(t.name || t.elementId)}</td>
      <td class="due">${formatWita(t.dueAt)}${t.overdue ? ' <span class="badge danger" data-testid="overdue" title="terlambat">Terlambat</span>' : ''}</td>
      <td data-testid="priority">${priorityBadge(t.priority)}</td>
      <td class="ellipsis">${forWhom}</td>
      <td class="row-actions">${open && !t.assignee ? `<button type="button" data-claim="${t.id}">Ambil</button>` : ''}
        ${open && held ? `<button type="button" data-unclaim="${t.id}" data-testid="unclaim" title="Kembalikan tugas ke grupnya">Kembalikan</button>
          <button type="button" data-delegate="${t.id}" data-testid="delegate" title="Alihkan ke rekan satu grup">Alihkan</button>` : ''}
        <a class="button" href="/tugas/${t.id}" data-link>Buka</a></td></tr>`;
  }

  function updateSelection() {
    $('[data-testid=selected-count]').textContent = `${formatNumber(selected.size)} dipilih`;
    page.querySelectorAll('[data-bulk]').forEach((b) => { b.disabled = selected.size === 0; });
  }

  function restart() {
    cursors = [null];
    return load();
  }

  async function bulk(action) {
    const ids = [...selected];
    let variables;
    if (action === 'complete') {
      variables = await completeDialog(ids[0], ids.length);
      if (variables === null) return;
    }
    page.querySelectorAll('[data-bulk]').forEach((b) => { b.disabled = true; });
    const outcome = await runBulk(action, ids, variables, {
      progress: $('[data-testid=bulk-progress]'),
      summary: $('[data-testid=bulk-summary]'),
    });
    // Done ones leave the selection; refused ones stay selected, with their reasons in the summary.
    outcome.results.filter((r) => r.ok).forEach((r) => selected.delete(r.id));
    updateSelection();
    refreshTaskBadge();
    await load();
  }

  page.addEventListener('change', (e) => {
    const box = e.target.closest('[data-select]');
    if (box) {
      if (box.checked) selected.add(box.dataset.select); else selected.delete(box.dataset.select);
      updateSelection();
    } else if (e.target.matches('[data-testid=select-all]')) {
      current.forEach((t) => (e.target.checked ? selected.add(t.id) : selected.delete(t.id)));
      page.querySelectorAll('[data-select]').forEach((b) => { b.checked = e.target.checked; });
      updateSelection();
    }
  });

  page.addEventListener('click', async (e) => {
    const claim = e.target.closest('[data-claim]');
    const unclaim = e.target.closest('[data-unclaim]');
    const delegate = e.target.closest('[data-delegate]');
    const bulkButton = e.target.closest('[data-bulk]');
    try {
      if (bulkButton) return await bulk(bulkButton.dataset.bulk);
      if (e.target.closest('[data-testid=page-next]')) {
        cursors.push(e.target.closest('[data-testid=page-next]').dataset.cursor);
        return await load();
      }
      if (e.target.closest('[data-testid=page-prev]')) {
        cursors.pop();
        return await load();
      }
      if (claim) {
        await api.post(`/api/tasks/${claim.dataset.claim}/claim`, {});
        refreshTaskBadge();
        navigate(`/tugas/${claim.dataset.claim}`);
      } else if (unclaim) {
        await api.post(`/api/tasks/${unclaim.dataset.unclaim}/unclaim`, {});
        status.hidden = true;
        refreshTaskBadge();
        await load();
      } else if (delegate) {
        const task = current.find((t) => t.id === delegate.dataset.delegate);
        const to = await delegateDialog(task);
        if (!to) return;
        status.hidden = false;
        status.className = 'banner ok';
        status.textContent = `Tugas dialihkan ke ${to}.`;
        refreshTaskBadge();
        await load();
      }
    } catch (err) {
      // The problem's title is in Indonesian (api.js asks for it): who holds the task, why it was refused.
      status.hidden = false;
      status.className = 'banner error';
      status.textContent = err.message;
      await load();
    }
  });

  page.querySelectorAll('.filters select').forEach((s) => s.addEventListener('change', restart));
  let typing = null;
  searchBox.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(restart, 300);
  });
  searchBox.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { clearTimeout(typing); restart(); }
  });
  await load();
  return () => clearTimeout(typing);
}

// Priority 0..100 (50 when the process sets none): high from 75, low up to 25, the number in the tooltip.
function priorityBadge(priority) {
  const p = priority ?? 50;
  const [label, kind] = p >= 75 ? ['Tinggi', 'danger'] : p <= 25 ? ['Rendah', ''] : ['Sedang', ''];
  return `<span class="badge ${kind}" title="Prioritas ${p}">${label} (${p})</span>`;
}
