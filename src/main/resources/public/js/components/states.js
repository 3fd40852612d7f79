// Loading, empty and error states, the same on every page.
import { h } from '../dom.js';

export function loading(text = 'Loading…') {
  return h('p', { class: 'state state-loading', role: 'status' }, text);
}

export function empty(text, ...extra) {
  return h('div', { class: 'state state-empty' }, h('p', {}, text), extra);
}

/** An error from the API (ApiError: title + detail) or any Error, with an optional retry button. */
export function failure(error, { heading = 'Something went wrong', retry } = {}) {
  const detail = error?.detail || error?.message || String(error);
  // "(404 Not found)" for an answer; "(Server unreachable)" when there was none (status 0).
  const status = error?.status ? ` (${error.status}${error.title ? ` ${error.title}` : ''})`
    : error?.title ? ` (${error.title})` : '';
  return h('div', { class: 'state state-error', role: 'alert' },
    h('p', { class: 'state-title' }, heading + status),
    h('p', { class: 'state-detail' }, detail),
    retry ? h('button', { type: 'button', on: { click: retry } }, 'Try again') : null);
}
