// The start dialog's person picker: search employees or applicants by name, NIK, NI PPPK or registration number, and
// turn the picked record into the start variables the workflow declares (matched by name: employeeId, nik, unitCode…).
import { api, query } from '../api.js';
import { escapeHtml } from '../format.js';

// A contract's last day as people write it (6 Maret 2027); a date without a time, so no time zone shift.
const LONG_DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });

const SUBJECTS = {
  employee: {
    label: 'pegawai', hint: 'Cari pegawai: nama, NIK atau NI PPPK',
    list: (search) => `/api/employees${query({ search, pageSize: 8 })}`,
    row: (e) => `${escapeHtml(e.name)} <span class="muted">· ${escapeHtml(e.niPppk || e.nik)} · ${escapeHtml(e.unitName || e.unitCode)}</span>`,
    detail: (e) => api.get(`/api/employees/${e.id}`),
    values: (e) => {
      const contract = (e.contracts || []).find((c) => c.status === 'active');
      return {
        employeeId: e.id, employeeName: e.name, name: e.name, nik: e.nik, niPppk: e.niPppk, unitCode: e.unitCode, email: e.email,
        employeeEmail: e.email, position: e.position, evaluator: e.evaluatorUserName,
        contractId: contract?.id, contractEnd: contract?.end, partTime: contract?.partTime, weeklyHours: contract?.weeklyHours, payBasis: contract?.payBasis,
      };
    },
    shown: (e) => `${e.name} · ${e.niPppk || e.nik} · ${e.unitName || e.unitCode}`,
    display: (e) => {
      const end = (e.contracts || []).find((c) => c.status === 'active')?.end;
      return { unitName: e.unitName || e.unitCode, contractEndText: end ? LONG_DATE.format(new Date(`${end}T00:00:00`)) : 'belum ada kontrak aktif' };
    },
  },
  applicant: {
    label: 'pelamar', hint: 'Cari pelamar: nama, NIK atau nomor pendaftaran',
    list: (search) => `/api/applicants${query({ search, pageSize: 8 })}`,
    row: (a) => `${escapeHtml(a.name)} <span class="muted">· ${escapeHtml(a.registrationNumber)} · ${escapeHtml(a.formationCode)}</span>`,
    detail: (a) => api.get(`/api/applicants/${encodeURIComponent(a.registrationNumber)}`),
    values: (a) => ({
      registrationNumber: a.registrationNumber, name: a.name, nik: a.nik, email: a.email, formationCode: a.formation?.code,
      unitCode: a.formation?.unitCode, position: a.formation?.position, priorityCategory: a.priorityCategory, rank: a.rank,
    }),
    shown: (a) => `${a.name} · ${a.registrationNumber} · ${a.formation?.position || ''}`,
    display: (a) => ({ unitName: a.formation?.unitName, formationPosition: a.formation?.position }),
  },
};

/**
 * Renders the search into `host`; `onPicked(values, display)` gets the start variables of the picked person that the
 * workflow declares, and what the start form may show of them without starting with it (the unit's name).
 */
export function subjectSearch(host, info, onPicked) {
  const subject = SUBJECTS[info.startSubject];
  const declared = new Set(info.startVariables.map((v) => v.name));
  host.innerHTML = `
    <label class="block">Pilih ${subject.label} <input type="search" data-testid="start-subject-search" placeholder="${subject.hint}" maxlength="100"></label>
    <ul class="start-results" data-testid="start-subject-results"></ul>
    <p class="start-picked" data-testid="start-subject-picked" hidden></p>`;
  const input = host.querySelector('input');
  const results = host.querySelector('ul');
  const picked = host.querySelector('[data-testid=start-subject-picked]');
  let items = [];
  let searchNumber = 0;
  let timer = null;

  async function search() {
    const mine = ++searchNumber;
    const text = input.value.trim();
    if (text.length < 2) { results.innerHTML = ''; return; }
    const page = await api.get(subject.list(text));
    if (mine !== searchNumber) return;
    items = page.items;
    results.innerHTML = items.map((item, i) => `<li><button type="button" data-index="${i}" data-testid="start-subject-option">${subject.row(item)}</button></li>`).join('')
      || `<li class="muted">Tidak ada ${subject.label} yang cocok.</li>`;
  }
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => search().catch(() => {}), 250); });
  results.addEventListener('click', async (e) => {
    const button = e.target.closest('button[data-index]');
    if (!button) return;
    const record = await subject.detail(items[Number(button.dataset.index)]);
    results.innerHTML = '';
    input.value = '';
    picked.hidden = false;
    picked.textContent = `Dipilih: ${subject.shown(record)}`;
    const values = Object.fromEntries(Object.entries(subject.values(record)).filter(([k, v]) => declared.has(k) && v !== undefined && v !== null));
    onPicked(values, subject.display(record));
  });
}
