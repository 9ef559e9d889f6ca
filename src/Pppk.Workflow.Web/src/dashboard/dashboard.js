// The dashboard (hr-admin): instances by workflow and status, open and overdue tasks (by workflow, overdue by unit),
// incidents, contracts ending per month, renewal outcomes, selection progress, and how long steps take. Every number
// is a link to the list that shows it; a chart with nothing to show says so in words.
import './dashboard.css';
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, DoughnutController, ArcElement } from 'chart.js';
import { api, query } from '../api.js';
import { escapeHtml, formatNumber, formatWita, h, STATUS_LABELS } from '../format.js';
import { mountExportButtons } from '../export/export-buttons.js';
import { mountDurations } from './durations.js';
import { mountCalendarWarning } from '../calendar/coverage-warning.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, DoughnutController, ArcElement);

const STATUS_COLOURS = { active: '#1f6feb', completed: '#2da44e', terminated: '#8c959f', cancelled: '#cf222e' };

export default async function render(container, { navigate }) {
  const [summary, definitions] = await Promise.all([
    api.get('/api/dashboard/summary'),
    api.get('/api/definitions?pageSize=500').catch(() => ({ items: [] })),
  ]);
  const names = new Map(definitions.items.map((d) => [d.key, d.name || d.key]));
  const workflowName = (key) => names.get(key) || key;
  const total = summary.instances.reduce((n, i) => n + i.count, 0);
  const active = summary.instances.filter((i) => i.status === 'active').reduce((n, i) => n + i.count, 0);
  const page = h(`
    <section class="page dashboard" data-testid="dashboard">
      <h1>Dasbor</h1>
      <div class="cards">
        <a class="card" href="/instans" data-link data-testid="card-instances"><span>Kasus</span><strong data-testid="total-instances">${formatNumber(total)}</strong></a>
        <a class="card" href="/instans?status=active" data-link data-testid="card-active"><span>Kasus berjalan</span><strong>${formatNumber(active)}</strong></a>
        <a class="card" href="/tugas?scope=all" data-link data-testid="card-open"><span>Tugas terbuka</span><strong data-testid="open-tasks">${formatNumber(summary.openTasks)}</strong></a>
        <a class="card ${summary.overdueTasks ? 'danger' : ''}" href="/tugas?scope=all&due=overdue" data-link data-testid="card-overdue"><span>Tugas terlambat</span><strong data-testid="overdue-tasks">${formatNumber(summary.overdueTasks)}</strong></a>
        <a class="card ${summary.openIncidents ? 'danger' : ''}" href="/insiden" data-link data-testid="incidents-card"><span>Insiden terbuka</span><strong>${formatNumber(summary.openIncidents)}</strong></a>
        <div class="card-exports" data-testid="incidents-export"><span class="muted small">Daftar insiden terbuka:</span></div>
      </div>
      <div class="charts">
        <figure><figcaption>Kasus per alur kerja dan status</figcaption><div data-chart="instances"><canvas data-testid="chart-instances"></canvas></div></figure>
        <figure><figcaption>Tugas terbuka per alur kerja</figcaption><div data-chart="tasks"><canvas data-testid="chart-tasks"></canvas></div></figure>
      </div>
      <div class="charts">
        <figure><figcaption>Tugas terlambat per unit</figcaption><div data-chart="units"><canvas data-testid="chart-units"></canvas></div></figure>
        <figure><figcaption>Kontrak berakhir per bulan (12 bulan ke depan)</figcaption><div data-chart="contracts"><canvas data-testid="chart-contracts"></canvas></div></figure>
        <figure><figcaption>Hasil perpanjangan kontrak</figcaption><div data-chart="renewals"><canvas data-testid="chart-renewals"></canvas></div></figure>
        <figure><figcaption>Kemajuan seleksi (${summary.selectionProgress.formationsRanked} dari ${summary.selectionProgress.formations} formasi sudah diperingkat)</figcaption><div data-chart="selection"><canvas data-testid="chart-selection"></canvas></div></figure>
      </div>
      <div data-testid="dashboard-durations"></div>
      <p class="muted small" data-testid="dashboard-as-of">Diperbarui ${formatWita(summary.at)}${summary.refreshSeconds ? ` · angka dihitung ulang tiap ${summary.refreshSeconds} detik` : ''}</p>
    </section>`);
  container.append(page);
  mountExportButtons(page.querySelector('[data-testid=incidents-export]'), 'incidents', () => ({}), { label: 'insiden terbuka' });

  const charts = [];
  const bars = { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };
  // A chart, or the sentence saying there is nothing; `links` gives each bar (or slice) the list that shows it, also as
  // plain links under the chart so every number can be reached without a mouse on the canvas.
  function chart(name, empty, config, links) {
    const holder = page.querySelector(`[data-chart=${name}]`);
    if (empty) {
      holder.replaceChildren(h(`<p class="empty" data-testid="empty-${name}">${empty}</p>`));
      return;
    }
    const onClick = (_, elements) => {
      const e = elements[0];
      const href = e && links?.(e.index, e.datasetIndex);
      if (href) navigate(href);
    };
    charts.push(new Chart(holder.querySelector('canvas'), { ...config, options: { ...config.options, onClick, onHover: (ev, el) => { ev.native.target.style.cursor = el.length ? 'pointer' : 'default'; } } }));
  }
  const numbers = (name, rows) => {
    // A number without a list of its own (tasks of cases without a unit: the inbox cannot filter them) stays plain text.
    const list = h(`<p class="chart-numbers" data-testid="numbers-${name}">${rows.map(([label, n, href]) => (href
      ? `<a href="${href}" data-link>${escapeHtml(label)}: ${formatNumber(n)}</a>` : `${escapeHtml(label)}: ${formatNumber(n)}`)).join(' · ')}</p>`);
    page.querySelector(`[data-chart=${name}]`).after(list);
  };
  mountCalendarWarning(page);

  const workflows = [...new Set(summary.instances.map((i) => i.definitionKey))];
  const statuses = Object.keys(STATUS_COLOURS);
  const instanceHref = (w, s) => `/instans${query({ definition: w, status: s })}`;
  chart('instances', total === 0 && 'Belum ada kasus.', {
    type: 'bar',
    data: {
      labels: workflows.map(workflowName),
      datasets: statuses.map((status) => ({
        label: STATUS_LABELS[status],
        backgroundColor: STATUS_COLOURS[status],
        data: workflows.map((w) => summary.instances.find((i) => i.definitionKey === w && i.status === status)?.count || 0),
      })),
    },
    options: bars,
  }, (i, ds) => instanceHref(workflows[i], statuses[ds]));
  if (total) numbers('instances', workflows.map((w) => [workflowName(w), summary.instances.filter((i) => i.definitionKey === w).reduce((n, i) => n + i.count, 0), instanceHref(w)]));

  chart('tasks', summary.openTasks === 0 && 'Tidak ada tugas terbuka.', {
    type: 'bar',
    data: {
      labels: summary.tasks.map((t) => workflowName(t.definitionKey)),
      datasets: [
        { label: 'Tepat waktu', backgroundColor: '#1f6feb', data: summary.tasks.map((t) => t.open - t.overdue) },
        { label: 'Terlambat', backgroundColor: '#cf222e', data: summary.tasks.map((t) => t.overdue) },
      ],
    },
    options: bars,
  }, (i, ds) => `/tugas${query({ scope: 'all', alur: summary.tasks[i].definitionKey, due: ds === 1 ? 'overdue' : '' })}`);
  if (summary.openTasks) numbers('tasks', summary.tasks.map((t) => [workflowName(t.definitionKey), t.open, `/tugas${query({ scope: 'all', alur: t.definitionKey })}`]));

  // Only overdue tasks, by the case's unit (named); a bar opens the inbox filtered to the unit's overdue tasks.
  const unitHref = (u) => u.unitCode && `/tugas${query({ scope: 'all', unit: u.unitCode, due: 'overdue' })}`;
  chart('units', summary.tasksByUnit.length === 0 && 'Tidak ada tugas terlambat.', {
    type: 'bar',
    data: {
      labels: summary.tasksByUnit.map((u) => u.unit),
      datasets: [{ label: 'Terlambat', backgroundColor: '#cf222e', data: summary.tasksByUnit.map((u) => u.overdue) }],
    },
    options: { ...bars, plugins: { legend: { display: false } } },
  }, (i) => unitHref(summary.tasksByUnit[i]));
  if (summary.tasksByUnit.length) numbers('units', summary.tasksByUnit.map((u) => [u.unit, u.overdue, unitHref(u)]));

  chart('contracts', summary.contractsEnding.every((m) => m.count === 0) && 'Tidak ada kontrak yang berakhir dalam 12 bulan ke depan.', {
    type: 'bar',
    data: {
      labels: summary.contractsEnding.map((m) => monthLabel(m.month)),
      datasets: [{ label: 'Kontrak berakhir', backgroundColor: '#bf8700', data: summary.contractsEnding.map((m) => m.count) }],
    },
    options: bars,
  }, () => '/perpanjangan');
  const r = summary.renewalOutcomes;
  chart('renewals', r.renewed + r.ended + r.inReview === 0 && 'Belum ada perpanjangan kontrak.', {
    type: 'doughnut',
    data: {
      labels: ['Diperpanjang', 'Tidak diperpanjang', 'Sedang ditinjau'],
      datasets: [{ backgroundColor: ['#2da44e', '#cf222e', '#1f6feb'], data: [r.renewed, r.ended, r.inReview] }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false },
  }, (i) => (i === 2 ? instanceHref('perpanjangan-kontrak', 'active') : '/perpanjangan'));
  const p = summary.selectionProgress;
  chart('selection', p.applicants === 0 && 'Belum ada pelamar.', {
    type: 'bar',
    data: {
      labels: ['Pelamar', 'MS', 'TMS', 'Bernilai CAT', 'Lulus'],
      datasets: [{ label: 'Pelamar', backgroundColor: ['#8c959f', '#2da44e', '#cf222e', '#1f6feb', '#8250df'], data: [p.applicants, p.ms, p.tms, p.scored, p.passed] }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }, () => '/formasi');

  await mountDurations(page.querySelector('[data-testid=dashboard-durations]'), workflowName);
  return () => charts.forEach((c) => c.destroy());
}

// "2027-03" → "Mar 2027": months as people read them.
const MONTH = new Intl.DateTimeFormat('id-ID', { month: 'short', year: 'numeric', timeZone: 'UTC' });
function monthLabel(month) {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : MONTH.format(date);
}
