// The frame around every page: the menu (by role), who is signed in, sign-out.
import { escapeHtml, h } from '../format.js';

export const ROLE_LABELS = {
  'hr-admin': 'Admin BKPSDM',
  verifier: 'Verifikator',
  ppk: 'PPK',
  evaluator: 'Pejabat penilai',
  'unit-head': 'Kepala unit',
  finance: 'Keuangan (BPKAD)',
  employee: 'Pegawai',
};

const STAFF = ['hr-admin', 'verifier', 'ppk', 'evaluator', 'unit-head', 'finance'];

// The menu in groups (Tugas, Proses, PPPK, Admin), as a left sidebar of plain links: every item stays an <a href> that
// keyboard, screen readers and tests reach without opening anything, and no group wraps at 1366x768.
const MENU = [
  { group: 'Tugas', items: [
    { href: '/tugas', label: 'Kotak tugas' },
    { href: '/status-saya', label: 'Status saya', roles: ['employee'], linked: true },
  ] },
  { group: 'Proses', items: [
    { href: '/dasbor', label: 'Dasbor', roles: ['hr-admin'] },
    { href: '/desainer', label: 'Desainer alur kerja', roles: ['hr-admin'] },
    { href: '/keputusan', label: 'Keputusan', roles: ['hr-admin'] },
    { href: '/instans', label: 'Kasus', roles: ['hr-admin'] },
    { href: '/operasi', label: 'Operasi', roles: ['hr-admin'] },
    { href: '/insiden', label: 'Insiden', roles: ['hr-admin', 'unit-head'] },
  ] },
  { group: 'PPPK', items: [
    { href: '/formasi', label: 'Formasi', roles: STAFF },
    { href: '/pegawai', label: 'Pegawai', roles: STAFF },
    { href: '/perpanjangan', label: 'Perpanjangan', roles: STAFF },
    { href: '/anggaran', label: 'Anggaran', roles: STAFF },
    { href: '/impor', label: 'Impor CSV', roles: ['hr-admin', 'finance'] },
  ] },
  { group: 'Admin', items: [
    { href: '/pengguna', label: 'Pengguna', roles: ['hr-admin'] },
    { href: '/kalender-libur', label: 'Kalender libur', roles: ['hr-admin'] },
    { href: '/templat-email', label: 'Templat email', roles: ['hr-admin'] },
    { href: '/templat-dokumen', label: 'Templat dokumen', roles: ['hr-admin'] },
    { href: '/hangfire', label: 'Antrean pekerjaan', note: '(Hangfire) ↗', roles: ['hr-admin'], external: true, testid: 'hangfire-link' },
  ] },
];

function menuLink(m, path) {
  const attrs = m.external ? 'target="_blank" rel="noopener"' : 'data-link';
  const current = !m.external && (path === m.href || path.startsWith(`${m.href}/`));
  return `<a href="${m.href}" ${attrs}${m.testid ? ` data-testid="${m.testid}"` : ''} class="${current ? 'active' : ''}"${current ? ' aria-current="page"' : ''} title="${m.label}${m.note ? ` ${m.note}` : ''}">${m.label}${m.note ? ` <small>${m.note}</small>` : ''}</a>`;
}

export function renderShell(app, user, path, { signOut }) {
  // `linked`: also for anyone whose account is linked to a person's record (NIK), whatever their roles.
  const allowed = (m) => !m.roles || m.roles.some((r) => user.roles.includes(r)) || (m.linked && user.nikLinked);
  const groups = MENU.map((g) => ({ ...g, items: g.items.filter(allowed) })).filter((g) => g.items.length);
  app.innerHTML = '';
  const shell = h(`
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="/" data-link>Pppk.Workflow <small>BKPSDM</small></a>
        <span class="spacer"></span>
        <div class="who">
          <span data-testid="user-name">${escapeHtml(user.name)}</span>
          <small>${user.roles.map((r) => ROLE_LABELS[r] || r).join(', ')}</small>
          <button type="button" class="link" data-testid="sign-out">Keluar</button>
        </div>
      </header>
      <div class="frame">
        <nav class="menu" data-testid="menu" aria-label="Menu utama">
          ${groups.map((g, i) => `<div class="menu-group" role="group" aria-labelledby="menu-group-${i}">
            <h2 id="menu-group-${i}" class="menu-group-title">${g.group}</h2>
            ${g.items.map((m) => menuLink(m, path)).join('')}
          </div>`).join('')}
        </nav>
        <main class="content"></main>
      </div>
    </div>`);
  shell.querySelector('[data-testid=sign-out]').addEventListener('click', signOut);
  app.append(shell);
  return shell.querySelector('.content');
}
