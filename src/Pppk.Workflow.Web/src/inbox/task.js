// One task: the case's key facts beside its form (form-js viewer); claim, release (unclaim) and complete.
// A task someone else holds is completed only by them (403 with the reason, shown as the problem's Indonesian title).
import '@bpmn-io/form-js/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js';
import { translateFormViewer } from '../formjs-translate.js';
import { api } from '../api.js';
import { escapeHtml, formatValue, formatWita, h, isOverdue, STATUS_LABELS } from '../format.js';
import { ROLE_LABELS } from '../shell/shell.js';
import { mountCaseNotes } from '../case-notes/case-notes.js';

export default async function render(container, { params, user, navigate }) {
  const data = await api.get(`/api/tasks/${params.id}`);
  const { task, form: schema, variables } = data;
  const open = task.state === 'open';
  const mine = task.assignee === user.name;
  const isAdmin = user.roles.includes('hr-admin');
  // Held by someone else: only they complete it; hr-admin may still take it over (or reassign it).
  const heldByOther = open && task.assignee && !mine;
  const overdue = open && isOverdue(task.dueAt);

  const page = h(`
    <section class="page task" data-testid="task-page">
      <p><a href="/tugas" data-link>← Kotak tugas</a></p>
      <h1>${escapeHtml(task.name || task.elementId)}</h1>
      <div class="task-layout">
        <div class="task-form">
          <div class="banner" role="status" data-testid="task-status" hidden></div>
          ${heldByOther ? `<p class="banner" data-testid="held-by">Tugas ini sedang dipegang oleh <strong>${escapeHtml(task.assignee)}</strong>; hanya ${escapeHtml(task.assignee)} yang dapat menyelesaikannya.</p>` : ''}
          <div class="form-host" data-testid="task-form"></div>
          <div class="actions">
            ${open && !mine && (!heldByOther || isAdmin) ? '<button type="button" data-action="claim" data-testid="claim">Ambil tugas</button>' : ''}
            ${open && mine ? '<button type="button" data-action="unclaim" data-testid="unclaim" title="Kembalikan tugas ke grupnya">Lepaskan</button>' : ''}
            ${open && !heldByOther ? '<button type="button" class="primary" data-action="complete" data-testid="complete">Selesaikan</button>' : ''}
          </div>
        </div>
        <aside class="facts" data-testid="case-facts">
          <h2>Ringkasan kasus</h2>
          <dl>
            <dt>Kunci bisnis</dt><dd data-testid="business-key">${escapeHtml(task.businessKey || '–')}</dd>
            <dt>Alur kerja</dt><dd>${escapeHtml(task.definitionKey)}</dd>
            <dt>Status tugas</dt><dd>${STATUS_LABELS[task.state] || task.state}${task.completedBy ? ` oleh ${escapeHtml(task.completedBy)}` : ''}${task.onBehalfOf ? ` selaku Plh. ${escapeHtml(task.onBehalfOf)}` : ''}</dd>
            <dt>Penerima</dt><dd>${escapeHtml(task.assignee || '–')}</dd>
            <dt>Grup kandidat</dt><dd>${task.candidateGroups.map((g) => escapeHtml(ROLE_LABELS[g] || g)).join(', ') || '–'}</dd>
            <dt>Dibuat</dt><dd>${formatWita(task.createdAt)}</dd>
            <dt>Tenggat</dt><dd class="${overdue ? 'overdue' : ''}">${formatWita(task.dueAt)}${overdue ? ' <span class="badge danger">Terlambat</span>' : ''}</dd>
          </dl>
          <h3>Variabel</h3>
          <table class="vars">${Object.entries(variables || {}).map(([k, v]) =>
            `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(formatValue(v))}</td></tr>`).join('') || '<tr><td class="muted">Tidak ada.</td></tr>'}</table>
          <p><a href="/instans/${task.instanceId}" data-link data-testid="open-instance">Lihat instans &amp; diagram</a></p>
        </aside>
      </div>
    </section>`);
  container.append(page);
  const status = page.querySelector('[data-testid=task-status]');
  const say = (text, kind) => { status.hidden = false; status.className = `banner ${kind}`; status.textContent = text; };
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
      say('Tugas selesai. Instans berlanjut.', 'ok');
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
