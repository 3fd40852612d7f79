// Keeps the status of listed audits current while they are queued or running: every few seconds, while the tab is
// visible and the list is still on the page, it asks GET /api/audits/{id} for each unfinished audit and calls
// onUpdate(audit) when its status changed. It stops by itself once every audit it watches has ended.
import { audits } from '../api.js';

export const ACTIVE = new Set(['queued', 'running']);
const EVERY_MS = 4000;

/** items: audit summaries (id, status); root: the element showing them (polling stops when it leaves the page). */
export function watchUnfinished(items, root, onUpdate, { every = EVERY_MS } = {}) {
  const watched = new Map(items.filter((a) => ACTIVE.has(a.status)).map((a) => [a.id, a.status]));
  let timer = null;
  const round = async () => {
    timer = null;
    if (!root.isConnected) return;
    if (!document.hidden) {
      for (const [id, status] of [...watched]) {
        try {
          const now = await audits.get(id);
          if (!root.isConnected) return;
          if (now.status !== status) onUpdate(now);
          if (ACTIVE.has(now.status)) watched.set(id, now.status);
          else watched.delete(id);
        } catch (e) {
          // Deleted meanwhile: nothing more to show. Other errors (server briefly away): try again next round.
          if (e.status === 404) watched.delete(id);
        }
      }
    }
    if (watched.size && root.isConnected) timer = setTimeout(round, every);
  };
  if (watched.size) timer = setTimeout(round, every);
  return {
    stop() {
      clearTimeout(timer);
      watched.clear();
    },
  };
}
