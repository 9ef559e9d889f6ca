// Ganti kata sandi: the user's own password; the first page after signing in with a temporary one from hr-admin.
import './users.css';
import { api } from '../api.js';
import { h } from '../format.js';
import { localPath } from '../auth/return-url.js';

export default async function render(container, { user, search }) {
  const page = h(`
    <section class="page change-password" data-testid="change-password">
      <h1>Ganti kata sandi</h1>
      ${user.mustChangePassword ? '<p class="banner" data-testid="must-change">Anda masuk dengan kata sandi sementara dari admin BKPSDM. Pilih kata sandi Anda sendiri untuk melanjutkan.</p>' : ''}
      <div class="banner error" role="alert" data-testid="password-error" hidden></div>
      <form data-testid="password-form">
        <label>Kata sandi saat ini <input type="password" name="current" required autocomplete="current-password" data-testid="password-current"></label>
        <label>Kata sandi baru <input type="password" name="next" required minlength="10" autocomplete="new-password" data-testid="password-new"></label>
        <label>Ulangi kata sandi baru <input type="password" name="again" required minlength="10" autocomplete="new-password" data-testid="password-again"></label>
        <p class="muted small">Paling sedikit 10 karakter, dengan huruf besar, huruf kecil dan angka.</p>
        <button type="submit" class="primary" data-testid="password-save">Simpan kata sandi</button>
      </form>
    </section>`);
  container.append(page);
  const form = page.querySelector('form');
  const error = page.querySelector('[data-testid=password-error]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    if (form.next.value !== form.again.value) {
      error.hidden = false;
      error.textContent = 'Kedua kata sandi baru tidak sama.';
      return;
    }
    try {
      await api.post('/api/auth/password', { currentPassword: form.current.value, newPassword: form.next.value });
    } catch (err) {
      error.hidden = false;
      error.textContent = err.message;
      return;
    }
    // A full load reads who the user is again (no longer bound to this page).
    const back = localPath(search.get('returnUrl'));
    location.assign(back && !back.startsWith('/ganti-sandi') ? back : '/');
  });
}
