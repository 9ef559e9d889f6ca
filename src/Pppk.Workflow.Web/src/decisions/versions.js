// A decision's versions, newest first: the API's versions list where it has one, else each version read by number.
import { api, ApiError } from '../api.js';

const MAX_LISTED = 20;

export async function decisionVersions(key, latest) {
  const path = `/api/decisions/${encodeURIComponent(key)}`;
  try {
    const data = await api.get(`${path}/versions`);
    const items = Array.isArray(data) ? data : data.items || [];
    const top = Math.max(...items.map((v) => v.version));
    return items.map((v) => ({ ...v, latest: v.latest ?? v.version === top })).sort((a, b) => b.version - a.version);
  } catch (e) {
    if (!(e instanceof ApiError) || ![404, 405].includes(e.status) || !latest) throw e;
  }
  const numbers = Array.from({ length: Math.min(latest, MAX_LISTED) }, (_, i) => latest - i);
  const found = await Promise.all(numbers.map((n) => api.get(`${path}?version=${n}`).catch(() => null)));
  return found.filter(Boolean).map((v) => ({ ...v, latest: v.version === latest }));
}
