// Where work waits: median and 90th percentile of the time people spend in each step (user task), per step and per
// unit, over the last 90 days, slowest first (GET /api/dashboard/durations).
import { api } from '../api.js';
import { escapeHtml, formatNumber, h } from '../format.js';

/** "2 hari 3 jam", "5 jam 10 menit", "45 menit": a duration in hours as people say it. */
export function formatHours(hours) {
  const minutes = Math.round(hours * 60);
  if (minutes < 60) return `${Math.max(minutes, 1)} menit`;
  const days = Math.floor(minutes / 1440);
  const h24 = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (days > 0) return h24 ? `${days} hari ${h24} jam` : `${days} hari`;
  return m ? `${h24} jam ${m} menit` : `${h24} jam`;
}

export async function mountDurations(el, workflowName) {
  const d = await api.get('/api/dashboard/durations');
  const box = h(`
    <div class="durations" data-testid="durations">
      <figure><figcaption>Lama pengerjaan per langkah (${d.days} hari terakhir, paling lambat di atas)</figcaption>
        ${d.steps.length ? `<table class="list" data-testid="durations-steps"><thead><tr><th>Alur kerja</th><th>Langkah</th><th>Median</th><th>90% selesai dalam</th><th>Tugas selesai</th></tr></thead>
          <tbody>${d.steps.map((s) => `<tr data-testid="duration-step"><td>${escapeHtml(workflowName(s.definitionKey))}</td><td>${escapeHtml(s.name)}</td>
            <td>${formatHours(s.medianHours)}</td><td><strong>${formatHours(s.p90Hours)}</strong></td>
            <td><a href="/tugas?scope=all&alur=${encodeURIComponent(s.definitionKey)}&status=completed" data-link>${formatNumber(s.count)}</a></td></tr>`).join('')}</tbody></table>`
          : `<p class="empty" data-testid="durations-steps-empty">Belum ada tugas yang selesai dalam ${d.days} hari terakhir.</p>`}
      </figure>
      <figure><figcaption>Lama pengerjaan per unit (${d.days} hari terakhir)</figcaption>
        ${d.units.length ? `<table class="list" data-testid="durations-units"><thead><tr><th>Unit</th><th>Median</th><th>90% selesai dalam</th><th>Tugas selesai</th></tr></thead>
          <tbody>${d.units.map((u) => `<tr data-testid="duration-unit"><td>${escapeHtml(u.unit)}</td>
            <td>${formatHours(u.medianHours)}</td><td><strong>${formatHours(u.p90Hours)}</strong></td>
            <td>${u.unitCode ? `<a href="/tugas?scope=all&unit=${encodeURIComponent(u.unitCode)}&status=completed" data-link>${formatNumber(u.count)}</a>` : formatNumber(u.count)}</td></tr>`).join('')}</tbody></table>`
          : `<p class="empty" data-testid="durations-units-empty">Belum ada tugas yang selesai dalam ${d.days} hari terakhir.</p>`}
      </figure>
    </div>`);
  el.replaceChildren(box);
}
