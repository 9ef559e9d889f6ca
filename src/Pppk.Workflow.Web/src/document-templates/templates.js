// /templat-dokumen (hr-admin): the Word templates documents are generated from, per kind and versioned. The list shows
// each kind's version in force and who changed it when; a kind's panel uploads a new version (checked by the host: a
// placeholder the kind does not know is refused and named), lists the versions to download or restore, shows the
// placeholders the kind may use and opens a preview PDF filled with sample data.
import './templates.css';
import { api, ApiError } from '../api.js';
import { escapeHtml, h, formatWita } from '../format.js';
import { confirmDialog } from '../shell/confirm-dialog.js';

const base = '/api/document-templates';

function who(v) {
  return v.uploadedBy ? `${escapeHtml(v.uploadedBy)}, ${formatWita(v.uploadedAt)}` : '<span class="muted">bawaan sistem</span>';
}

function kindRow(k, selected) {
  return `<tr data-kind="${escapeHtml(k.kind)}" class="${selected ? 'selected' : ''}" data-testid="template-row">
    <td><button type="button" class="link" data-action="open">${escapeHtml(k.title)}</button></td>
    <td class="muted small">${escapeHtml(k.kind)}</td>
    <td data-testid="template-version">Versi ${k.currentVersion}</td>
    <td class="small">${who(k)}</td>
  </tr>`;
}

function versionRow(kind, v) {
  const note = v.builtIn ? 'Bawaan sistem' : v.restoredFrom ? `Dipulihkan dari versi ${v.restoredFrom}` : 'Diunggah';
  return `<tr data-testid="version-row" data-version="${v.version}">
    <td><b>${v.version}</b>${v.current ? ' <span class="badge status-completed">berlaku</span>' : ''}</td>
    <td class="dt-file" title="${escapeHtml(v.fileName)}">${escapeHtml(v.fileName)}<br><small class="muted">${note}</small></td>
    <td class="small">${v.builtIn ? '–' : `${escapeHtml(v.uploadedBy)}<br><span class="muted">${formatWita(v.uploadedAt)}</span>`}</td>
    <td class="dt-version-actions">
      <a href="${base}/${encodeURIComponent(kind)}/versions/${v.version}" download data-testid="version-download">Unduh</a>
      ${v.current ? '' : `<button type="button" class="link" data-action="restore" data-version="${v.version}" data-testid="version-restore">Pulihkan</button>`}
    </td>
  </tr>`;
}

function placeholders(detail) {
  const chip = (n) => `<code>{{${escapeHtml(n)}}}</code>`;
  const lists = Object.entries(detail.lists).map(([name, fields]) => `<p class="small">Baris berulang dalam satu baris tabel:
      <code>{{#${escapeHtml(name)}}}</code> … <code>{{/${escapeHtml(name)}}}</code>, di dalamnya: ${fields.map(chip).join(' ')}</p>`).join('');
  return `<div class="dt-placeholders" data-testid="template-placeholders">${detail.fields.map(chip).join(' ')}</div>${lists}`;
}

