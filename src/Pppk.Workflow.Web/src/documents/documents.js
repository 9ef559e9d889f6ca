// The documents of a case and of a person (SK, perjanjian kerja, SPMT): kind, number, date, signer, valid or revoked,
// download; and, on an open signing task, the drafts drawn in the page for the PPK to read before signing.
import { api, query } from '../api.js';
import { escapeHtml, formatWita, h } from '../format.js';
import { formatDate, renderPager, pageQuery } from '../pppk/common.js';
import { renderPdf } from './pdf-pages.js';
import './documents.css';

export const KIND_LABELS = {
  sk: 'SK pengangkatan', 'sk-kolektif': 'SK pengangkatan kolektif', 'perjanjian-kerja': 'Perjanjian kerja', spmt: 'SPMT',
};

const STATE_BADGES = {
  draft: '<span class="badge">Draf</span>',
  signed: '<span class="badge status-completed">Sah</span>',
  revoked: '<span class="badge danger">Dicabut</span>',
};

const kindLabel = (kind) => escapeHtml(KIND_LABELS[kind] || kind);
const numberOf = (d) => (d.state === 'draft' ? '<span class="muted">belum bernomor</span>' : escapeHtml(d.number));

function rowsHtml(items) {
  if (!items.length) return '<tr><td colspan="6" class="muted">Belum ada dokumen.</td></tr>';
  return items.map((d) => `<tr data-testid="document-row" data-kind="${escapeHtml(d.kind)}" data-state="${escapeHtml(d.state)}">
    <td>${kindLabel(d.kind)}</td><td class="doc-number">${numberOf(d)}</td><td>${formatDate(d.date)}</td>
    <td>${d.signedAt ? `${escapeHtml(d.signedBy)}<br><span class="small muted">${formatWita(d.signedAt)}</span>` : '<span class="muted">belum ditandatangani</span>'}</td>
    <td>${STATE_BADGES[d.state] || escapeHtml(d.state)}${d.revokeReason ? `<br><span class="small muted">${escapeHtml(d.revokeReason)}</span>` : ''}</td>
    <td class="doc-actions"><a href="/api/documents/${d.id}?download=1" data-testid="document-download" download>Unduh PDF</a></td></tr>`).join('');
}

const TABLE_HEAD = '<thead><tr><th>Jenis</th><th>Nomor</th><th>Tanggal</th><th>Ditandatangani</th><th>Status</th><th></th></tr></thead>';

/** The case's documents; none when the caller may not read them (the page shows the rest of the case). */
async function caseDocuments(instanceId) {
  try {
    return (await api.get(`/api/instances/${instanceId}/documents`)).items;
  } catch {
    return [];
  }
}

/** The case's documents at the top of `host` (case viewer); nothing shown when the case has none. */
export async function mountCaseDocuments(host, instanceId) {
  const items = await caseDocuments(instanceId);
  if (!items.length) return;
  host.prepend(h(`<div class="case-documents" data-testid="case-documents"><h2>Dokumen</h2>
    <table class="list">${TABLE_HEAD}<tbody>${rowsHtml(items)}</tbody></table></div>`));
}

/** The person's documents with paging (employee profile). */
export function mountEmployeeDocuments(host, employeeId) {
  const section = h(`<div data-testid="employee-documents"><table class="list">${TABLE_HEAD}<tbody data-testid="employee-document-rows"></tbody></table>
    <div class="pager" data-testid="documents-pager"></div></div>`);
  host.append(section);
  const load = async (page) => {
    const data = await api.get(`/api/employees/${encodeURIComponent(employeeId)}/documents${query({ ...pageQuery(page), pageSize: 10 })}`);
    section.querySelector('tbody').innerHTML = rowsHtml(data.items);
    renderPager(section.querySelector('[data-testid=documents-pager]'), data, load);
  };
  return load(1);
}

/** On an open task: the case's drafts, drawn page by page, so the PPK reads what they sign. */
export async function mountDraftsToSign(host, instanceId) {
  const drafts = (await caseDocuments(instanceId)).filter((d) => d.state === 'draft').reverse();
  if (!drafts.length) return;
  const section = h(`<div class="drafts-to-sign" data-testid="drafts-to-sign">
    <h2>Dokumen yang akan ditandatangani</h2>
    <p class="small muted">Nomor SK diberikan dan tanda tangan elektronik dibubuhkan saat tugas ini diselesaikan dengan <strong>Ya</strong>.</p>
    <div class="draft-tabs" role="tablist">${drafts.map((d, i) => `<button type="button" role="tab" data-i="${i}" aria-selected="${i === 0}" data-testid="draft-tab">${kindLabel(d.kind)}</button>`).join('')}</div>
    ${drafts.map((d, i) => `<div class="draft-pages" data-testid="draft-pdf" data-kind="${escapeHtml(d.kind)}" ${i ? 'hidden' : ''}></div>`).join('')}
  </div>`);
  host.append(section);
  const panes = [...section.querySelectorAll('.draft-pages')];
  const drawn = new Set();
  const show = async (i) => {
    section.querySelectorAll('[role=tab]').forEach((t) => t.setAttribute('aria-selected', String(Number(t.dataset.i) === i)));
    panes.forEach((p, j) => { p.hidden = j !== i; });
    if (drawn.has(i)) return;
    drawn.add(i);
    try {
      await renderPdf(panes[i], `/api/documents/${drafts[i].id}`);
    } catch (e) {
      panes[i].append(h(`<p class="banner error">${escapeHtml(e.message)}</p>`));
    }
  };
  section.querySelectorAll('[role=tab]').forEach((t) => t.addEventListener('click', () => show(Number(t.dataset.i))));
  await show(0);
}
