// The "Kotak tugas" menu link's badge: my open tasks (red when some are overdue), from GET /api/tasks/count.
// Mounted after every shell render (main.js); the inbox refreshes it after claims and completions (refreshTaskBadge).
import { api } from '../api.js';
import { formatNumber } from '../format.js';

export async function mountTaskBadge() {
  await refreshTaskBadge();
}

export async function refreshTaskBadge() {
  const link = document.querySelector('a[href="/tugas"]');
  if (!link) return;
  let counts;
  try {
    counts = await api.get('/api/tasks/count');
  } catch {
    return; // the menu works without its badge
  }
  let badge = link.querySelector('[data-testid=task-count-badge]');
  if (!badge) {
    badge = document.createElement('small');
    badge.dataset.testid = 'task-count-badge';
    link.append(' ', badge);
  }
  const capped = counts.open >= counts.capAt;
  badge.className = `badge task-count${counts.overdue > 0 ? ' late' : ''}`;
  badge.textContent = `${formatNumber(counts.open)}${capped ? '+' : ''}`;
  badge.title = counts.overdue > 0 ? `${formatNumber(counts.open)} tugas terbuka, ${formatNumber(counts.overdue)} terlambat` : `${formatNumber(counts.open)} tugas terbuka`;
  badge.hidden = counts.open === 0;
}
