// The dashboard (hr-admin): instances by workflow and status, open and overdue tasks (by workflow and unit), incidents,
// contracts ending per month, renewal outcomes and selection progress.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, DoughnutController, ArcElement } from 'chart.js';
import { api } from '../api.js';
import { formatWita, h, STATUS_LABELS } from '../format.js';
import { mountExportButtons } from '../export/export-buttons.js';
import { mountCalendarWarning } from '../calendar/coverage-warning.js';

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
        <div class="card ${summary.openIncidents ? 'danger' : ''}" data-testid="incidents-card"><span>Insiden terbuka</span><strong>${summary.openIncidents}</strong></div>
      </div>
      <div class="charts">
        <figure><figcaption>Instans per alur kerja dan status</figcaption><div><canvas data-testid="chart-instances"></canvas></div></figure>
        <figure><figcaption>Tugas terbuka per alur kerja</figcaption><div><canvas data-testid="chart-tasks"></canvas></div></figure>
      </div>
      <div class="charts">
        <figure><figcaption>Tugas terlambat per unit</figcaption><div><canvas data-testid="chart-units"></canvas></div></figure>
        <figure><figcaption>Kontrak berakhir per bulan (12 bulan ke depan)</figcaption><div><canvas data-testid="chart-contracts"></canvas></div></figure>
        <figure><figcaption>Hasil perpanjangan kontrak</figcaption><div><canvas data-testid="chart-renewals"></canvas></div></figure>
        <figure><figcaption>Kemajuan seleksi (${summary.selectionProgress.formationsRanked} dari ${summary.selectionProgress.formations} formasi sudah diperingkat)</figcaption><div><canvas data-testid="chart-selection"></canvas></div></figure>
      </div>
      <p class="muted small">Diperbarui ${formatWita(summary.at)}</p>
    </section>`);
  container.append(page);
  mountCalendarWarning(page);
  mountExportButtons(page.querySelector('[data-testid=incidents-card]'), 'incidents', () => ({}), { label: 'insiden terbuka' });

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
  const bars = { responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };
  const unitChart = new Chart(page.querySelector('[data-testid=chart-units]'), {
    type: 'bar',
    data: {
      labels: summary.tasksByUnit.map((u) => u.unit),
      datasets: [
        { label: 'Tepat waktu', backgroundColor: '#1f6feb', data: summary.tasksByUnit.map((u) => u.open - u.overdue) },
        { label: 'Terlambat', backgroundColor: '#cf222e', data: summary.tasksByUnit.map((u) => u.overdue) },
      ],
    },
    options: bars,
  });
  const contractChart = new Chart(page.querySelector('[data-testid=chart-contracts]'), {
    type: 'bar',
    data: {
      labels: summary.contractsEnding.map((m) => m.month),
      datasets: [{ label: 'Kontrak berakhir', backgroundColor: '#bf8700', data: summary.contractsEnding.map((m) => m.count) }],
    },
    options: bars,
  });
  const r = summary.renewalOutcomes;
  const renewalChart = new Chart(page.querySelector('[data-testid=chart-renewals]'), {
    type: 'doughnut',
    data: {
      labels: ['Diperpanjang', 'Tidak diperpanjang', 'Sedang ditinjau'],
      datasets: [{ backgroundColor: ['#2da44e', '#cf222e', '#1f6feb'], data: [r.renewed, r.ended, r.inReview] }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false },
  });
  const p = summary.selectionProgress;
  const selectionChart = new Chart(page.querySelector('[data-testid=chart-selection]'), {
    type: 'bar',
    data: {
      labels: ['Pelamar', 'MS', 'TMS', 'Bernilai CAT', 'Lulus'],
      datasets: [{ label: 'Pelamar', backgroundColor: ['#8c959f', '#2da44e', '#cf222e', '#1f6feb', '#8250df'], data: [p.applicants, p.ms, p.tms, p.scored, p.passed] }],
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  return () => { instanceChart.destroy(); taskChart.destroy(); unitChart.destroy(); contractChart.destroy(); renewalChart.destroy(); selectionChart.destroy(); };
}
