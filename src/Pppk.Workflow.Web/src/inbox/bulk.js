// Bulk claim / release / complete: the ids go to POST /api/tasks/bulk in chunks (each task in its own transaction on
// the server), with a progress bar while it runs and a summary after ("50 berhasil, 0 gagal" and why any failed).
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import { translateFormViewer } from '../formjs-translate.js';
import { api } from '../api.js';
import { escapeHtml, formatNumber, h } from '../format.js';

const CHUNK = 10;

export async function runBulk(action, ids, variables, { progress, summary }) {
  const results = [];
  progress.hidden = false;
  progress.max = ids.length;
  progress.value = 0;
  summary.textContent = 'Memproses…';
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    try {
      const answer = await api.post('/api/tasks/bulk', { action, taskIds: chunk, variables });
      results.push(...answer.results);
    } catch (err) {
      results.push(...chunk.map((id) => ({ id, ok: false, error: err.message })));
    }
    progress.value = Math.min(ids.length, i + CHUNK);
  }
  const ok = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok);
  // The distinct reasons, each once with how many tasks it stopped.
  const reasons = [...failed.reduce((m, r) => m.set(r.error, (m.get(r.error) || 0) + 1), new Map())]
    .map(([reason, n]) => `${escapeHtml(reason)}${n > 1 ? ` (${formatNumber(n)}×)` : ''}`);
  summary.innerHTML = `<strong data-testid="bulk-result">${formatNumber(ok)} berhasil, ${formatNumber(failed.length)} gagal</strong>`
    + (reasons.length ? ` <span class="error">${reasons.join('; ')}</span>` : '');
  return { results };
}

// The shared form once (form-js, as a task page shows it) for every selected task; resolves with its answers, or null if cancelled.
export async function completeDialog(firstId, count) {
  const { form: schema } = await api.get(`/api/tasks/${firstId}`);
  const dialog = h(`
    <dialog class="modal bulk-complete" data-testid="bulk-complete-dialog">
      <h2>Selesaikan ${formatNumber(count)} tugas dengan jawaban yang sama</h2>
      <p class="muted">Hanya tugas yang prosesnya mengizinkan penyelesaian massal (bulkComplete) dan memakai formulir yang sama yang diselesaikan; yang lain dilaporkan gagal.</p>
      <div class="form-host" data-testid="bulk-form"></div>
      <p class="error" data-testid="bulk-form-error" hidden>Periksa isian formulir yang ditandai.</p>
      <div class="actions"><button type="button" data-cancel>Batal</button><button type="button" class="primary" data-ok data-testid="bulk-complete-ok">Selesaikan ${formatNumber(count)} tugas</button></div>
    </dialog>`);
  document.body.append(dialog);
  let form = null;
  let stop = null;
  if (schema) {
    const host = dialog.querySelector('[data-testid=bulk-form]');
    stop = translateFormViewer(host);
    form = new Form({ container: host, debounce: false });
    await form.importSchema(schema, {});
  } else {
    dialog.querySelector('[data-testid=bulk-form]').innerHTML = '<p class="muted">Tugas ini tidak punya formulir.</p>';
  }
  dialog.showModal();
  return new Promise((resolve) => {
    const close = (value) => {
      stop?.();
      form?.destroy();
      dialog.remove();
      resolve(value);
    };
    dialog.querySelector('[data-cancel]').addEventListener('click', () => close(null));
    dialog.addEventListener('cancel', () => close(null));
    dialog.querySelector('[data-ok]').addEventListener('click', () => {
      if (!form) return close({});
      const { data, errors } = form.submit();
      if (Object.values(errors).some((list) => list && list.length)) {
        dialog.querySelector('[data-testid=bulk-form-error]').hidden = false;
        return undefined;
      }
      return close(data);
    });
  });
}
