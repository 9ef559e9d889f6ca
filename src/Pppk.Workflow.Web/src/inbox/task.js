// One task: the case summary its process declares beside its form (form-js viewer); claim, release (unclaim), complete, print.
// The raw variables only for hr-admin, behind "Tampilkan data teknis" (others receive only what their form reads).
// A task someone else holds is completed only by them (403 with the reason, shown as the problem's Indonesian title).
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import { translateFormViewer } from '../formjs-translate.js';
import { api } from '../api.js';
import { escapeHtml, formatValue, formatWita, h, isOverdue, STATUS_LABELS } from '../format.js';
import { ROLE_LABELS } from '../shell/shell.js';
import { printedAt, summaryHtml } from '../summary/case-summary.js';
import { mountCaseNotes } from '../case-notes/case-notes.js';
import { mountDraftsToSign } from '../documents/documents.js';

export default async function render(container, { params, user, navigate }) {
  const data = await api.get(`/api/tasks/${params.id}`);
  const { task, form: schema, variables, summary } = data;
  const open = task.state === 'open';
  const mine = task.assignee === user.name;
  const isAdmin = user.roles.includes('hr-admin');
  // Held by someone else: only they complete it; hr-admin may still take it over (or reassign it).
  const heldByOther = open && task.assignee && !mine;
  const overdue = open && isOverdue(task.dueAt);
  const title = task.title ?? await caseTitle(task);

  const page = h(`
    <section class="page task" data-testid="task-page">
      <div class="task-head print-head">
        <div>
          <p class="no-print"><a href="/tugas" data-link>← Kotak tugas</a></p>
          <h1>${escapeHtml(task.name || task.elementId)}</h1>
          <p class="case-title" data-testid="case-title">${escapeHtml(title)}</p>
          <p class="print-only small" data-testid="printed-at">Dicetak ${escapeHtml(printedAt())}</p>
        </div>
        <span class="spacer"></span>
        <button type="button" class="no-print" data-action="print" data-testid="print">Cetak</button>
      </div>
      <div class="task-page-layout">
        <aside class="task-summary" data-testid="case-facts">
          <h2>Ringkasan kasus</h2>
          ${summaryHtml(summary)}
          <dl class="task-facts">
            <dt>Nomor kasus</dt><dd data-testid="business-key">${escapeHtml(task.businessKey || '–')}</dd>
            <dt>Status tugas</dt><dd>${STATUS_LABELS[task.state] || task.state}${task.completedBy ? ` oleh ${escapeHtml(task.completedBy)}` : ''}${task.onBehalfOf ? ` selaku Plh. ${escapeHtml(task.onBehalfOf)}` : ''}</dd>
            <dt>Penerima</dt><dd>${escapeHtml(task.assignee || 'belum diambil')}</dd>
            <dt>Grup</dt><dd>${task.candidateGroups.map((g) => escapeHtml(ROLE_LABELS[g] || g)).join(', ') || '–'}</dd>
            <dt>Dibuat</dt><dd>${formatWita(task.createdAt)}</dd>
            <dt>Tenggat</dt><dd class="${overdue ? 'overdue' : ''}">${task.dueAt ? formatWita(task.dueAt) : 'tanpa tenggat'}${overdue ? ' <span class="badge danger">Terlambat</span>' : ''}</dd>
          </dl>
          <p class="no-print"><a href="/instans/${task.instanceId}" data-link data-testid="open-instance">Lihat instans &amp; diagram</a></p>
          ${isAdmin ? `<details class="task-technical" data-testid="technical">
            <summary>Tampilkan data teknis</summary>
            <p class="small muted">Alur kerja <code>${escapeHtml(task.definitionKey)}</code>, elemen <code>${escapeHtml(task.elementId)}</code>.</p>
            <table class="vars">${Object.entries(variables || {}).map(([k, v]) =>
              `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(formatValue(v))}</td></tr>`).join('') || '<tr><td class="muted">Tidak ada.</td></tr>'}</table>
          </details>` : ''}
        </aside>
        <div class="task-form">
          <div class="banner" role="status" data-testid="task-status" hidden></div>
          ${heldByOther ? `<p class="banner" data-testid="held-by">Tugas ini sedang dipegang oleh <strong>${escapeHtml(task.assignee)}</strong>; hanya ${escapeHtml(task.assignee)} yang dapat menyelesaikannya.</p>` : ''}
          <div class="form-host" data-testid="task-form"></div>
          <div class="actions">
            ${open && !mine && (!heldByOther || isAdmin) ? '<button type="button" data-action="claim" data-testid="claim">Ambil tugas</button>' : ''}
            ${open && mine ? '<button type="button" data-action="unclaim" data-testid="unclaim" title="Kembalikan tugas ke grupnya">Lepaskan</button>' : ''}
            ${open && !heldByOther ? '<button type="button" class="primary" data-action="complete" data-testid="complete">Selesaikan</button>' : ''}
          </div>
          <div data-testid="task-documents"></div>
        </div>
      </div>
    </section>`);
  container.append(page);
  const status = page.querySelector('[data-testid=task-status]');
  const say = (text, kind) => { status.hidden = false; status.className = `banner ${kind}`; status.textContent = text; };
  // Not awaited: the form need not wait for the PDFs; the task-documents slot keeps the drafts under the form, above the comments.
  const documents = page.querySelector('[data-testid=task-documents]');
  if (open) {
    mountDraftsToSign(documents, task.instanceId).catch((e) => documents.append(h(`<p class="banner error">${escapeHtml(e.message)}</p>`)));
  }
  mountCaseNotes(page.querySelector('.task-form'), { instanceId: task.instanceId, taskId: task.id });

  let form = null;
  let stopTranslating = null;
  let backToList = null;
  if (schema) {
    // No debounce: what is typed is in the form state when Complete is pressed.
    const formHost = page.querySelector('[data-testid=task-form]');
    stopTranslating = translateFormViewer(formHost);
    form = new Form({ container: formHost, debounce: false });
    await form.importSchema(schema, variables || {});
    if (!open || heldByOther) form.setProperty('readOnly', true);
  } else {
    page.querySelector('[data-testid=task-form]').innerHTML = '<p class="muted">Tugas ini tidak punya formulir; selesaikan untuk melanjutkan.</p>';
  }

  page.querySelector('[data-action=print]').addEventListener('click', () => window.print());
  page.querySelector('[data-action=claim]')?.addEventListener('click', async () => {
    try {
      await api.post(`/api/tasks/${task.id}/claim`, {});
      navigate(`/tugas/${task.id}`, { replace: true });
    } catch (e) {
      say(`Tidak dapat mengambil tugas: ${e.message}`, 'error');
    }
  });
  page.querySelector('[data-action=unclaim]')?.addEventListener('click', async () => {
    try {
      await api.post(`/api/tasks/${task.id}/unclaim`, {});
      navigate(`/tugas/${task.id}`, { replace: true });
    } catch (e) {
      say(`Tidak dapat melepaskan tugas: ${e.message}`, 'error');
    }
  });
  page.querySelector('[data-action=complete]')?.addEventListener('click', async (e) => {
    let values = {};
    if (form) {
      const { data: submitted, errors } = form.submit();
      const invalid = Object.entries(errors).filter(([, list]) => list && list.length);
      if (invalid.length) {
        console.error('Form errors', JSON.stringify(invalid));
        return say('Periksa isian formulir yang ditandai.', 'error');
      }
      values = submitted;
    }
    e.target.disabled = true;
    try {
      await api.post(`/api/tasks/${task.id}/complete`, { variables: values });
      say('Tugas selesai. Kasus berlanjut.', 'ok');
      // Back to the list shortly, unless the user has left this page meanwhile (e.g. "Lihat instans").
      backToList = setTimeout(() => navigate('/tugas'), 600);
    } catch (err) {
      e.target.disabled = false;
      say(`Tidak dapat menyelesaikan: ${err.problem?.title || err.message}`, 'error');
    }
  });

  return () => {
    clearTimeout(backToList);
    stopTranslating?.();
    form?.destroy();
  };
}

/** "Perpanjangan kontrak PPPK — 12" when the task carries no title: the workflow's name and the case's business key. */
async function caseTitle(task) {
  let name = task.definitionKey;
  try {
    name = (await api.get(`/api/definitions/${encodeURIComponent(task.definitionKey)}`)).name || name;
  } catch { /* the key stands in for a name the caller may not read */ }
  return task.businessKey ? `${name} — ${task.businessKey}` : name;
}
