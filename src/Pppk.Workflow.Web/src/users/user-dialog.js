// One account in a dialog: create it, or edit its name, email, roles, unit and linked employee, and act on it
// (deactivate/reactivate, temporary password, unlock), with its substitutes and the record of changes.
// Resolves to a sentence saying what changed, or null when closed without a change.
import { api, query } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { ROLE_LABELS } from '../shell/shell.js';
import { mountSubstitutes } from './substitutes.js';

const ACTIONS = {
  create: 'Dibuat', roles: 'Peran diubah', profile: 'Data diubah', 'password-set': 'Kata sandi diatur', 'password-reset': 'Kata sandi sementara dibuat',
  lock: 'Dikunci', unlock: 'Kunci dibuka', deactivate: 'Dinonaktifkan', reactivate: 'Diaktifkan kembali',
  'substitute-add': 'Pengganti ditunjuk', 'substitute-end': 'Pengganti diakhiri', 'substitute-withdraw': 'Pengganti dicabut',
};

export function userDialog(user, units) {
  let result = null;
  let link = user?.employeeNik ? { nik: user.employeeNik, name: user.employeeName } : null;
  const dialog = h(`
    <dialog class="modal user-dialog" data-testid="user-dialog">
      <form method="dialog" class="user-form" data-testid="user-form">
        <h2>${user ? `Kelola pengguna ${escapeHtml(user.userName)} ${statusBadges(user)}` : 'Tambah pengguna'}</h2>
        <div class="banner error" role="alert" data-testid="user-error" hidden></div>
        <div class="banner ok" role="status" data-testid="user-done" hidden></div>
        <div class="grid">
          <label>Nama lengkap <input name="fullName" maxlength="200" data-testid="user-fullname" value="${escapeHtml(user?.fullName || '')}"></label>
          <label>Nama pengguna <input name="userName" maxlength="256" data-testid="user-username" value="${escapeHtml(user?.userName || '')}" ${user ? 'disabled' : 'required'}
            autocomplete="off" placeholder="mis. budi.santoso"></label>
          <label>Email <input name="email" maxlength="256" data-testid="user-email" value="${escapeHtml(user?.email || '')}" placeholder="nama@kukarkab.go.id"></label>
          <label>Unit <select name="unitCode" data-testid="user-unit"><option value="">Tanpa unit</option>
            ${units.map((u) => `<option value="${escapeHtml(u.code)}" ${u.code === user?.unitCode ? 'selected' : ''}>${escapeHtml(u.name)}</option>`).join('')}</select></label>
        </div>
        <fieldset class="roles"><legend>Peran</legend>
          ${Object.entries(ROLE_LABELS).map(([k, v]) => `<label><input type="checkbox" name="role" value="${k}" data-testid="role-${k}" ${user?.roles.includes(k) ? 'checked' : ''}> ${escapeHtml(v)}</label>`).join('')}
        </fieldset>
        <fieldset class="link"><legend>Pegawai atau pelamar tertaut</legend>
          <div data-testid="user-link"></div>
          <input type="search" data-testid="employee-search" maxlength="100" placeholder="Cari pegawai menurut nama, NIK atau NI PPPK">
          <ul class="picks" data-testid="employee-picks"></ul>
        </fieldset>
        <div class="actions">
          <button type="submit" value="save" class="primary" data-testid="user-save">${user ? 'Simpan perubahan' : 'Buat pengguna'}</button>
          ${user ? `
            <button type="button" data-act="reset" data-testid="user-reset">Buat kata sandi sementara</button>
            ${user.lockedOut ? '<button type="button" data-act="unlock" data-testid="user-unlock">Buka kunci</button>' : ''}
            <button type="button" data-act="active" data-testid="user-active">${user.active ? 'Nonaktifkan' : 'Aktifkan kembali'}</button>` : ''}
          <button type="button" data-act="close" data-testid="user-close">Tutup</button>
        </div>
      </form>
      ${user ? '<div data-testid="user-substitutes"></div><h2>Riwayat perubahan</h2><ul class="audit" data-testid="user-audit"></ul>' : ''}
    </dialog>`);
  document.body.append(dialog);
  const $ = (s) => dialog.querySelector(s);
  const form = $('[data-testid=user-form]');
  const show = (testid, text) => { $(`[data-testid=${testid}]`).hidden = !text; $(`[data-testid=${testid}]`).textContent = text || ''; };

  function renderLink() {
    $('[data-testid=user-link]').innerHTML = link
      ? `<span data-testid="user-link-name">${escapeHtml(link.name || '')} <small class="muted">NIK ${escapeHtml(link.nik)}</small></span>
         <button type="button" data-act="unlink" data-testid="user-unlink">Lepas tautan</button>`
      : '<span class="muted">Tidak tertaut.</span>';
  }
  renderLink();

  const search = $('[data-testid=employee-search]');
  search.addEventListener('input', async () => {
    const text = search.value.trim();
    const picks = $('[data-testid=employee-picks]');
    if (text.length < 3) { picks.innerHTML = ''; return; }
    const found = await api.get(`/api/employees${query({ search: text, pageSize: 8 })}`).catch(() => ({ items: [] }));
    picks.innerHTML = found.items.map((e) => `<li><button type="button" data-nik="${escapeHtml(e.nik)}" data-name="${escapeHtml(e.name)}" data-testid="employee-pick">
      ${escapeHtml(e.name)} <small class="muted">NIK ${escapeHtml(e.nik)} · ${escapeHtml(e.unitName || e.unitCode)}</small></button></li>`).join('')
      || '<li class="muted">Tidak ada pegawai yang cocok.</li>';
  });
  $('[data-testid=employee-picks]').addEventListener('click', (e) => {
    const b = e.target.closest('[data-nik]');
    if (!b) return;
    link = { nik: b.dataset.nik, name: b.dataset.name };
    $('[data-testid=employee-picks]').innerHTML = '';
    search.value = '';
    renderLink();
  });

  async function save() {
    const roles = [...form.querySelectorAll('[name=role]:checked')].map((c) => c.value);
    const profile = { fullName: form.fullName.value.trim(), email: form.email.value.trim(), unitCode: form.unitCode.value, employeeNik: link?.nik || null };
    if (!user) {
      const created = await api.post('/api/users', { userName: form.userName.value.trim(), ...profile, roles });
      result = `Pengguna ${created.userName} dibuat.`;
      showPassword(created.userName, created.temporaryPassword);
      return;
    }
    // A unit-scoped role needs a unit: set the unit before adding such a role, remove the role before removing the unit.
    if (profile.unitCode) { await api.put(`/api/users/${user.id}/profile`, profile); await api.put(`/api/users/${user.id}/roles`, { roles }); }
    else { await api.put(`/api/users/${user.id}/roles`, { roles }); await api.put(`/api/users/${user.id}/profile`, profile); }
    result = `Perubahan pengguna ${user.userName} disimpan.`;
    close();
  }

  function showPassword(userName, password) {
    form.querySelectorAll('.grid, fieldset, [data-testid=user-save], [data-act=reset], [data-act=active], [data-act=unlock]').forEach((e) => { e.hidden = true; });
    show('user-done', '');
    $('[data-testid=user-done]').hidden = false;
    $('[data-testid=user-done]').innerHTML = `Kata sandi sementara untuk <strong>${escapeHtml(userName)}</strong>:
      <code class="temp-password" data-testid="temp-password">${escapeHtml(password)}</code><br>
      <small>Sampaikan kepada pengguna secara langsung; kata sandi ini hanya ditampilkan sekali. Saat masuk, pengguna wajib menggantinya.</small>`;
  }

  async function act(name) {
    if (name === 'close') return close();
    if (name === 'unlink') { link = null; renderLink(); return; }
    if (name === 'reset') {
      if (!confirm(`Buat kata sandi sementara untuk ${user.userName}? Kata sandi lamanya tidak berlaku lagi.`)) return;
      const done = await api.post(`/api/users/${user.id}/password-reset`);
      result = `Kata sandi sementara untuk ${user.userName} dibuat.`;
      return showPassword(user.userName, done.temporaryPassword);
    }
    if (name === 'unlock') {
      await api.put(`/api/users/${user.id}/lockout`, { locked: false });
      result = `Kunci akun ${user.userName} dibuka.`;
      return close();
    }
    if (name === 'active') {
      if (user.active && !confirm(`Nonaktifkan ${user.userName}? Pengguna ini tidak dapat masuk lagi sampai diaktifkan kembali.`)) return;
      await api.put(`/api/users/${user.id}/active`, { active: !user.active });
      result = user.active ? `Pengguna ${user.userName} dinonaktifkan.` : `Pengguna ${user.userName} diaktifkan kembali.`;
      return close();
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { show('user-error', ''); await save(); } catch (err) { show('user-error', err.message); }
  });
  form.addEventListener('click', async (e) => {
    const name = e.target.closest('[data-act]')?.dataset.act;
    if (!name) return;
    try { show('user-error', ''); await act(name); } catch (err) { show('user-error', err.message); }
  });

  let resolve;
  const done = new Promise((r) => { resolve = r; });
  function close() { dialog.close(); }
  dialog.addEventListener('close', () => { dialog.remove(); resolve(result); });
  dialog.showModal();
  if (user) {
    mountSubstitutes($('[data-testid=user-substitutes]'), { user, title: `Pengganti (Plt/Plh) untuk ${user.userName}` });
    api.get(`/api/users/audit${query({ userName: user.userName, pageSize: 20 })}`).then((audit) => {
      $('[data-testid=user-audit]').innerHTML = audit.items.map((a) => `<li>${formatWita(a.at)} · ${escapeHtml(ACTIONS[a.action] || a.action)} oleh ${escapeHtml(a.actor)}</li>`).join('')
        || '<li class="muted">Belum ada perubahan tercatat.</li>';
    }).catch(() => {});
  }
  return done;
}

export function statusBadges(u) {
  const badges = [u.active ? '<span class="badge status-completed">Aktif</span>' : '<span class="badge danger">Nonaktif</span>'];
  if (u.lockedOut) badges.push('<span class="badge danger">Terkunci</span>');
  if (u.mustChangePassword) badges.push('<span class="badge" title="Harus mengganti kata sandi saat masuk">Sandi sementara</span>');
  return badges.join(' ');
}
