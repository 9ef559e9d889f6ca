// The sign-in page. It posts JSON to /api/auth/login; the same endpoint still takes the plain form post.
import { api } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { localPath } from './return-url.js';

export function renderSignIn(app, onSignedIn) {
  document.title = 'Masuk - Pppk.Workflow';
  const q = new URLSearchParams(location.search);
  const initialError = q.get('error') === 'throttled'
    ? 'Terlalu banyak percobaan masuk dari alamat jaringan Anda. Coba lagi beberapa menit lagi.'
    : q.get('error') ? 'Nama pengguna atau kata sandi salah.' : '';
  app.innerHTML = '';
  const page = h(`
    <main class="signin">
      <form class="signin-card" method="post" action="/api/auth/login">
        <h1>Pppk.Workflow</h1>
        <p class="muted">BKPSDM – Sistem Alur Kerja PPPK</p>
        <p class="error" role="alert" data-testid="signin-error">${initialError}</p>
        <input type="hidden" name="returnUrl" value="${escapeHtml(localPath(q.get('returnUrl') || q.get('ReturnUrl')) || '/')}">
        <label>Nama pengguna <input name="userName" autocomplete="username" required autofocus></label>
        <label>Kata sandi <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit" class="primary">Masuk</button>
      </form>
    </main>`);
  app.append(page);
  const form = page.querySelector('form');
  const error = page.querySelector('[data-testid=signin-error]');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await api.post('/api/auth/login', { userName: form.userName.value, password: form.password.value });
      await onSignedIn();
    } catch (err) {
      // 401 and 429 carry their reason in Indonesian (the throttle says how long to wait).
      error.textContent = err.status === 401 || err.status === 429 ? err.message : `Gagal masuk: ${err.message}`;
    } finally {
      button.disabled = false;
    }
  });
}
