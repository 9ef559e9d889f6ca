// Unsaved changes: one page at a time may say it has some; the router asks (our own Indonesian dialog) before leaving
// it, and the browser asks (its own dialog, the only one allowed there) before a reload or closing the tab.
import { confirmDialog } from '../shell/confirm-dialog.js';

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
  return confirmDialog({
    title: 'Tinggalkan tanpa menerapkan?', text, no: 'Tetap di sini', yes: 'Tinggalkan, buang perubahan', danger: true,
    testid: 'leave-dialog', noTestId: 'leave-stay', yesTestId: 'leave-discard',
  });
}

window.addEventListener('beforeunload', (e) => {
  if (!hasUnsaved?.()) return;
  e.preventDefault();
  e.returnValue = ''; // older Chromium shows its dialog only with this set
});
