// A batch operation started from a list (the incidents and cases screens): first how many cases it would touch (a dry
// run per workflow), then the confirmation, then a progress bar until it ends, with a link to its page under Operasi.
import { api } from '../api.js';
import { escapeHtml, formatNumber, h } from '../format.js';
import { progressHtml } from '../operations/labels.js';

const REFRESH_MS = 1000;

export const BATCH_TEXTS = {
  cancel: { verb: 'dibatalkan', button: 'Batalkan', title: 'Batalkan kasus' },
  'retry-incidents': { verb: 'dicoba ulang', button: 'Coba ulang', title: 'Coba ulang insiden' },
};

/** A WITA day (yyyy-mm-dd) as the moment it starts, or with `end` the moment the next day starts. */
export function witaMoment(day, end = false) {
  if (!day) return undefined;
  const start = new Date(`${day}T00:00:00+08:00`);
  return new Date(start.getTime() + (end ? 86400000 : 0)).toISOString();
}

/**
 * Runs `type` over the cases `filters` find (one filter per workflow: an operation is about one workflow). Resolves
 * true when something was started (the list should reload), false when the user stepped back or nothing matched.
 */
export function runBatch({ type, filters, what = 'kasus' }) {
  const texts = BATCH_TEXTS[type];
  const dialog = h(`
    <dialog class="modal batch-dialog" data-testid="batch-dialog">
      <h2>${texts.title}</h2>
      <p data-testid="batch-preview" role="status">Menghitung ${what} yang terkena…</p>
      ${type === 'cancel' ? '<label class="block">Alasan pembatalan <textarea name="reason" rows="2" maxlength="500" data-testid="batch-reason"></textarea></label>' : ''}
      <div class="batch-progress" data-testid="batch-progress" hidden></div>
      <p class="banner error" role="alert" data-testid="batch-error" hidden></p>
      <div class="actions">
        <button type="button" data-action="close" data-testid="batch-close">Batal</button>
        <button type="button" class="primary" data-action="confirm" data-testid="batch-confirm" disabled>${texts.button}</button>
      </div>
    </dialog>`);
  document.body.append(dialog);
  dialog.showModal();
  const $ = (s) => dialog.querySelector(s);
  const fail = (err) => { $('[data-testid=batch-error]').hidden = false; $('[data-testid=batch-error]').textContent = err.message; };
  let counted = [];
  let started = false;
  let timer = null;

  return new Promise((resolve) => {
    const close = () => { clearTimeout(timer); dialog.close(); dialog.remove(); resolve(started); };
    $('[data-action=close]').addEventListener('click', close);
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(); });

    (async () => {
      try {
        counted = (await Promise.all(filters.map(async (filter) =>
          ({ filter, total: (await api.post('/api/operations?dryRun=true', { type, filter })).total })))).filter((c) => c.total > 0);
      } catch (err) { fail(err); return; }
      const total = counted.reduce((n, c) => n + c.total, 0);
      $('[data-testid=batch-preview]').innerHTML = total
        ? `<strong data-testid="batch-count">${formatNumber(total)}</strong> ${what} akan ${texts.verb}${counted.length > 1 ? ` (${counted.length} alur kerja)` : ''}. Lanjutkan?`
        : `Tidak ada ${what} aktif yang cocok: tidak ada yang ${texts.verb}.`;
      const confirm = $('[data-action=confirm]');
      confirm.disabled = total === 0;
      confirm.textContent = total ? `${texts.button} ${formatNumber(total)} ${what}` : texts.button;
    })();

    $('[data-action=confirm]').addEventListener('click', async () => {
      const confirm = $('[data-action=confirm]');
      confirm.disabled = true;
      const reason = dialog.querySelector('[name=reason]')?.value.trim() || undefined;
      let ids;
      try {
        ids = await Promise.all(counted.map(async (c) => (await api.post('/api/operations', { type, filter: c.filter, reason })).id));
      } catch (err) { fail(err); confirm.disabled = false; return; }
      started = true;
      confirm.style.display = 'none';
      const reasonBox = dialog.querySelector('[name=reason]');
      if (reasonBox) reasonBox.disabled = true;
      $('[data-action=close]').textContent = 'Tutup';
      const box = $('[data-testid=batch-progress]');
      box.hidden = false;
      const poll = async () => {
        let ops;
        try { ops = await Promise.all(ids.map((id) => api.get(`/api/operations/${id}`))); } catch { timer = setTimeout(poll, REFRESH_MS); return; }
        const sum = (k) => ops.reduce((n, op) => n + (op[k] || 0), 0);
        const running = ops.some((op) => op.state === 'running');
        const all = { total: sum('total'), done: sum('done'), failed: sum('failed'), state: running ? 'running' : 'completed' };
        box.innerHTML = `${progressHtml(all)}
          <p data-testid="batch-summary">${running ? 'Sedang dikerjakan…' : 'Selesai.'} ${formatNumber(all.done)} berhasil${all.failed ? `, <strong class="error">${formatNumber(all.failed)} gagal</strong>` : ''}.</p>
          <p class="small">${ids.map((id) => `<a href="/operasi/${escapeHtml(id)}" data-link data-testid="batch-operation-link">Lihat rincian di Operasi</a>`).join(' · ')}</p>`;
        box.querySelectorAll('a[data-link]').forEach((a) => a.addEventListener('click', () => { clearTimeout(timer); dialog.close(); dialog.remove(); resolve(started); }));
        if (running) timer = setTimeout(poll, REFRESH_MS);
      };
      await poll();
    });
  });
}
