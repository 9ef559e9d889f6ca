// Perpanjangan: active contracts ending within N months, with performance and the fiscal check inputs side by side.
import { api, query } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { formatDate, label, num, renderPager, pageQuery, PERIOD_LABELS } from './common.js';
import { rupiah } from './common.js';
import { mountExportButtons } from '../export/export-buttons.js';
import { renewalRuleCell } from './renewal-rule.js';

export default async function render(container, { search }) {
  const page = h(`
    <section class="page" data-testid="renewals">
      <h1>Perpanjangan kontrak</h1>
      <p class="muted">Anggaran unit dan data fiskal daerah diisi di <a href="/anggaran" data-link data-testid="renewals-budgets-link">Anggaran</a>.</p>
      <div class="filters">
        <label>Kontrak berakhir dalam <select name="months" data-testid="renewal-months">
          ${[1, 3, 6, 9, 12, 24].map((m) => `<option value="${m}" ${m === 6 ? 'selected' : ''}>${m} bulan</option>`).join('')}</select></label>
        <label>Kode unit <input name="unitCode" type="search"></label>
      </div>
      <table class="list"><thead>
        <tr><th colspan="3">Pegawai dan kontrak</th><th colspan="2">Kinerja</th><th colspan="4">Masukan pemeriksaan anggaran</th><th rowspan="2">Rekomendasi</th></tr>
        <tr><th>Pegawai</th><th>Unit / jabatan</th><th>Berakhir</th><th>Predikat tahunan terakhir</th><th>Triwulan terakhir</th>
          <th>Gaji/bulan (gol., masa kerja)</th><th>Biaya perpanjangan</th><th>Sisa anggaran unit (TA)</th><th>Rasio belanja pegawai daerah</th></tr></thead>
        <tbody data-testid="renewal-rows"></tbody></table>
      <div class="pager" data-testid="pager"></div>
    </section>`);
  container.append(page);
  const months = page.querySelector('[name=months]');
  const unit = page.querySelector('[name=unitCode]');
  if (search.get('bulan')) months.value = search.get('bulan');
  mountExportButtons(page.querySelector('.filters'), 'renewals', () => ({ months: months.value, unitCode: unit.value.trim() }), { label: 'daftar perpanjangan' });

  async function load(p = 1) {
    const data = await api.get(`/api/renewals${query({ months: months.value, unitCode: unit.value.trim(), ...pageQuery(p), pageSize: 25 })}`);
    page.querySelector('[data-testid=renewal-rows]').innerHTML = data.items.map((r) => {
      const e = r.employee;
      const f = r.fiscal;
      const reg = f.regional;
      return `<tr data-testid="renewal-row" class="${r.daysLeft < 0 ? 'overdue' : ''}">
        <td><a href="/pegawai/${e.id}" data-link>${escapeHtml(e.name)}</a><br><small class="muted">${escapeHtml(e.niPppk || '')}</small></td>
        <td>${escapeHtml(e.unitName || e.unitCode)}<br><small class="muted">${escapeHtml(e.position || '')}</small></td>
        <td>${formatDate(r.end)}<br><small class="muted">${r.daysLeft < 0 ? `lewat ${-r.daysLeft} hari` : `${r.daysLeft} hari lagi`} · kontrak ${r.years} th</small></td>
        <td>${r.latestAnnual ? `<strong>${escapeHtml(r.latestAnnual.predicate)}</strong> (${r.latestAnnual.year})` : '<span class="muted">Belum ada</span>'}
          ${r.poorPerformance ? ' <span class="badge danger">Kinerja kurang</span>' : ''}</td>
        <td>${r.recentQuarters.map((q) => `${label(PERIOD_LABELS, q.period)} ${q.year}: ${escapeHtml(q.predicate)}`).join('<br>') || '–'}</td>
        <td>${rupiah(f.monthlySalary)}<br><small class="muted">gol. ${escapeHtml(e.grade)}, ${f.serviceYearsAtRenewal} th</small></td>
        <td>${rupiah(f.renewalCost)}<br><small class="muted">${f.termYears} th × ${f.salaryMonthsPerYear} bln + ${num(f.allowancePercent)}%</small></td>
        <td>${f.unitRemaining === null || f.unitRemaining === undefined ? `<a href="/anggaran?tahun=${f.fiscalYear}&unit=${encodeURIComponent(e.unitCode)}" data-link>Isi anggaran</a>` : rupiah(f.unitRemaining)}<br><small class="muted">TA ${f.fiscalYear}${f.unitCeiling !== null && f.unitCeiling !== undefined ? `, pagu ${rupiah(f.unitCeiling)}` : ''}</small>
          ${f.unitRemaining !== null && f.renewalCost !== null && f.unitRemaining < f.renewalCost ? ' <span class="badge danger">Tidak cukup</span>' : ''}</td>
        <td>${reg ? `${num(reg.ratioPercent)}% <small class="muted">(batas ${num(reg.capPercent)}%)</small>${reg.overCap ? ' <span class="badge danger">Melebihi batas</span>' : ''}` : '–'}</td>
        <td class="renewal-rule">${renewalRuleCell(r.recommendation)}</td>
      </tr>`;
    }).join('') || '<tr><td colspan="10" class="muted">Tidak ada kontrak yang berakhir dalam rentang ini.</td></tr>';
    renderPager(page.querySelector('[data-testid=pager]'), data, load);
  }
  months.addEventListener('change', () => load());
  unit.addEventListener('change', () => load());
  await load();
}
