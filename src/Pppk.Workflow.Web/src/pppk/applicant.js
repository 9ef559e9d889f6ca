// One applicant: status and verification verdict, CAT scores, rank, appeals.
import { api } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { formatDate, label, passedBadge, APPLICANT_STATUS_LABELS } from './common.js';

export default async function render(container, { params }) {
  const a = await api.get(`/api/applicants/${encodeURIComponent(decodeURIComponent(params.reg))}`);
  const f = a.formation;
  const page = h(`
    <section class="page" data-testid="applicant">
      <p><a href="${f ? `/formasi/${encodeURIComponent(f.code)}` : '/formasi'}" data-link>‹ ${f ? `Formasi ${escapeHtml(f.code)}` : 'Formasi'}</a></p>
      <h1>${escapeHtml(a.name)} <small class="muted">${escapeHtml(a.registrationNumber)}</small></h1>
      <div class="cards">
        <div class="card facts"><h2>Data pelamar</h2><dl>
          <dt>NIK</dt><dd>${escapeHtml(a.nik)}</dd>
          <dt>Tanggal lahir</dt><dd>${formatDate(a.birthDate)}</dd>
          <dt>Email</dt><dd>${escapeHtml(a.email || '–')}</dd>
          <dt>Kategori prioritas</dt><dd>${a.priorityCategory}</dd>
          <dt>Formasi</dt><dd>${f ? `${escapeHtml(f.position)} – ${escapeHtml(f.unitName)} (kuota ${f.quota})` : '–'}</dd>
          <dt>Status</dt><dd data-testid="applicant-status">${label(APPLICANT_STATUS_LABELS, a.status)}</dd>
        </dl></div>
        <div class="card facts"><h2>Verifikasi berkas</h2><dl>
          <dt>Hasil</dt><dd data-testid="verdict">${escapeHtml(a.adminVerdict || 'Belum diverifikasi')}</dd>
          <dt>Alasan</dt><dd>${escapeHtml(a.adminReason || '–')}</dd>
          <dt>Verifikator</dt><dd>${escapeHtml(a.verifiedBy || '–')}</dd>
          <dt>Waktu</dt><dd>${formatWita(a.verifiedAt)}</dd>
        </dl></div>
        <div class="card facts"><h2>Nilai CAT dan peringkat</h2><dl>
          ${a.scores ? `<dt>Teknis</dt><dd>${a.scores.technical}</dd><dt>Manajerial-sosiokultural</dt><dd>${a.scores.managerialSocioCultural}</dd>
            <dt>Wawancara</dt><dd>${a.scores.interview}</dd><dt>Total</dt><dd data-testid="total-score"><strong>${a.scores.total}</strong></dd>`
            : '<dt>Nilai</dt><dd>Belum ada nilai</dd>'}
          <dt>Peringkat</dt><dd data-testid="rank">${a.rank ?? '–'}</dd>
          <dt>Hasil</dt><dd>${passedBadge(a.passed)}</dd>
          <dt>Alasan</dt><dd>${escapeHtml(a.rankingReason || '–')}</dd>
        </dl></div>
      </div>
      <h2>Sanggahan</h2>
      <table class="list"><thead><tr><th>Diajukan</th><th>Alasan</th><th>Keputusan</th><th>Jawaban</th><th>Oleh</th></tr></thead><tbody>
        ${(a.appeals || []).map((x) => `<tr><td>${formatWita(x.submittedAt)}</td><td>${escapeHtml(x.reason)}</td>
          <td>${x.accepted === null || x.accepted === undefined ? 'Menunggu' : x.accepted ? 'Diterima' : 'Ditolak'}</td>
          <td>${escapeHtml(x.answer || '–')}</td><td>${escapeHtml(x.answeredBy || '–')}</td></tr>`).join('')
          || '<tr><td colspan="5" class="muted">Tidak ada sanggahan.</td></tr>'}
      </tbody></table>
    </section>`);
  container.append(page);
}
