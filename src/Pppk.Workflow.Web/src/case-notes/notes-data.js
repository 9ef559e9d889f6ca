// A case's comments and attachments (docs/api.md, "Comments and attachments"), merged by time, as people read them:
// the author's name, WITA time, file name, size in KB/MB, a short SHA-256 with the full one on hover, a download link.
import { api } from '../api.js';
import { escapeHtml, formatWita } from '../format.js';

const decimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** 85 KB, 1,2 MB (1 MB = 1.048.576 byte). */
export function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${decimal.format(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${decimal.format(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

/** Comments and attachments of the case, oldest first, each with its time as `at`; with the upload limit and whether the caller may write. */
export async function loadNotes(instanceId) {
  const [comments, attachments] = await Promise.all([
    api.get(`/api/instances/${instanceId}/comments`),
    api.get(`/api/instances/${instanceId}/attachments`),
  ]);
  const items = [
    ...comments.items.map((c) => ({ kind: 'comment', at: c.createdAt, ...c })),
    ...attachments.items.map((a) => ({ kind: 'attachment', at: a.uploadedAt, ...a })),
  ].sort((a, b) => new Date(a.at) - new Date(b.at));
  return { items, maxBytes: attachments.maxBytes, allowedTypes: attachments.allowedTypes, canWrite: attachments.canWrite };
}

/** One note as a list item (the timeline's and the task page's). */
export function noteHtml(note) {
  if (note.kind === 'comment') {
    return `<li class="note note-comment" data-testid="note-comment">
      <div class="note-head"><strong>${escapeHtml(note.authorName || note.author)}</strong> <span class="badge">Komentar</span>
        <small class="muted">${formatWita(note.createdAt)}</small></div>
      <p class="note-text">${escapeHtml(note.text)}</p></li>`;
  }
  return `<li class="note note-attachment" data-testid="note-attachment">
    <div class="note-head"><strong>${escapeHtml(note.uploadedByName || note.uploadedBy)}</strong> <span class="badge">Lampiran</span>
      <small class="muted">${formatWita(note.uploadedAt)}</small></div>
    <div class="note-file"><a href="/api/attachments/${note.id}" download data-testid="attachment-link">${escapeHtml(note.fileName)}</a>
      <small class="muted">${formatSize(note.size)} · SHA-256 <code title="${escapeHtml(note.sha256)}" data-testid="attachment-sha">${escapeHtml(note.sha256.slice(0, 12))}…</code></small></div></li>`;
}
