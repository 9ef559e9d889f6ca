// "Perbaiki…": the case's variables its failing step reads, edited in place; saved through PUT /api/instances/{id}/variables
// (recorded in the case's audit) and the incident retried. Answers { ok, text } for the list's banner, or null if closed.
import { api } from '../api.js';
import { escapeHtml, h } from '../format.js';

/** How a value is edited: text, number, yes/no, or JSON for lists, objects and empty values. */
function kindOf(value) {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

function field(name, value) {
  const kind = kindOf(value);
  const id = `fix-var-${name}`;
  const input = kind === 'text' ? `<input id="${id}" type="text" value="${escapeHtml(value)}">`
    : kind === 'number' ? `<input id="${id}" type="number" step="any" value="${value}">`
      : kind === 'boolean' ? `<select id="${id}"><option value="true" ${value ? 'selected' : ''}>Ya</option><option value="false" ${value ? '' : 'selected'}>Tidak</option></select>`
        : `<textarea id="${id}" rows="3">${escapeHtml(JSON.stringify(value ?? null, null, 2))}</textarea>`;
  return `<div class="fix-field" data-var="${escapeHtml(name)}" data-kind="${kind}" data-testid="fix-variable"><label for="${id}"><code>${escapeHtml(name)}</code></label>${input}</div>`;
}

function read(box) {
  const kind = box.dataset.kind;
  const input = box.querySelector('input, select, textarea');
  if (kind === 'text') return input.value;
  if (kind === 'number') {
    if (input.value.trim() === '' || Number.isNaN(Number(input.value))) throw new Error(`Nilai ${box.dataset.var} harus berupa angka.`);
    return Number(input.value);
  }
  if (kind === 'boolean') return input.value === 'true';
  try { return JSON.parse(input.value); } catch { throw new Error(`Nilai ${box.dataset.var} bukan JSON yang sah (misalnya "teks", 12, true, [1, 2] atau {"a": 1}).`); }
}

export async function openFixDialog(incident) {
  const [detail, instance] = await Promise.all([api.get(`/api/incidents/${incident.id}`), api.get(`/api/instances/${incident.instanceId}`)]);
  const variables = instance.variables || {};
  const names = Object.keys(variables).sort((a, b) => a.localeCompare(b));
  const relevant = detail.variablesReadByStep.length ? detail.variablesReadByStep : names;
  const others = names.filter((n) => !relevant.includes(n));
  const dialog = h(`
    <dialog class="modal fix-dialog" data-testid="fix-dialog">
      <h2>Perbaiki dan coba ulang</h2>
      <p><strong>${escapeHtml(incident.caseTitle || incident.businessKey || incident.definitionName || '')}</strong> · ${escapeHtml(incident.elementName || 'Langkah tanpa nama')}</p>
      <p class="banner error">${escapeHtml(incident.message)}</p>
      <p class="small muted">${detail.variablesReadByStep.length ? 'Data kasus yang dibaca langkah ini' : 'Data kasus'}: ubah yang salah, lalu simpan. Perubahan dicatat di riwayat audit kasus.</p>
      <form data-testid="fix-form">
        <div class="fix-fields">${relevant.map((n) => field(n, variables[n])).join('') || '<p class="muted">Kasus ini tidak punya data untuk diubah.</p>'}</div>
        ${others.length ? `<details><summary>Data kasus lainnya (${others.length})</summary><div class="fix-fields">${others.map((n) => field(n, variables[n])).join('')}</div></details>` : ''}
        <p class="banner error" role="alert" data-testid="fix-error" hidden></p>
        <div class="actions">
          <button type="button" data-action="close">Batal</button>
          <button type="button" data-action="retry-only" data-testid="fix-retry-only">Coba ulang tanpa perubahan</button>
          <button type="submit" class="primary" data-testid="fix-save">Simpan dan coba ulang</button>
        </div>
      </form>
    </dialog>`);
  document.body.append(dialog);
  dialog.showModal();
  const error = dialog.querySelector('[data-testid=fix-error]');

  return new Promise((resolve) => {
    const done = (outcome) => { dialog.close(); dialog.remove(); resolve(outcome); };
    dialog.querySelector('[data-action=close]').addEventListener('click', () => done(null));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(null); });

    async function retry(changed) {
      error.hidden = true;
      dialog.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        if (Object.keys(changed).length) await api.put(`/api/instances/${incident.instanceId}/variables`, { variables: changed });
        const after = await api.post(`/api/incidents/${incident.id}/retry`);
        const saved = Object.keys(changed).length ? `${Object.keys(changed).length} data disimpan; ` : '';
        done(after.incident
          ? { ok: false, text: `${saved}dicoba ulang, tetapi kasus masih gagal. Lihat pesan insiden yang baru.` }
          : { ok: true, text: `${saved}kasus "${incident.caseTitle || incident.businessKey || ''}" berjalan lagi.` });
      } catch (err) {
        error.hidden = false;
        error.textContent = err.message;
        dialog.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    }

    dialog.querySelector('[data-action=retry-only]').addEventListener('click', () => retry({}));
    dialog.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      const changed = {};
      try {
        dialog.querySelectorAll('[data-var]').forEach((box) => {
          const value = read(box);
          if (JSON.stringify(value) !== JSON.stringify(variables[box.dataset.var] ?? null)) changed[box.dataset.var] = value;
        });
      } catch (err) {
        error.hidden = false;
        error.textContent = err.message;
        return;
      }
      retry(changed);
    });
  });
}
