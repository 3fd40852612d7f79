// The client of the Veritas JSON API. Errors come back as application/problem+json; they are thrown as ApiError
// with the server's `detail`, which pages show to the user as is (as text). A 401 asks for the API token and
// retries.
import { getToken, requestToken, withToken } from './token.js';

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title || (status ? `Error ${status}` : 'Network error');
    this.detail = detail || this.message;
  }
}

async function problem(res) {
  let title = res.statusText;
  let detail = '';
  try {
    const type = res.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      const body = await res.json();
      title = body.title || title;
      detail = body.detail || '';
    } else {
      detail = (await res.text()).slice(0, 300);
    }
  } catch {
    // The body was unreadable; the status says enough.
  }
  return new ApiError(res.status, title, detail || `The server answered ${res.status} ${res.statusText}.`);
}

/** Calls the API; resolves to the parsed JSON (null for 204) or throws ApiError. */
export async function request(path, { method = 'GET', body, signal } = {}) {
  for (let attempt = 0; ; attempt += 1) {
    const headers = { Accept: 'application/json' };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'Server unreachable', 'The Veritas server could not be reached. Is it running?');
    }
    if (res.status === 401 && attempt < 3) {
      const err = await problem(res);
      if (await requestToken(err.detail)) continue;
      throw err;
    }
    if (!res.ok) throw await problem(res);
    if (res.status === 204) return null;
    return res.json();
  }
}

const base = (id) => `/api/audits/${encodeURIComponent(id)}`;

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const audits = {
  submit: (url, tier, verdictMode) => request('/api/audits', { method: 'POST', body: { url, tier, verdict_mode: verdictMode } }),
  get: (id) => request(base(id)),
  list: (params) => request(`/api/audits${query(params)}`),
  compare: (ids) => request(`/api/audits/compare?ids=${ids.map(encodeURIComponent).join(',')}`),
  cancel: (id) => request(`${base(id)}/cancel`, { method: 'POST', body: {} }),
  remove: (id) => request(base(id), { method: 'DELETE' }),
  /** Where the browser loads a screenshot from (an <img> cannot send the Authorization header). */
  screenshotUrl: (id, index) => withToken(`${base(id)}/screenshots/${encodeURIComponent(index)}`),
  exportUrl: (id, format) => withToken(`${base(id)}/export?format=${encodeURIComponent(format)}`),
  jsonUrl: (id) => withToken(base(id)),
  eventsUrl: (id, after) => withToken(`${base(id)}/events${after ? `?after=${after}` : ''}`),
};
