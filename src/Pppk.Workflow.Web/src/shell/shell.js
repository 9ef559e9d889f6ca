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

const MENU = [
  { href: '/status-saya', label: 'Status saya', roles: ['employee'], linked: true },
  { href: '/dasbor', label: 'Dasbor', roles: ['hr-admin'] },
  { href: '/tugas', label: 'Kotak tugas' },
  { href: '/desainer', label: 'Desainer alur kerja', roles: ['hr-admin'] },
  { href: '/instans', label: 'Instans', roles: ['hr-admin'] },
  { href: '/formasi', label: 'Formasi', roles: STAFF },
  { href: '/pegawai', label: 'Pegawai', roles: STAFF },
  { href: '/perpanjangan', label: 'Perpanjangan', roles: STAFF },
  { href: '/anggaran', label: 'Anggaran', roles: STAFF },
  { href: '/impor', label: 'Impor CSV', roles: ['hr-admin', 'finance'] },
  { href: '/operasi', label: 'Operasi', roles: ['hr-admin'] },
];

export function renderShell(app, user, path, { signOut }) {
  const isAdmin = user.roles.includes('hr-admin');
  // `linked`: also for anyone whose account is linked to a person's record (NIK), whatever their roles.
  const items = MENU.filter((m) => !m.roles || m.roles.some((r) => user.roles.includes(r)) || (m.linked && user.nikLinked));
  app.innerHTML = '';
  const shell = h(`
    <div class="shell">
      <header class="topbar">
        <a class="brand" href="/" data-link>Pppk.Workflow <small>BKPSDM</small></a>
        <nav class="menu" data-testid="menu">
          ${items.map((m) => `<a href="${m.href}" data-link class="${path.startsWith(m.href) ? 'active' : ''}">${m.label}${m.note ? ` <small class="badge">${m.note}</small>` : ''}</a>`).join('')}
          ${isAdmin ? '<a href="/hangfire" target="_blank" rel="noopener" data-testid="hangfire-link">Antrean pekerjaan (Hangfire)</a>' : ''}
        </nav>
        <div class="who">
          <span data-testid="user-name">${escapeHtml(user.name)}</span>
          <small>${user.roles.map((r) => ROLE_LABELS[r] || r).join(', ')}</small>
          <button type="button" class="link" data-testid="sign-out">Keluar</button>
        </div>
      </header>
      <main class="content"></main>
    </div>`);
  shell.querySelector('[data-testid=sign-out]').addEventListener('click', signOut);
  app.append(shell);
  return shell.querySelector('.content');
}
