// Hand a task one holds to a colleague of its groups (POST /api/tasks/{id}/assign); the colleagues come from
// GET /api/tasks/{id}/colleagues (the task's candidates, a unit-scoped group's only in the case's unit).
import { api } from '../api.js';
import { escapeHtml, h } from '../format.js';

export async function delegateDialog(task) {
  const colleagues = await api.get(`/api/tasks/${task.id}/colleagues`);
  const dialog = h(`
    <dialog class="modal" data-testid="delegate-dialog">
      <h2>Alihkan ke rekan</h2>
      <p>${escapeHtml(task.title || task.name || task.elementId)}</p>
      ${colleagues.length ? `<label class="block">Rekan satu grup <select data-testid="delegate-to">
        ${colleagues.map((c) => `<option value="${escapeHtml(c.userName)}">${escapeHtml(c.fullName ? `${c.fullName} (${c.userName})` : c.userName)}</option>`).join('')}
        </select></label>` : '<p class="muted">Tidak ada rekan lain di grup tugas ini.</p>'}
      <p class="error" data-testid="delegate-error" hidden></p>
      <div class="actions"><button type="button" data-cancel>Batal</button>
        ${colleagues.length ? '<button type="button" class="primary" data-ok data-testid="delegate-ok">Alihkan</button>' : ''}</div>
    </dialog>`);
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    const close = (value) => { dialog.remove(); resolve(value); };
    dialog.querySelector('[data-cancel]').addEventListener('click', () => close(null));
    dialog.addEventListener('cancel', () => close(null));
    dialog.querySelector('[data-ok]')?.addEventListener('click', async () => {
      const to = dialog.querySelector('[data-testid=delegate-to]').value;
      try {
        await api.post(`/api/tasks/${task.id}/assign`, { assignee: to });
        close(to);
      } catch (err) {
        const error = dialog.querySelector('[data-testid=delegate-error]');
        error.hidden = false;
        error.textContent = err.message;
      }
    });
  });
}
