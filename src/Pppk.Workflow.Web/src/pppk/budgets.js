// Anggaran: the region's fiscal figures and the units' personnel budgets of a fiscal year, as the renewals' fiscal
// check reads them; hr-admin and finance (BPKAD) type them in here (or import them as CSV on Impor CSV).
import { api, ApiError, query } from '../api.js';
import { escapeHtml, h } from '../format.js';
import { num, rupiah } from './common.js';

const WRITERS = ['hr-admin', 'finance'];
const thousands = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** "Rp 2.000.000.000", "2.000.000.000" or "2000000000" as a number; null when empty, NaN when not whole rupiah. */
export function parseRupiah(text) {
  const t = String(text || '').replace(/^\s*Rp\.?\s*/i, '').replace(/[.\s]/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : NaN;
}

function field(name, labelText, hint = '') {
  return `<label>${labelText} <input name="${name}" inputmode="numeric" autocomplete="off" data-testid="${name}">
    <small class="muted" data-hint="${name}">${hint}</small><small class="field-error" data-error="${name}"></small></label>`;
}

export default async function render(container, { user, search }) {
  const canWrite = user.roles.some((r) => WRITERS.includes(r));
  const page = h(`
    <section class="page" data-testid="budgets">
      <h1>Anggaran belanja pegawai</h1>
      <div class="filters"><label>Tahun anggaran <input name="fiscalYear" type="number" min="2000" max="2100" data-testid="budget-year"></label></div>
      <h2>Data fiskal daerah</h2>
      <div data-testid="regional"></div>
      <form class="filters" data-testid="fiscal-form" hidden>
        ${field('budgetTotal', 'APBD (Rp)')}${field('personnelSpending', 'Belanja pegawai (Rp)')}
        <label>Batas belanja pegawai (%) <input name="capPercent" inputmode="decimal" placeholder="30" data-testid="capPercent"><small class="field-error" data-error="capPercent"></small></label>
        <button type="submit" class="primary" data-testid="fiscal-save">Simpan data fiskal</button>
      </form>
      <div data-testid="fiscal-result"></div>
      <h2>Anggaran unit</h2>
      <table class="list"><thead><tr><th>Unit</th><th>Pagu belanja pegawai</th><th>Terpakai</th><th>Sisa</th><th>Kontrak aktif</th></tr></thead>
        <tbody data-testid="budget-rows"></tbody></table>
      <form class="filters" data-testid="budget-form" hidden>
        <label>Kode unit <input name="unitCode" autocomplete="off" required data-testid="unitCode"><small class="field-error" data-error="unitCode"></small></label>
        ${field('personnelCeiling', 'Pagu belanja pegawai (Rp)')}${field('committed', 'Terpakai (Rp, boleh kosong)')}
        <button type="submit" class="primary" data-testid="budget-save">Simpan anggaran unit</button>
      </form>
      <div data-testid="budget-result"></div>
    </section>`);
  container.append(page);
  const year = page.querySelector('[name=fiscalYear]');
  year.value = search.get('tahun') || search.get('fiscalYear') || String(new Date().getFullYear());
  const fiscalForm = page.querySelector('[data-testid=fiscal-form]');
  const budgetForm = page.querySelector('[data-testid=budget-form]');
  fiscalForm.hidden = !canWrite;
  budgetForm.hidden = !canWrite;
  if (search.get('unit')) budgetForm.querySelector('[name=unitCode]').value = search.get('unit');

  // The amount as people read it, beside what they type.
  page.querySelectorAll('input[inputmode=numeric]').forEach((input) => input.addEventListener('input', () => {
    const value = parseRupiah(input.value);
    page.querySelector(`[data-hint=${input.name}]`).textContent = value === null ? '' : Number.isNaN(value) ? 'Bukan jumlah rupiah bulat' : rupiah(value);
  }));

  async function load() {
    const data = await api.get(`/api/budgets${query({ fiscalYear: year.value, pageSize: 100 })}`);
    const reg = data.regional;
    page.querySelector('[data-testid=regional]').innerHTML = reg
      ? `<dl class="inline" data-testid="regional-figures"><dt>APBD</dt><dd data-testid="regional-apbd">${rupiah(reg.budgetTotal)}</dd>
          <dt>Belanja pegawai</dt><dd>${rupiah(reg.personnelSpending)}</dd>
          <dt>Rasio</dt><dd>${num(reg.ratioPercent)}% (batas ${num(reg.capPercent)}%)${reg.overCap ? ' <span class="badge danger">Melebihi batas</span>' : ''}</dd></dl>`
      : `<p class="muted" data-testid="regional-missing">Data fiskal daerah tahun ${escapeHtml(year.value)} belum diisi; cek fiskal perpanjangan menunggu data ini.</p>`;
    if (reg && canWrite) {
      fiscalForm.querySelector('[name=budgetTotal]').value = thousands.format(reg.budgetTotal);
      fiscalForm.querySelector('[name=personnelSpending]').value = thousands.format(reg.personnelSpending);
      fiscalForm.querySelector('[name=capPercent]').value = String(reg.capPercent);
    }
    page.querySelector('[data-testid=budget-rows]').innerHTML = data.items.map((b) => `<tr data-testid="budget-row" data-unit="${escapeHtml(b.unitCode)}">
        <td>${escapeHtml(b.unitName || b.unitCode)}<br><small class="muted">${escapeHtml(b.unitCode)}</small></td>
        <td data-testid="budget-ceiling">${rupiah(b.personnelCeiling)}</td><td>${rupiah(b.committed)}</td><td>${rupiah(b.remaining)}</td><td>${b.activeContracts}</td></tr>`).join('')
      || `<tr><td colspan="5" class="muted">Belum ada anggaran unit untuk tahun ${escapeHtml(year.value)}.</td></tr>`;
  }

  // Sends the form; a 400 puts each problem under its field, anything else above the form.
  async function save(form, resultEl, url, body, done) {
    form.querySelectorAll('[data-error]').forEach((el) => { el.textContent = ''; });
    resultEl.innerHTML = '';
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await api.put(url, body);
      resultEl.innerHTML = `<div class="notice ok" data-testid="save-ok">${escapeHtml(done)}</div>`;
      await load();
    } catch (err) {
      const errors = err instanceof ApiError ? err.problem.errors || {} : {};
      let placed = false;
      for (const [name, messages] of Object.entries(errors)) {
        const el = form.querySelector(`[data-error="${name}"]`);
        if (el) { el.textContent = messages.join(' '); placed = true; }
      }
      if (!placed) resultEl.innerHTML = `<div class="notice error" data-testid="save-failed">${escapeHtml(err.message)}</div>`;
    } finally {
      button.disabled = false;
    }
  }

  // The amounts of a form; one that is not whole rupiah is named under its field (as the API would) and nothing is sent.
  function amounts(form, names) {
    const values = {};
    let ok = true;
    for (const name of names) {
      const text = form.querySelector(`[name=${name}]`).value;
      values[name] = parseRupiah(text);
      form.querySelector(`[data-error=${name}]`).textContent = '';
      if (Number.isNaN(values[name])) {
        form.querySelector(`[data-error=${name}]`).textContent = `'${text}' bukan jumlah rupiah bulat (angka, boleh dengan titik pemisah ribuan).`;
        ok = false;
      }
    }
    return ok ? values : null;
  }

  fiscalForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = amounts(fiscalForm, ['budgetTotal', 'personnelSpending']);
    if (!values) return;
    const cap = fiscalForm.querySelector('[name=capPercent]').value.trim().replace(',', '.').replace('%', '');
    save(fiscalForm, page.querySelector('[data-testid=fiscal-result]'), `/api/fiscal-settings/${encodeURIComponent(year.value)}`,
      { ...values, capPercent: cap === '' ? null : Number(cap) },
      `Data fiskal daerah tahun ${year.value} tersimpan.`);
  });
  budgetForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = amounts(budgetForm, ['personnelCeiling', 'committed']);
    if (!values) return;
    const unit = budgetForm.querySelector('[name=unitCode]').value.trim();
    save(budgetForm, page.querySelector('[data-testid=budget-result]'), `/api/budgets/${encodeURIComponent(unit)}/${encodeURIComponent(year.value)}`,
      values,
      `Anggaran ${unit} tahun ${year.value} tersimpan.`);
  });
  year.addEventListener('change', () => load());
  await load();
}
