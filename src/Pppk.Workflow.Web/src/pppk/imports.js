// Impor CSV (hr-admin; finance the fiscal kinds): pick the kind and a file, upload; every bad row is listed, or what was written.
import { api, ApiError } from '../api.js';
import { escapeHtml, h } from '../format.js';

const KINDS = [
  ['formations', 'Formasi'],
  ['applicants', 'Pelamar'],
  ['scores', 'Nilai CAT'],
  ['employees', 'Pegawai PPPK'],
  ['rounds', 'Seleksi (jadwal)'],
  ['fiscal-settings', 'Data fiskal daerah'],
  ['budgets', 'Anggaran unit'],
  ['evaluations', 'Penilaian kinerja (SKP)'],
];

export default async function render(container) {
  const page = h(`
    <section class="page" data-testid="imports">
      <h1>Impor CSV</h1>
      <p class="muted">Berkas ekspor portal nasional dan data instansi. Seluruh berkas diperiksa dulu; bila ada baris bermasalah tidak ada yang disimpan.
        Urutan untuk wilayah baru: seleksi, formasi, pelamar, nilai, pegawai, lalu data fiskal, anggaran unit dan penilaian kinerja.
        Ambang batas seleksi tidak diimpor: diatur di tabel keputusan 'Ambang batas seleksi' (menu Keputusan).</p>
      <form class="filters" data-testid="import-form">
        <label>Jenis data <select name="kind" data-testid="import-kind">${KINDS.map(([k, v]) => `<option value="${k}">${v}</option>`).join('')}</select></label>
        <label>Berkas CSV <input name="file" type="file" accept=".csv,text/csv" required data-testid="import-file"></label>
        <button type="submit" class="primary" data-testid="import-upload">Unggah</button>
        <a href="/api/imports/formations/template" download data-testid="import-template">Unduh templat</a>
      </form>
      <p class="muted">Kolom: <code data-testid="import-columns"></code></p>
      <div data-testid="import-result"></div>
    </section>`);
  container.append(page);
  const form = page.querySelector('form');
  const kind = form.querySelector('[name=kind]');
  const template = page.querySelector('[data-testid=import-template]');
  const result = page.querySelector('[data-testid=import-result]');
  let kinds = [];
  try { kinds = await api.get('/api/imports'); } catch { /* columns are a hint only */ }
  // Only the kinds this user may import (finance: the fiscal ones).
  if (kinds.length) kind.querySelectorAll('option').forEach((o) => { if (!kinds.some((k) => k.kind === o.value)) o.remove(); });

  function showKind() {
    template.href = `/api/imports/${kind.value}/template`;
    template.setAttribute('download', `templat-${kind.value}.csv`);
    page.querySelector('[data-testid=import-columns]').textContent = (kinds.find((k) => k.kind === kind.value)?.columns || []).join(',');
    result.innerHTML = '';
  }
  kind.addEventListener('change', showKind);
  showKind();

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = form.querySelector('[name=file]').files[0];
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    const button = form.querySelector('button');
    button.disabled = true;
    result.innerHTML = '<p class="loading">Mengunggah…</p>';
    const name = KINDS.find(([k]) => k === kind.value)[1];
    try {
      const r = await api.post(`/api/imports/${kind.value}`, body);
      result.innerHTML = `<div class="notice ok" data-testid="import-success">
        <strong>Impor ${escapeHtml(name)} berhasil</strong> (${escapeHtml(file.name)}):
        <dl class="inline"><dt>Baris</dt><dd data-testid="import-rows">${r.rows}</dd><dt>Baru</dt><dd data-testid="import-inserted">${r.inserted}</dd>
        <dt>Diperbarui</dt><dd data-testid="import-updated">${r.updated}</dd></dl></div>`;
    } catch (err) {
      const errors = err instanceof ApiError ? err.problem.errors || [] : [];
      result.innerHTML = `<div class="notice error" data-testid="import-failed">
          <strong>Berkas ${escapeHtml(file.name)} tidak diimpor.</strong>
          ${errors.length ? `Ada ${errors.length} masalah; perbaiki baris berikut lalu unggah ulang seluruh berkas.` : escapeHtml(err.message)}</div>
        ${errors.length ? `<table class="list"><thead><tr><th>Baris</th><th>Kolom</th><th>Masalah</th></tr></thead>
          <tbody data-testid="import-errors">${errors.map((x) => `<tr data-testid="import-error"><td>${x.row}</td><td>${escapeHtml(x.column || '–')}</td>
            <td>${escapeHtml(x.message)}</td></tr>`).join('')}</tbody></table>` : ''}`;
    } finally {
      button.disabled = false;
    }
  });
}
