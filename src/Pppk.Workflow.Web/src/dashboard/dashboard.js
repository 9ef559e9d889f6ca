// The dashboard (hr-admin): instances by workflow and status, open and overdue tasks, incidents.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, DoughnutController, ArcElement } from 'chart.js';
import { api } from '../api.js';
import { formatWita, h, STATUS_LABELS } from '../format.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, DoughnutController, ArcElement);

const STATUS_COLOURS = { active: '#1f6feb', completed: '#2da44e', terminated: '#8c959f', cancelled: '#cf222e' };

export default async function render(container) {
  const summary = await api.get('/api/dashboard/summary');
  const total = summary.instances.reduce((n, i) => n + i.count, 0);
  const active = summary.instances.filter((i) => i.status === 'active').reduce((n, i) => n + i.count, 0);
  const page = h(`
    <section class="page dashboard" data-testid="dashboard">
      <h1>Dasbor</h1>
      <div class="cards">
        <a class="card" href="/instans" data-link><span>Instans</span><strong data-testid="total-instances">${total}</strong></a>
        <a class="card" href="/instans?status=active" data-link><span>Instans aktif</span><strong>${active}</strong></a>
        <a class="card" href="/tugas" data-link><span>Tugas terbuka</span><strong data-testid="open-tasks">${summary.openTasks}</strong></a>
        <a class="card ${summary.overdueTasks ? 'danger' : ''}" href="/tugas" data-link><span>Tugas terlambat</span><strong data-testid="overdue-tasks">${summary.overdueTasks}</strong></a>
        <div class="card ${summary.openIncidents ? 'danger' : ''}"><span>Insiden terbuka</span><strong>${summary.openIncidents}</strong></div>
      </div>
      <div class="charts">
        <figure><figcaption>Instans per alur kerja dan status</figcaption><div><canvas data-testid="chart-instances"></canvas></div></figure>
        <figure><figcaption>Tugas terbuka per alur kerja</figcaption><div><canvas data-testid="chart-tasks"></canvas></div></figure>
      </div>
      <section class="placeholder">
        <h2>PPPK: formasi dan kontrak</h2>
        <p class="notice">Segera: ringkasan formasi, pelamar, dan kontrak yang jatuh tempo tampil di sini setelah modul domain PPPK tersedia.</p>
      </section>
      <p class="muted small">Diperbarui ${formatWita(summary.at)}</p>
    </section>`);
  container.append(page);

  const workflows = [...new Set(summary.instances.map((i) => i.definitionKey))];
  const instanceChart = new Chart(page.querySelector('[data-testid=chart-instances]'), {
    type: 'bar',
    data: {
      labels: workflows,
      datasets: Object.keys(STATUS_COLOURS).map((status) => ({
        label: STATUS_LABELS[status],
        backgroundColor: STATUS_COLOURS[status],
        data: workflows.map((w) => summary.instances.find((i) => i.definitionKey === w && i.status === status)?.count || 0),
      })),
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  const taskChart = new Chart(page.querySelector('[data-testid=chart-tasks]'), {
    type: 'bar',
    data: {
      labels: summary.tasks.map((t) => t.definitionKey),
      datasets: [
        { label: 'Tepat waktu', backgroundColor: '#1f6feb', data: summary.tasks.map((t) => t.open - t.overdue) },
        { label: 'Terlambat', backgroundColor: '#cf222e', data: summary.tasks.map((t) => t.overdue) },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  return () => { instanceChart.destroy(); taskChart.destroy(); };
}