export default async function render(container, { search }) {
  const page = h(`
    <section class="page document-templates-page" data-testid="document-templates-page">
      <h1>Templat dokumen</h1>
      <p class="muted">Templat Word (.docx) untuk SK, perjanjian kerja, SPMT, pemberitahuan dan pengumuman. Ubah templat di Word,
        lalu unggah sebagai versi baru: dokumen berikutnya dibuat dari versi terbaru. Versi lama dapat diunduh dan dipulihkan.</p>
      <div class="dt-layout">
        <table class="list dt-list" data-testid="template-list">
          <thead><tr><th>Jenis dokumen</th><th>Kode</th><th>Versi berlaku</th><th>Terakhir diubah</th></tr></thead>
          <tbody></tbody>
        </table>
        <div class="dt-detail" data-testid="template-detail"><p class="muted">Pilih jenis dokumen di sebelah kiri.</p></div>
      </div>
    </section>`);
  container.append(page);

  let kinds = [];
  let current = search?.get('jenis') || null;

  async function loadList() {
    kinds = await api.get(base);
    if (!current || !kinds.some((k) => k.kind === current)) current = kinds[0]?.kind || null;
    page.querySelector('.dt-list tbody').innerHTML = kinds.map((k) => kindRow(k, k.kind === current)).join('');
  }

  async function loadDetail(message) {
    const panel = page.querySelector('[data-testid=template-detail]');
    if (!current) return;
    history.replaceState(null, '', `/templat-dokumen?jenis=${encodeURIComponent(current)}`);
    const d = await api.get(`${base}/${encodeURIComponent(current)}`);
    panel.innerHTML = `
      <h2>${escapeHtml(d.title)}</h2>
      <div class="dt-columns"><div>
      <p class="muted">Versi ${d.currentVersion} berlaku untuk dokumen berikutnya.</p>
      <div class="dt-actions">
        <a class="button" href="${base}/${encodeURIComponent(d.kind)}/preview" target="_blank" rel="noopener" data-testid="template-preview">Pratinjau PDF (data contoh)</a>
        <a class="button" href="${base}/${encodeURIComponent(d.kind)}/versions/${d.currentVersion}" download data-testid="template-download">Unduh versi berlaku</a>
      </div>
      <form class="dt-upload" data-testid="template-upload">
        <span class="dt-upload-label">Versi baru (.docx, paling besar 10 MB)</span>
        <label class="button dt-choose">Pilih berkas…<input type="file" name="file" class="dt-file-input" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required data-testid="template-file"></label>
        <span class="dt-chosen muted" data-testid="template-file-name">belum ada berkas dipilih</span>
        <button type="submit" class="primary">Unggah versi baru</button>
      </form>
      <div class="dt-message" data-testid="template-message" role="status"></div>
      <h3>Versi</h3>
      <table class="list dt-versions" data-testid="template-versions">
        <thead><tr><th>Versi</th><th>Berkas</th><th>Oleh</th><th></th></tr></thead>
        <tbody>${d.versions.map((v) => versionRow(d.kind, v)).join('')}</tbody>
      </table>
      </div><div>
      <h3>Isian yang dapat dipakai</h3>
      <p class="small muted">Tulis isian di templat dengan kurung kurawal ganda, misalnya <code>{{nama}}</code>. Isian lain ditolak saat diunggah.</p>
      ${placeholders(d)}
      </div></div>`;
    if (message) showMessage(message.text, message.error);
  }

  function showMessage(text, error) {
    const box = page.querySelector('[data-testid=template-message]');
    box.className = `dt-message notice ${error ? 'error' : 'ok'}`;
    box.textContent = text;
  }

  page.addEventListener('click', async (e) => {
    const open = e.target.closest('[data-action=open]');
    if (open) {
      current = open.closest('tr').dataset.kind;
      page.querySelectorAll('.dt-list tr').forEach((r) => r.classList.toggle('selected', r.dataset.kind === current));
      await loadDetail();
      page.querySelector('[data-testid=template-detail]').scrollIntoView({ block: 'start' });
      return;
    }
    const restore = e.target.closest('[data-action=restore]');
    if (restore) {
      const version = restore.dataset.version;
      const yes = await confirmDialog({
        title: `Pulihkan versi ${version}?`, text: `Isi versi ${version} disimpan sebagai versi baru dan langsung berlaku untuk dokumen berikutnya.`,
        yes: 'Pulihkan', testid: 'restore-dialog',
      });
      if (!yes) return;
      try {
        const made = await api.post(`${base}/${encodeURIComponent(current)}/versions/${version}/restore`);
        await loadList();
        await loadDetail({ text: `Versi ${version} dipulihkan sebagai versi ${made.version}.` });
      } catch (err) {
        showMessage(err instanceof ApiError ? err.message : String(err), true);
      }
    }
  });

  page.addEventListener('change', (e) => {
    if (!e.target.matches('[data-testid=template-file]')) return;
    page.querySelector('[data-testid=template-file-name]').textContent = e.target.files[0]?.name || 'belum ada berkas dipilih';
  });

  page.addEventListener('submit', async (e) => {
    if (!e.target.matches('[data-testid=template-upload]')) return;
    e.preventDefault();
    const form = new FormData(e.target);
    try {
      const made = await api.post(`${base}/${encodeURIComponent(current)}`, form);
      await loadList();
      await loadDetail({ text: `Versi ${made.version} tersimpan dan berlaku untuk dokumen berikutnya.` });
    } catch (err) {
      showMessage(err instanceof ApiError ? `Templat ditolak: ${err.message}` : String(err), true);
    }
  });

  await loadList();
  await loadDetail();
}
