// Follows an audit's Server-Sent-Events stream. EventSource reconnects by itself after a dropped connection and
// sends Last-Event-ID, so the server replays exactly what was missed; events already seen are skipped anyway.
// After a terminal event the server closes the stream and this closes the EventSource, so it does not reconnect.
import { audits } from './api.js';

export const EVENT_TYPES = ['status', 'phase_start', 'phase_complete', 'page_captured', 'screenshot', 'finding',
  'site_type', 'security_result', 'stats_update', 'log_entry', 'audit_result', 'audit_error', 'audit_cancelled'];
export const TERMINAL = new Set(['audit_result', 'audit_error', 'audit_cancelled']);

/**
 * Starts following audit `id` from event `after` (0: from the beginning, replaying everything).
 * onEvent(type, data, eventId) for each event in order; onState('open' | 'reconnecting' | 'closed') when the
 * connection changes ('closed' means EventSource gave up, e.g. the server refused the request).
 * Returns {close(), lastId()}.
 */
export function follow(id, { after = 0, onEvent, onState = () => {} }) {
  let last = after;
  let finished = false;
  const source = new EventSource(audits.eventsUrl(id, after));
  const handle = (type) => (e) => {
    const eventId = Number(e.lastEventId) || 0;
    if (eventId && eventId <= last) return;
    if (eventId) last = eventId;
    let data;
    try {
      data = JSON.parse(e.data);
    } catch {
      return;
    }
    if (TERMINAL.has(type)) {
      finished = true;
      source.close();
    }
    onEvent(type, data, eventId);
  };
  for (const type of EVENT_TYPES) source.addEventListener(type, handle(type));
  source.addEventListener('open', () => onState('open'));
  source.addEventListener('error', () => {
    if (finished) return;
    onState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  });
  return {
    close() {
      finished = true;
      source.close();
    },
    lastId: () => last,
  };
}
