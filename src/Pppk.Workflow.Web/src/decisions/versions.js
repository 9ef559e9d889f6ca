// A decision's versions, newest first: as GET /api/decisions/{key} lists them (`versions`), else each version read by
// number (a server without that list).
import { api } from '../api.js';

const MAX_LISTED = 20;

export async function decisionVersions(key, latest, listed) {
  if (Array.isArray(listed)) return [...listed].sort((a, b) => b.version - a.version);
  if (!latest) return [];
  const numbers = Array.from({ length: Math.min(latest, MAX_LISTED) }, (_, i) => latest - i);
  const found = await Promise.all(numbers.map((n) => api.get(`/api/decisions/${encodeURIComponent(key)}?version=${n}`).catch(() => null)));
  return found.filter(Boolean).map((v) => ({ ...v, latest: v.version === latest }));
}

/** Who deployed, as people read it: the workflows folder at start-up deploys as "system". */
export function deployedByText(item) {
  const who = item.deployedByName || item.deployedBy;
  return !who ? '–' : who === 'system' ? 'sistem (folder alur kerja)' : who;
}
