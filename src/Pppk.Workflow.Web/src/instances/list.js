// Instances (hr-admin): filter by workflow, status and business key; start a new one.
import { api, query } from '../api.js';
import { escapeHtml, formatWita, h, STATUS_LABELS } from '../format.js';
import { mountExportButtons } from '../export/export-buttons.js';
import { openStartDialog } from './start-dialog.js';

export default async function render(container, { navigate, search }) {
  const page = h(`
    <section class="page" data-testid="instances">
      <h1>Instans</h1>
      <div class="filters">
        <label>Alur kerja <select name="definitionKey"><option value="">Semua</option></select></label>
        <label>Status <select name="status"><option value="">Semua</option>
          ${Object.entries(STATUS_LABELS).filter(([k]) => k !== 'open').map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></label>
        <label>Kunci bisnis <input name="businessKey" type="search"></label>
        <span class="spacer"></span>
        <button type="button" class="primary" data-action="start" data-testid="start-instance">Mulai kasus…</button>
      </div>
      <table class="list"><thead><tr><th>Kunci bisnis</th><th>Alur kerja</th><th>Status</th><th>Mulai</th><th>Selesai</th></tr></thead>
        <tbody data-testid="instance-rows"></tbody></table>
      <p class="muted" data-testid="instance-total"></p>
    </section>`);
  container.append(page);
  const select = page.querySelector('[name=definitionKey]');
  const definitions = await api.get('/api/definitions?pageSize=500');
  select.innerHTML += definitions.items.map((d) => `<option value="${escapeHtml(d.key)}">${escapeHtml(d.name || d.key)}</option>`).join('');
  select.value = search.get('alur') || '';
  page.querySelector('[name=status]').value = search.get('status') || '';
  mountExportButtons(page.querySelector('.filters'), 'instances', () => ({ definitionKey: select.value, status: page.querySelector('[name=status]').value, businessKey: page.querySelector('[name=businessKey]').value.trim() }), { label: 'daftar instans' });

  async function load() {
    const data = await api.get(`/api/instances${query({
      definitionKey: select.value, status: page.querySelector('[name=status]').value,
      businessKey: page.querySelector('[name=businessKey]').value, pageSize: 100,
    })}`);
    page.querySelector('[data-testid=instance-rows]').innerHTML = data.items.map((i) => `
      <tr><td><a href="/instans/${i.id}" data-link>${escapeHtml(i.businessKey || i.id.slice(0, 8))}</a></td>
        <td>${escapeHtml(i.definitionKey)} v${i.version}</td>
        <td><span class="badge status-${i.status}">${STATUS_LABELS[i.status] || i.status}</span>${i.incident ? ' <span class="badge danger">Insiden</span>' : ''}</td>
        <td>${formatWita(i.startedAt)}</td><td>${formatWita(i.endedAt)}</td></tr>`).join('')
      || '<tr><td colspan="5" class="muted">Tidak ada instans.</td></tr>';
    page.querySelector('[data-testid=instance-total]').textContent = `${data.total} instans${data.total > data.items.length ? ` (menampilkan ${data.items.length} terbaru)` : ''}.`;
  }
  page.querySelectorAll('select, input').forEach((el) => el.addEventListener('change', load));
  page.querySelector('[data-action=start]').addEventListener('click', () =>
    openStartDialog({ definitions: definitions.items, preselected: select.value, navigate }));
  await load();
}
