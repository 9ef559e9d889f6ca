// Unsaved changes: one page at a time may say it has some; the router asks (our own Indonesian dialog) before leaving
// it, and the browser asks (its own dialog, the only one allowed there) before a reload or closing the tab.
import { h } from '../format.js';

let hasUnsaved = null;
let leaveText;

/**
 * Registers the open page's "do I have unsaved changes?" check and what the dialog says is lost (the designer's
 * wording unless given); returns the function that removes it.
 */
export function setLeaveGuard(check, text = undefined) {
  hasUnsaved = check;
  leaveText = text;
  return () => { if (hasUnsaved === check) hasUnsaved = null; };
}

/** Asks before an unsaved edit is lost; resolves true when leaving is fine. */
export async function mayLeave() {
  if (!hasUnsaved?.()) return true;
  const leave = await confirmLeave(leaveText);
  if (leave) hasUnsaved = null;
  return leave;
}

/** "Leave without saving?" — resolves true for leaving. */
export function confirmLeave(text = 'Perubahan pada diagram atau formulir belum diterapkan dan akan hilang jika Anda meninggalkan halaman ini.') {
  const dialog = h(`
    <dialog class="modal leave-dialog" data-testid="leave-dialog" role="alertdialog" aria-labelledby="leave-title">
      <h2 id="leave-title">Tinggalkan tanpa menerapkan?</h2>
      <p></p>
      <div class="actions">
        <button type="button" data-leave="no" class="primary" data-testid="leave-stay">Tetap di sini</button>
        <button type="button" data-leave="yes" class="danger" data-testid="leave-discard">Tinggalkan, buang perubahan</button>
      </div>
    </dialog>`);
  dialog.querySelector('p').textContent = text;
  document.body.append(dialog);
  return new Promise((resolve) => {
    const done = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    dialog.addEventListener('click', (e) => {
      const button = e.target.closest('[data-leave]');
      if (button) done(button.dataset.leave === 'yes');
    });
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    dialog.showModal();
    dialog.querySelector('[data-leave=no]').focus();
  });
}

window.addEventListener('beforeunload', (e) => {
  if (!hasUnsaved?.()) return;
  e.preventDefault();
  e.returnValue = ''; // older Chromium shows its dialog only with this set
});
