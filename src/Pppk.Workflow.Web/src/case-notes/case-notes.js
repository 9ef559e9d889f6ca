// Comments and attachments of a case: on the task page a panel (the requirement of an attachment, the notes, writing),
// in the instance viewer merged into the history timeline by time. task.js and viewer.js each call one function here.
import './case-notes.css';
import { api } from '../api.js';
import { h } from '../format.js';
import { loadNotes, noteHtml } from './notes-data.js';
import { notesForm } from './notes-form.js';

/** The task page's panel, appended to `container`. */
export async function mountCaseNotes(container, { instanceId, taskId }) {
  const panel = h(`
    <section class="case-notes" data-testid="case-notes">
      <h2>Catatan &amp; lampiran</h2>
      <p class="banner" hidden data-testid="attachment-requirement"></p>
      <ol class="notes-list" data-testid="notes-list"></ol>
    </section>`);
  container.append(panel);
  const list = panel.querySelector('[data-testid=notes-list]');
  const requirement = panel.querySelector('[data-testid=attachment-requirement]');
  let writer = null;

  const refresh = async () => {
    const [notes, rule] = await Promise.all([
      loadNotes(instanceId),
      taskId ? api.get(`/api/tasks/${taskId}/attachment-requirement`).catch(() => null) : null,
    ]);
    list.innerHTML = notes.items.map(noteHtml).join('') || '<li class="muted">Belum ada komentar atau lampiran.</li>';
    if (rule?.required) {
      requirement.hidden = false;
      requirement.className = `banner ${rule.met ? 'ok' : 'warn'}`;
      requirement.innerHTML = rule.met
        ? '<strong>Lampiran wajib</strong>: sudah ada lampiran untuk tugas ini.'
        : '<strong>Tugas ini memerlukan lampiran.</strong> Unggah berkas di bawah sebelum menyelesaikan tugas.';
    }
    if (notes.canWrite && !writer) {
      writer = notesForm({ instanceId, taskId, maxBytes: notes.maxBytes, allowedTypes: notes.allowedTypes, post: api.post, onSaved: refresh });
      panel.append(writer);
    }
  };
  // The notes are beside the task, not part of it: the task stays usable if they cannot be read.
  await refresh().catch((e) => { list.replaceChildren(h('<li class="error"></li>')); list.firstChild.textContent = `Catatan tidak dapat dimuat: ${e.message}`; });
}

/**
 * The viewer's timeline with the case's notes put among the history entries by time (`history` in the timeline's
 * order, one <li> each), and the writing form under it while the case runs.
 */
export async function mountCaseNotesTimeline(timeline, { instanceId, history }) {
  const steps = [...timeline.children].map((li, i) => ({ li, at: new Date(history[i]?.startedAt) }));
  let shown = [];
  let writer = null;
  const refresh = async () => {
    const notes = await loadNotes(instanceId);
    shown.forEach((li) => li.remove());
    shown = notes.items.map((note) => {
      const li = h(noteHtml(note));
      const next = steps.find((s) => s.at > new Date(note.at));
      timeline.insertBefore(li, next ? next.li : null);
      return li;
    });
    if (notes.canWrite && !writer) {
      writer = notesForm({ instanceId, maxBytes: notes.maxBytes, allowedTypes: notes.allowedTypes, post: api.post, onSaved: refresh });
      timeline.after(writer);
    }
  };
  await refresh().catch((e) => console.error('Case notes not loaded', e));
}
