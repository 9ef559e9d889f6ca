// Right-click on an element of the instance diagram (hr-admin, running instance): "move the token here" (terminate the
// active elements the user picks, activate this one) or "start a token here" (activate only), confirmed in a dialog
// that says what will happen, then POST /api/instances/{id}/modification.
import { api } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { elementLabel, failureHtml } from '../migration/plan-problems.js';

/** Wires the context menu onto a bpmn-js viewer; onDone runs after a successful modification. Returns a cleanup. */
export function attachModifyMenu(viewer, { instance, names, onDone }) {
  let menu = null;
  const closeMenu = () => { menu?.remove(); menu = null; };

  viewer.on('element.contextmenu', (event) => {
    // A right-click on an element's label means the element.
    const element = event.element?.labelTarget || event.element;
    if (!element?.businessObject?.$instanceOf?.('bpmn:FlowNode')) return;
    event.originalEvent.preventDefault();
    closeMenu();
    menu = h(`
      <div class="context-menu" data-testid="modify-menu" role="menu">
        <div class="context-menu-title">${elementLabel(element.id, names)}</div>
        <button type="button" role="menuitem" data-mode="move" data-testid="move-token-here">Pindahkan token ke sini</button>
        <button type="button" role="menuitem" data-mode="start" data-testid="start-token-here">Mulai token di sini</button>
      </div>`);
    menu.style.left = `${event.originalEvent.clientX}px`;
    menu.style.top = `${event.originalEvent.clientY}px`;
    document.body.append(menu);
    menu.addEventListener('click', (e) => {
      const button = e.target.closest('[data-mode]');
      if (!button) return;
      closeMenu();
      openConfirmation(button.dataset.mode, element.id, { instance, names, onDone });
    });
  });
  const onDocument = (e) => { if (menu && !menu.contains(e.target)) closeMenu(); };
  const onKey = (e) => { if (e.key === 'Escape') closeMenu(); };
  document.addEventListener('mousedown', onDocument);
  document.addEventListener('keydown', onKey);
  return () => {
    closeMenu();
    document.removeEventListener('mousedown', onDocument);
    document.removeEventListener('keydown', onKey);
  };
}

function openConfirmation(mode, targetId, { instance, names, onDone }) {
  const active = [...new Set(instance.activeElementIds)].filter((id) => id !== targetId && names.has(id));
  const move = mode === 'move';
  const dialog = h(`
    <dialog class="modal modify-dialog" data-testid="modify-dialog">
      <h2>${move ? 'Pindahkan token ke' : 'Mulai token di'} ${elementLabel(targetId, names)}</h2>
      ${move ? `<fieldset><legend>Hentikan elemen aktif</legend>
        ${active.length ? active.map((id) => `<label class="check"><input type="checkbox" name="terminate" value="${escapeHtml(id)}" ${active.length === 1 ? 'checked' : ''}>
          ${elementLabel(id, names)}</label>`).join('')
          : '<p class="muted">Tidak ada elemen aktif lain yang dapat dihentikan.</p>'}
        ${active.length > 1 ? '<p class="small muted">Ada beberapa elemen aktif: pilih yang tokennya dipindahkan.</p>' : ''}
      </fieldset>` : ''}
      <label class="block">Variabel untuk elemen baru (JSON, opsional)
        <textarea name="variables" rows="2" placeholder='mis. { "catatan": "dikembalikan ke verifikasi" }'></textarea></label>
      <h3>Yang akan terjadi</h3>
      <ul class="summary" data-testid="modify-summary"></ul>
      <div class="result" data-testid="modify-result" role="alert"></div>
      <div class="actions">
        <button type="button" data-action="close">Batal</button>
        <button type="button" class="primary" data-action="run" data-testid="modify-run">Jalankan</button>
      </div>
    </dialog>`);
  document.body.append(dialog);
  const result = dialog.querySelector('[data-testid=modify-result]');
  const chosen = () => [...dialog.querySelectorAll('[name=terminate]:checked')].map((c) => c.value);
  const close = () => { dialog.close(); dialog.remove(); };

  function summarize() {
    const terminate = chosen();
    dialog.querySelector('[data-testid=modify-summary]').innerHTML = [
      ...terminate.map((id) => `<li>Dihentikan: ${elementLabel(id, names)}</li>`),
      `<li>Dimulai: ${elementLabel(targetId, names)}</li>`,
      move || !active.length ? '' : '<li class="muted">Elemen yang sedang aktif tetap berjalan.</li>',
    ].join('');
    dialog.querySelector('[data-action=run]').disabled = move && terminate.length === 0;
  }

  async function run() {
    const raw = dialog.querySelector('[name=variables]').value.trim();
    let variables;
    if (raw) {
      try {
        variables = JSON.parse(raw);
      } catch {
        variables = null;
      }
      if (!variables || typeof variables !== 'object' || Array.isArray(variables)) {
        result.innerHTML = '<p class="error">Variabel harus berupa objek JSON, mis. { "nama": "nilai" }.</p>';
        return;
      }
    }
    const body = { activate: [{ elementId: targetId, ...(variables ? { variables } : {}) }], terminate: chosen().map((elementId) => ({ elementId })) };
    const button = dialog.querySelector('[data-action=run]');
    button.disabled = true;
    result.innerHTML = '<p class="muted">Menjalankan…</p>';
    try {
      await api.post(`/api/instances/${instance.id}/modification`, body);
      close();
      onDone();
    } catch (err) {
      result.innerHTML = `<div class="notice error">${failureHtml('Tidak dijalankan:', err, names)}</div>`;
      button.disabled = false;
    }
  }

  dialog.addEventListener('change', summarize);
  dialog.addEventListener('click', (e) => {
    if (e.target.closest('[data-action=close]')) close();
    if (e.target.closest('[data-action=run]')) run();
  });
  dialog.addEventListener('cancel', () => dialog.remove());
  summarize();
  dialog.showModal();
}
