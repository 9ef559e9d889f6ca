// The single-page app: sign-in, the shell with menus by role, and a small history router.
import './styles.css';
import { api } from './api.js';
import { escapeHtml } from './format.js';
import { renderSignIn } from './auth/signin.js';
import { localPath } from './auth/return-url.js';
import { renderShell, ROLE_LABELS } from './shell/shell.js';
import { mountTaskBadge } from './inbox/badge.js';
import { mayLeave } from './designer/leave-guard.js';

const HR_ADMIN = 'hr-admin';
// Who reads the PPPK domain screens (the API's staff roles).
const STAFF = [HR_ADMIN, 'verifier', 'ppk', 'evaluator', 'unit-head', 'finance'];

// Each route: path pattern, who may open it, and a lazily loaded page (the designer is large).
const routes = [
  { pattern: /^\/status-saya$/, load: () => import('./my-status/my-status.js'), title: 'Status saya' },
  { pattern: /^\/dasbor$/, roles: [HR_ADMIN], load: () => import('./dashboard/dashboard.js'), title: 'Dasbor' },
  { pattern: /^\/tugas$/, load: () => import('./inbox/inbox.js'), title: 'Kotak tugas' },
  { pattern: /^\/tugas\/(?<id>[0-9a-f-]+)$/, load: () => import('./inbox/task.js'), title: 'Tugas' },
  { pattern: /^\/desainer$/, roles: [HR_ADMIN], load: () => import('./designer/designer.js'), title: 'Desainer' },
  { pattern: /^\/desainer\/(?<key>[^/]+)$/, roles: [HR_ADMIN], load: () => import('./designer/designer.js'), title: 'Desainer' },
  { pattern: /^\/keputusan$/, roles: [HR_ADMIN], load: () => import('./decisions/list.js'), title: 'Keputusan' },
  { pattern: /^\/keputusan\/(?<key>[^/]+)$/, roles: [HR_ADMIN], load: () => import('./decisions/editor.js'), title: 'Keputusan' },
  { pattern: /^\/instans$/, roles: [HR_ADMIN], load: () => import('./instances/list.js'), title: 'Kasus' },
  { pattern: /^\/instans\/(?<id>[0-9a-f-]+)$/, load: () => import('./viewer/viewer.js'), title: 'Kasus' },
  { pattern: /^\/formasi$/, roles: STAFF, load: () => import('./pppk/formations.js'), title: 'Formasi' },
  { pattern: /^\/formasi\/(?<code>[^/]+)$/, roles: STAFF, load: () => import('./pppk/formation.js'), title: 'Formasi' },
  { pattern: /^\/pelamar\/(?<reg>[^/]+)$/, roles: STAFF, load: () => import('./pppk/applicant.js'), title: 'Pelamar' },
  { pattern: /^\/pegawai$/, roles: STAFF, load: () => import('./pppk/employees.js'), title: 'Pegawai' },
  { pattern: /^\/pegawai\/(?<id>\d+)$/, roles: STAFF, load: () => import('./pppk/employee.js'), title: 'Pegawai' },
  { pattern: /^\/perpanjangan$/, roles: STAFF, load: () => import('./pppk/renewals.js'), title: 'Perpanjangan' },
  { pattern: /^\/anggaran$/, roles: STAFF, load: () => import('./pppk/budgets.js'), title: 'Anggaran' },
  { pattern: /^\/impor$/, roles: [HR_ADMIN, 'finance'], load: () => import('./pppk/imports.js'), title: 'Impor CSV' },
  { pattern: /^\/operasi$/, roles: [HR_ADMIN], load: () => import('./operations/operations.js'), title: 'Operasi' },
  { pattern: /^\/operasi\/(?<id>[0-9a-f-]+)$/, roles: [HR_ADMIN], load: () => import('./operations/operations.js'), title: 'Operasi' },
  { pattern: /^\/templat-email$/, roles: [HR_ADMIN], load: () => import('./email-templates/list.js'), title: 'Templat email' },
  { pattern: /^\/templat-email\/(?<name>[a-z0-9][a-z0-9_-]*)$/, roles: [HR_ADMIN], load: () => import('./email-templates/editor.js'), title: 'Templat email' },
  { pattern: /^\/templat-dokumen$/, roles: [HR_ADMIN], load: () => import('./document-templates/templates.js'), title: 'Templat dokumen' },
  { pattern: /^\/pengguna$/, roles: [HR_ADMIN], load: () => import('./users/users.js'), title: 'Pengguna' },
  { pattern: /^\/ganti-sandi$/, load: () => import('./users/change-password.js'), title: 'Ganti kata sandi' },
  { pattern: /^\/kalender-libur$/, roles: [HR_ADMIN], load: () => import('./calendar/calendar.js'), title: 'Kalender libur' },
  { pattern: /^\/insiden$/, roles: [HR_ADMIN, 'unit-head'], load: () => import('./incidents/incidents.js'), title: 'Insiden' },
];

