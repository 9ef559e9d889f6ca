// Writing on a case: a comment box (at most 4.000 characters) and one file at a time with its progress and the limit.
import { escapeHtml, h } from '../format.js';
import { formatSize } from './notes-data.js';

const COMMENT_MAX = 4000;

/** Sends the file as multipart with upload progress (fetch has none); resolves with the stored attachment, rejects with the problem's title. */
function upload(instanceId, file, taskId, onProgress) {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append('file', file);
    if (taskId) body.append('taskId', taskId);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/instances/${instanceId}/attachments`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', 'id');
    xhr.setRequestHeader('X-Pppk-Csrf', '1');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new Error(data?.title || `Unggah gagal (HTTP ${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error('Unggah gagal: sambungan terputus.'));
    xhr.send(body);
  });
}

/** The form; `onSaved` runs after a comment or a file was stored. */
export function notesForm({ instanceId, taskId, maxBytes, allowedTypes, post, onSaved }) {
  const form = h(`
    <div class="notes-write" data-testid="notes-write">
      <form class="notes-comment" data-testid="comment-form">
        <label for="note-text-${instanceId}">Komentar</label>
        <textarea id="note-text-${instanceId}" name="text" rows="3" maxlength="${COMMENT_MAX}" required placeholder="Tulis catatan untuk kasus ini…" data-testid="comment-text"></textarea>
        <div class="notes-row"><small class="muted" data-testid="comment-count">0 / ${COMMENT_MAX.toLocaleString('id-ID')}</small>
          <button type="submit" data-testid="comment-submit">Kirim komentar</button></div>
      </form>
      <form class="notes-upload" data-testid="upload-form">
        <span>Lampiran</span>
        <div class="notes-row">
          <label class="button" for="note-file-${instanceId}">Pilih berkas…</label>
          <input id="note-file-${instanceId}" class="notes-file-input" type="file" name="file" data-testid="upload-file">
          <span class="notes-file-name muted" data-testid="upload-name">Belum ada berkas dipilih</span>
          <button type="submit" data-testid="upload-submit">Unggah</button></div>
        <small class="muted" data-testid="upload-limit">Maks. ${formatSize(maxBytes)}; jenis: ${escapeHtml(allowedTypes)}.</small>
        <progress max="1" value="0" hidden data-testid="upload-progress"></progress>
      </form>
      <p class="banner" role="status" hidden data-testid="notes-status"></p>
    </div>`);
  const status = form.querySelector('[data-testid=notes-status]');
  const say = (text, kind) => { status.hidden = false; status.className = `banner ${kind}`; status.textContent = text; };
  const text = form.querySelector('textarea');
  const count = form.querySelector('[data-testid=comment-count]');
  text.addEventListener('input', () => { count.textContent = `${text.value.length.toLocaleString('id-ID')} / ${COMMENT_MAX.toLocaleString('id-ID')}`; });

  form.querySelector('.notes-comment').addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = e.target.querySelector('button');
    button.disabled = true;
    try {
      await post(`/api/instances/${instanceId}/comments`, taskId ? { text: text.value, taskId } : { text: text.value });
      text.value = '';
      count.textContent = `0 / ${COMMENT_MAX.toLocaleString('id-ID')}`;
      say('Komentar tersimpan.', 'ok');
      await onSaved();
    } catch (err) {
      say(`Komentar tidak tersimpan: ${err.problem?.title || err.message}`, 'error');
    } finally {
      button.disabled = false;
    }
  });

  // The browser's own file button speaks the browser's language; this one speaks Indonesian.
  const chosen = form.querySelector('[data-testid=upload-name]');
  const picker = form.querySelector('input[type=file]');
  picker.addEventListener('change', () => {
    const file = picker.files[0];
    chosen.textContent = file ? `${file.name} (${formatSize(file.size)})` : 'Belum ada berkas dipilih';
  });

  form.querySelector('.notes-upload').addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = picker;
    const file = input.files[0];
    if (!file) return say('Pilih berkas yang akan dilampirkan.', 'error');
    if (file.size > maxBytes) return say(`Berkas ${file.name} berukuran ${formatSize(file.size)}; lampiran paling besar ${formatSize(maxBytes)}.`, 'error');
    const progress = e.target.querySelector('progress');
    const button = e.target.querySelector('button');
    progress.hidden = false;
    progress.value = 0;
    button.disabled = true;
    try {
      await upload(instanceId, file, taskId, (done) => { progress.value = done; });
      input.value = '';
      chosen.textContent = 'Belum ada berkas dipilih';
      say(`${file.name} terunggah.`, 'ok');
      await onSaved();
    } catch (err) {
      say(`Lampiran tidak tersimpan: ${err.message}`, 'error');
    } finally {
      progress.hidden = true;
      button.disabled = false;
    }
  });
  return form;
}
