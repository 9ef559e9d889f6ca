// The app's own "are you sure?" modal (not window.confirm): Indonesian buttons, the app's look, and a test can click it.
import { h } from '../format.js';

/**
 * Asks a yes/no question in a modal; resolves true for `yes`. Escape and the cancel button answer false; the cancel
 * button has the focus, so Enter does not confirm by accident. `testid` names the dialog, `{testid}-yes`/`-no` its buttons.
 */
export function confirmDialog({ title, text, yes, no = 'Batal', testid = 'confirm-dialog', danger = false, yesTestId, noTestId }) {
  const dialog = h(`
    <dialog class="modal confirm-dialog" role="alertdialog" aria-labelledby="confirm-title">
      <h2 id="confirm-title"></h2>
      <p></p>
      <div class="actions">
        <button type="button" data-answer="no" class="primary"></button>
        <button type="button" data-answer="yes" class="${danger ? 'danger' : ''}"></button>
      </div>
    </dialog>`);
  dialog.dataset.testid = testid;
  dialog.querySelector('h2').textContent = title;
  dialog.querySelector('p').textContent = text;
  const [noButton, yesButton] = [dialog.querySelector('[data-answer=no]'), dialog.querySelector('[data-answer=yes]')];
  noButton.textContent = no;
  noButton.dataset.testid = noTestId || `${testid}-no`;
  yesButton.textContent = yes;
  yesButton.dataset.testid = yesTestId || `${testid}-yes`;
  document.body.append(dialog);
  return new Promise((resolve) => {
    const done = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    dialog.addEventListener('click', (e) => {
      const button = e.target.closest('[data-answer]');
      if (button) done(button.dataset.answer === 'yes');
    });
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    dialog.showModal();
    noButton.focus();
  });
}
