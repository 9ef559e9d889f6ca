// Thin fetch wrapper over the host's REST API (docs/api.md). Errors become ApiError with the problem body.
// Every call asks for Indonesian (Accept-Language: id): validation problems, CSV row errors, incident messages and
// problem titles come back in Bahasa Indonesia, each with its stable `code`; API clients that do not ask keep the English texts.
// Every change carries X-Pppk-Csrf: the host refuses a change made with the sign-in cookie without it, which a page of
// another site cannot send (cross-site request forgery).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || problem?.detail || `Permintaan gagal (HTTP ${status})`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function request(method, url, body, headers = {}) {
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': 'id', ...headers }, credentials: 'same-origin' };
  if (method !== 'GET') init.headers['X-Pppk-Csrf'] = '1';
  if (body instanceof FormData) {
    init.body = body;
  } else if (typeof body === 'string') {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { title: text }; }
  }
  signedOut(response, url);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function signedOut(response, url) {
  if (response.status === 401 && !url.startsWith('/api/auth/')) {
    window.dispatchEvent(new CustomEvent('pppk:unauthorized'));
  }
}

/** A file (a PDF, an export) as { blob, fileName } (fileName from Content-Disposition, else null); a refusal is an ApiError. */
async function blob(url) {
  const response = await fetch(url, { headers: { 'Accept-Language': 'id' }, credentials: 'same-origin' });
  signedOut(response, url);
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not a problem document */ }
    throw new ApiError(response.status, problem);
  }
  return { blob: await response.blob(), fileName: fileName(response.headers.get('Content-Disposition')) };
}

function fileName(disposition) {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition || '');
  return plain ? plain[1] : null;
}

export const api = {
  get: (url) => request('GET', url),
  post: (url, body, headers) => request('POST', url, body, headers),
  put: (url, body) => request('PUT', url, body),
  delete: (url) => request('DELETE', url),
  blob,
};

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