let user = null;
let cleanup = null;
// Each render gets a number; a page that finishes loading after the user has already moved on is torn down at once
// instead of taking over the cleanup slot of the page that replaced it.
let renderCount = 0;
// The address last rendered: where "back" returns to when the user chooses to stay on a page with unsaved changes.
let shownUrl = location.pathname + location.search;

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

function homeFor(me) {
  if (me.roles.includes(HR_ADMIN)) return '/dasbor';
  // Someone who only has their own cases to follow (an employee, an applicant with an account) starts at them.
  const staff = me.roles.some((r) => STAFF.includes(r));
  return !staff && (me.roles.includes('employee') || me.nikLinked) ? '/status-saya' : '/tugas';
}

async function loadUser() {
  try {
    user = await api.get('/api/auth/me');
  } catch {
    user = null;
  }
  return user;
}

async function render() {
  const thisRender = ++renderCount;
  shownUrl = location.pathname + location.search;
  if (cleanup) { try { cleanup(); } catch { /* page already gone */ } cleanup = null; }
  const app = document.getElementById('app');
  const path = location.pathname;

  if (path === '/login') {
    if (await loadUser()) return navigate(returnUrl() || homeFor(user), { replace: true });
    return renderSignIn(app, async () => {
      await loadUser();
      navigate(returnUrl() || homeFor(user), { replace: true });
    });
  }

  if (!user && !(await loadUser())) {
    return navigate(`/login?returnUrl=${encodeURIComponent(path + location.search)}`, { replace: true });
  }

  if (path === '/' || path === '') return navigate(homeFor(user), { replace: true });
  // Signed in with hr-admin's temporary password: the host answers nothing else until a new one is chosen.
  if (user.mustChangePassword && path !== '/ganti-sandi') return navigate(`/ganti-sandi?returnUrl=${encodeURIComponent(path + location.search)}`, { replace: true });

  const content = renderShell(app, user, path, { navigate, signOut });
  mountTaskBadge();
  const route = routes.find((r) => r.pattern.test(path));
  if (!route) {
    content.innerHTML = '<section class="page"><h1>Halaman tidak ditemukan</h1><p><a href="/" data-link>Kembali ke beranda</a></p></section>';
    return;
  }
  if (route.roles && !route.roles.some((r) => user.roles.includes(r))) {
    content.innerHTML = `<section class="page" data-testid="forbidden"><h1>Akses ditolak</h1>
      <p>Halaman ini hanya untuk peran ${route.roles.map((r) => ROLE_LABELS[r] || r).join(', ')}.</p></section>`;
    return;
  }
  document.title = `${route.title} - Pppk.Workflow`;
  content.innerHTML = '<p class="loading">Memuat…</p>';
  try {
    const page = await route.load();
    content.innerHTML = '';
    const pageCleanup = (await page.default(content, { params: path.match(route.pattern).groups || {}, user, navigate, search: new URLSearchParams(location.search) })) || null;
    if (thisRender === renderCount) cleanup = pageCleanup;
    else if (pageCleanup) { try { pageCleanup(); } catch { /* page already gone */ } }
  } catch (e) {
    if (thisRender !== renderCount) return;
    // A case or task one may not see answers 404 like one that does not exist: the page says only that.
    if (e.status === 404) {
      content.innerHTML = '<section class="page" data-testid="not-found"><h1>Tidak ditemukan</h1>'
        + '<p>Data yang Anda buka tidak ada, atau bukan bagian Anda untuk dilihat.</p><p><a href="/" data-link>← Kembali ke beranda</a></p></section>';
      return;
    }
    console.error(e);
    content.innerHTML = `<section class="page"><h1>Terjadi kesalahan</h1><p class="error">${escapeHtml(e.message)}</p></section>`;
  }
}

function returnUrl() {
  const q = new URLSearchParams(location.search);
  const url = localPath(q.get('returnUrl') || q.get('ReturnUrl'));
  return url && !url.startsWith('/login') ? url : null;
}

async function signOut() {
  try { await api.post('/api/auth/logout'); } catch { /* signed out anyway */ }
  user = null;
  navigate('/login', { replace: true });
}

// In-app links: <a href="/..." data-link>.
document.addEventListener('click', async (e) => {
  const a = e.target.closest('a[data-link]');
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || a.target) return;
  e.preventDefault();
  if (await mayLeave()) navigate(a.getAttribute('href'));
});
window.addEventListener('popstate', async () => {
  const left = shownUrl;
  if (await mayLeave()) render();
  else history.pushState(null, '', left); // stay: the address goes back to the page still shown
});
window.addEventListener('pppk:unauthorized', () => {
  user = null;
  if (location.pathname !== '/login') navigate(`/login?returnUrl=${encodeURIComponent(location.pathname)}`, { replace: true });
});

render();
