// One PPPK employee: data, contracts, SKs, evaluations, fiscal checks and the emails sent.
import { api } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { formatDate, label, num, rupiah, CONTRACT_STATUS_LABELS, PERIOD_LABELS } from './common.js';
import { mountEmployeeDocuments } from '../documents/documents.js';

const EMAIL_STATUS = { sent: 'Terkirim', pending: 'Antre', queued: 'Antre', failed: 'Gagal' };

export default async function render(container, { params }) {
  const e = await api.get(`/api/employees/${encodeURIComponent(params.id)}`);
  const rows = (items, cols, empty, map) => items.length ? items.map(map).join('') : `<tr><td colspan="${cols}" class="muted">${empty}</td></tr>`;
  const page = h(`
    <section class="page" data-testid="employee">
      <p><a href="/pegawai" data-link>‹ Semua pegawai</a></p>
      <h1 data-testid="employee-name">${escapeHtml(e.name)}</h1>
      <div class="card facts"><h2>Data pegawai</h2><dl>
        <dt>NI PPPK</dt><dd>${escapeHtml(e.niPppk || '–')}</dd>
        <dt>NIK</dt><dd data-testid="employee-nik">${escapeHtml(e.nik)}</dd>
        <dt>Tanggal lahir</dt><dd>${formatDate(e.birthDate)}</dd>
        <dt>Email</dt><dd>${escapeHtml(e.email || '–')}</dd>
        <dt>Unit</dt><dd>${escapeHtml(e.unitName || '')} (${escapeHtml(e.unitCode)})${e.unitHeadUserName ? ` · kepala unit ${escapeHtml(e.unitHeadUserName)}` : ''}</dd>
        <dt>Jabatan</dt><dd>${escapeHtml(e.position || '–')}</dd>
        <dt>Golongan</dt><dd>${escapeHtml(e.grade)}</dd>
        <dt>Masa kerja</dt><dd>${e.serviceYears} tahun</dd>
        <dt>Pejabat penilai</dt><dd>${escapeHtml(e.evaluatorUserName || '–')}</dd>
        <dt>Pelamar asal</dt><dd>${e.applicantRegistrationNumber ? `<a href="/pelamar/${encodeURIComponent(e.applicantRegistrationNumber)}" data-link>${escapeHtml(e.applicantRegistrationNumber)}</a>` : '–'}</dd>
      </dl></div>
      <h2>Kontrak</h2>
      <table class="list"><thead><tr><th>TMT</th><th>Berakhir</th><th>Lama</th><th>SPMT</th><th>Status</th><th>Nomor SK</th><th>Pemberitahuan</th></tr></thead>
        <tbody data-testid="contract-rows">${rows(e.contracts, 7, 'Tidak ada kontrak.', (c) => `<tr><td>${formatDate(c.tmt)}</td><td>${formatDate(c.end)}</td>
          <td>${c.years} th${c.partTime ? ` · paruh waktu, ${c.weeklyHours} jam/minggu` : ''}</td><td>${formatDate(c.spmtDate)}</td><td>${label(CONTRACT_STATUS_LABELS, c.status)}</td><td>${escapeHtml(c.skNumber || '–')}</td>
          <td>${c.noticeSentAt ? formatWita(c.noticeSentAt) : '–'}</td></tr>`)}</tbody></table>
      <h2>SK</h2>
      <table class="list"><thead><tr><th>Nomor</th><th>Tanggal</th><th>Jenis</th><th>Penanda tangan</th><th>Salinan ke BKN</th></tr></thead>
        <tbody data-testid="sk-rows">${rows(e.sks, 5, 'Tidak ada SK.', (s) => `<tr><td>${escapeHtml(s.number)}</td><td>${formatDate(s.date)}</td>
          <td>${escapeHtml(s.kind)}</td><td>${escapeHtml(s.signer)}</td><td>${s.bknCopyNotedAt ? formatWita(s.bknCopyNotedAt) : '–'}</td></tr>`)}</tbody></table>
      <h2>Dokumen</h2>
      <div data-testid="documents-host"></div>
      <h2>Evaluasi kinerja</h2>
      <table class="list"><thead><tr><th>Tahun</th><th>Periode</th><th>Predikat</th><th>Penilai</th><th>Catatan</th><th>Dicatat</th></tr></thead>
        <tbody data-testid="evaluation-rows">${rows(e.evaluations, 6, 'Belum ada evaluasi.', (v) => `<tr><td>${v.year}</td><td>${label(PERIOD_LABELS, v.period)}</td>
          <td><strong>${escapeHtml(v.predicate)}</strong></td><td>${escapeHtml(v.evaluatorUserName || '–')}</td><td>${escapeHtml(v.notes || '')}</td>
          <td>${formatWita(v.recordedAt)}</td></tr>`)}</tbody></table>
      <h2>Pemeriksaan anggaran</h2>
      <table class="list"><thead><tr><th>Waktu</th><th>Biaya perpanjangan</th><th>Sisa anggaran unit</th><th>Rasio belanja pegawai</th><th>Hasil</th><th>Alasan</th><th>Keputusan BPKAD</th></tr></thead>
        <tbody data-testid="fiscal-rows">${rows(e.fiscalChecks, 7, 'Belum ada pemeriksaan.', (x) => `<tr><td>${formatWita(x.checkedAt)}</td><td>${rupiah(x.renewalCost)}</td>
          <td>${rupiah(x.unitRemaining)}</td><td>${num(x.regionalRatioPercent)}%</td>
          <td>${x.passed ? '<span class="badge status-completed">Lolos</span>' : '<span class="badge danger">Tidak lolos</span>'}</td><td>${escapeHtml(x.reason)}</td>
          <td>${x.overriddenByFinance === null || x.overriddenByFinance === undefined ? '–' : `${x.overriddenByFinance ? 'Disetujui' : 'Ditolak'}${x.overrideReason ? `: ${escapeHtml(x.overrideReason)}` : ''}`}</td></tr>`)}</tbody></table>
      <h2>Email terkirim</h2>
      <table class="list"><thead><tr><th>Dibuat</th><th>Terkirim</th><th>Templat</th><th>Subjek</th><th>Status</th></tr></thead>
        <tbody data-testid="email-rows">${rows(e.emails, 5, 'Belum ada email ke pegawai ini.', (m) => `<tr><td>${formatWita(m.createdAt)}</td><td>${formatWita(m.sentAt)}</td>
          <td>${escapeHtml(m.template)}</td><td>${escapeHtml(m.subject)}</td><td>${label(EMAIL_STATUS, m.status)}</td></tr>`)}</tbody></table>
    </section>`);
  container.append(page);
  await mountEmployeeDocuments(page.querySelector('[data-testid=documents-host]'), e.id);
}
