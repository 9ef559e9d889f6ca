// Substitutes (Plt/Plh): a table of substitutions (of one user or of everyone) with "Akhiri sekarang", and a form to
// name one for a period of whole days in WITA: from 00.00 WITA of the first day to 00.00 WITA after the last.
import { api, query } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { renderPager, pageQuery } from '../pppk/common.js';
import { ROLE_LABELS } from '../shell/shell.js';

/** Mounts the list (and, with `user`, the form for that user) into `el`; returns { reload }. */
export async function mountSubstitutes(el, { user = null, title }) {
  const box = h(`
    <div class="substitutes" data-testid="substitutes">
      <h2>${escapeHtml(title)}</h2>
      <div class="filters"><label>Tampilkan <select data-testid="sub-filter"><option value="">Semua</option>
        <option value="true">Sedang berlaku</option></select></label><span class="muted">Waktu dalam WITA</span></div>
      <div class="banner error" role="alert" data-testid="sub-error" hidden></div>
      <table class="list"><thead><tr><th>Yang digantikan</th><th>Pengganti</th><th>Dari</th><th>Sampai dengan</th><th>Alasan</th><th>Status</th><th></th></tr></thead>
        <tbody data-testid="sub-rows"></tbody></table>
      <div class="pager" data-testid="sub-pager"></div>
      ${user ? `<form class="sub-form" data-testid="sub-form">
        <label>Pengganti (nama pengguna) <input name="substitute" required maxlength="256" data-testid="sub-substitute" autocomplete="off" list="sub-people"></label>
        <datalist id="sub-people"></datalist>
        <label>Dari tanggal <input type="date" name="from" required data-testid="sub-from"></label>
        <label>Sampai tanggal <input type="date" name="to" required data-testid="sub-to"></label>
        <label>Jenis <select name="kind" data-testid="sub-kind"><option value="Plh.">Plh. (pelaksana harian)</option><option value="Plt.">Plt. (pelaksana tugas)</option></select></label>
        <label class="wide">Alasan <input name="reason" required maxlength="480" placeholder="mis. cuti tahunan, dinas luar" data-testid="sub-reason"></label>
        <p class="muted small wide">Pengganti memegang peran dan unit ${escapeHtml(user.userName)} selama periode itu: ${escapeHtml(placeOf(user))}.</p>
        <button type="submit" class="primary" data-testid="sub-add">Tunjuk pengganti</button>
      </form>` : ''}
    </div>`);
  el.replaceChildren(box);
  const $ = (s) => box.querySelector(s);
  const error = (text) => { $('[data-testid=sub-error]').hidden = !text; $('[data-testid=sub-error]').textContent = text || ''; };
  let current = 1;
  let loads = 0;

  async function reload(p = current) {
    current = p;
    const mine = ++loads;
    const data = await api.get(`/api/substitutions${query({ userName: user?.userName, inForce: $('[data-testid=sub-filter]').value, ...pageQuery(p), pageSize: 10 })}`);
    if (mine !== loads) return;
    const ended = (s) => new Date(s.to) <= new Date();
    $('[data-testid=sub-rows]').innerHTML = data.items.map((s) => `
      <tr data-testid="sub-row"><td>${escapeHtml(s.userName)}</td><td>${escapeHtml(s.substituteUserName)}</td>
        <td>${bound(s.from, 0)}</td><td>${bound(s.to, 1)}</td><td>${escapeHtml(s.reason)}</td>
        <td>${s.inForce ? '<span class="badge status-active">Berlaku</span>' : ended(s) ? '<span class="badge">Selesai</span>' : '<span class="badge">Akan datang</span>'}</td>
        <td>${ended(s) ? '' : `<button type="button" data-end="${s.id}" data-testid="sub-end">Akhiri sekarang</button>`}</td></tr>`).join('')
      || '<tr><td colspan="7" class="muted" data-testid="sub-empty">Belum ada penunjukan pengganti.</td></tr>';
    renderPager($('[data-testid=sub-pager]'), data, reload);
  }

  $('[data-testid=sub-filter]').addEventListener('change', () => reload(1));
  $('[data-testid=sub-rows]').addEventListener('click', async (e) => {
    const id = e.target.closest('[data-end]')?.dataset.end;
    if (!id || !confirm('Akhiri penunjukan pengganti ini sekarang?')) return;
    try { await api.post(`/api/substitutions/${id}/end`); error(''); } catch (err) { error(err.message); }
    await reload();
  });
  const form = $('[data-testid=sub-form]');
  if (form) {
    form.substitute.addEventListener('input', async () => {
      const text = form.substitute.value.trim();
      if (text.length < 2) return;
      const found = await api.get(`/api/users${query({ q: text, active: true, pageSize: 10 })}`).catch(() => ({ items: [] }));
      $('#sub-people').innerHTML = found.items.filter((u) => u.userName !== user.userName)
        .map((u) => `<option value="${escapeHtml(u.userName)}">${escapeHtml(u.fullName || u.userName)}</option>`).join('');
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (form.to.value < form.from.value) return error('Tanggal "sampai" tidak boleh sebelum tanggal "dari".');
      try {
        await api.post('/api/substitutions', {
          userName: user.userName, substituteUserName: form.substitute.value.trim(), from: witaMidnight(form.from.value, 0), to: witaMidnight(form.to.value, 1),
          reason: `${form.kind.value} ${user.fullName || user.userName}: ${form.reason.value.trim()}`,
        });
        error('');
        form.reset();
      } catch (err) {
        return error(err.message);
      }
      await reload(1);
    });
  }
  await reload(1);
  return { reload };
}

const day = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', day: 'numeric', month: 'short', year: 'numeric' });

// A bound at 00.00 WITA is a whole day: "7 Des 2026" (an end names its last day, the one before); any other time in full.
function bound(value, endsBefore) {
  const t = new Date(value);
  const wita = new Date(t.getTime() + 8 * 3600_000);
  if (wita.getUTCHours() || wita.getUTCMinutes() || wita.getUTCSeconds()) return formatWita(value);
  return day.format(new Date(t.getTime() - endsBefore * 86_400_000));
}

// 00.00 WITA (UTC+8, no daylight saving) of the given day plus `days`.
function witaMidnight(day, days) {
  const d = new Date(`${day}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
}

function placeOf(user) {
  const roles = user.roles.length ? user.roles.map((r) => ROLE_LABELS[r] || r).join(', ') : 'tanpa peran';
  return user.unitName ? `${roles}; unit ${user.unitName}` : roles;
}
