// The API token of a server started with --token: asked once, kept in this browser's localStorage, sent as
// "Authorization: Bearer …" on requests and as ?access_token= where a header cannot be set (EventSource, images,
// downloads).
import { h, uid } from './dom.js';
import { openDialog } from './components/dialog.js';

const KEY = 'veritas.api-token';
let pending = null;

export function getToken() {
  try {
    return localStorage.getItem(KEY) || '';
  } catch {
    return '';
  }
}

export function setToken(token) {
  try {
    if (token) localStorage.setItem(KEY, token);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the token lasts until the page closes, in the caller's retry only.
  }
}

/** Adds ?access_token= to a same-origin URL when a token is set. */
export function withToken(url) {
  const token = getToken();
  if (!token) return url;
  return url + (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(token);
}

/**
 * Asks the user for the API token; resolves true when one was given, false when the dialog was dismissed.
 * Concurrent requests that all got 401 share one dialog.
 */
export function requestToken(reason) {
  if (pending) return pending;
  pending = new Promise((resolve) => {
    const inputId = uid('token');
    const hintId = uid('token-hint');
    const input = h('input', { id: inputId, name: 'token', type: 'password', autocomplete: 'current-password',
      required: true, minlength: 16, spellcheck: 'false', 'aria-describedby': hintId });
    let given = false;
    const form = h('form', { class: 'token-form', method: 'dialog' },
      h('div', { id: hintId },
        h('p', {}, 'This Veritas server needs an API token. The server says:'),
        h('p', { class: 'token-reason' }, reason || 'a token is required'),
        h('p', {}, 'The token is kept in this browser only and sent with every request to this server.')),
      h('label', { for: inputId }, 'API token'),
      input,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save token')));
    const modal = openDialog({
      heading: 'API token needed', content: form, className: 'token-dialog',
      onClose: () => {
        pending = null;
        resolve(given);
      },
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      setToken(value);
      given = true;
      modal.close();
    });
    input.focus();
  });
  return pending;
}
