// The live view of a running audit. Everything on it is built from the event stream
// (GET /api/audits/{id}/events), replayed from the first event, so a reload rebuilds the same view and then
// follows the audit live: phases and progress, captured pages, screenshots, findings, stats and the log.
// POST /api/audits/{id}/cancel stops it (after an inline confirmation); the terminal event says how it ended.
//
// Progress: every phase event and every captured page carries the bar's percentage (`pct`; a phase start also its
// `end_pct`, the capture phase and each page the page budget `max_pages`), so the view draws what the engine says
// instead of knowing how it splits its work. Findings are computed after capture, in the analysis phase, and are
// shown as they arrive then. An audit interrupted by a server stop goes back to queued and runs again from the start:
// the stream then shows status "queued" followed by a new start, and the view starts over for the new attempt.
import { h, replace, title } from '../dom.js';
import { audits } from '../api.js';
import { dateTime, duration, humanize, plural, tierLabel } from '../format.js';
import { statusBadge } from '../components/badges.js';
import { findingCard } from '../components/findings.js';
import { thumbnail } from '../components/screenshots.js';
import { follow } from '../sse.js';

const PHASES = [
  ['init', 'Initialization'],
  ['capture', 'Capturing pages'],
  ['analysis', 'Analysing'],
  ['judge', 'Judging'],
];
const MAX_LOG = 400;
const FINDINGS_WAIT = 'Findings are checked once the pages are captured.';

function stat(label) {
  const value = h('dd', {}, '—');
  return { node: h('div', { class: 'stat' }, h('dt', {}, label), value), value };
}

export function renderLive(main, audit, { onCompleted }) {
  title(`Auditing ${audit.host || audit.url}`);
  const id = audit.id;
  const state = { status: audit.status, startedAt: audit.started_at ? Date.parse(audit.started_at) : null, ended: false,
    endedAt: audit.completed_at ? Date.parse(audit.completed_at) : null, tier: audit.tier,
    findings: 0, pages: 0, shots: new Map(), pct: 0, phase: null, maxPages: 0, analysed: false,
    started: false, attempt: 1 };

  // --- header
  const eyebrow = h('p', { class: 'eyebrow' }, 'Live audit');
  const heading = h('h1', {}, 'Auditing ', h('span', { class: 'url' }, audit.url));
  const badgeBox = h('span', { class: 'status-box' }, statusBadge(audit.status));
  const cancel = h('button', { type: 'button', class: 'danger', 'aria-expanded': 'false' }, 'Cancel audit');
  const actions = h('div', { class: 'actions' }, cancel);
  const banner = h('div', { class: 'banner', role: 'status', 'aria-live': 'polite', hidden: true });
  // Cancelling throws the audit's work away, so it asks first, inline (a native confirm() cannot be styled or
  // tested, and blocks the event stream's handlers while it is open).
  const confirmYes = h('button', { type: 'button', class: 'danger' }, 'Yes, cancel the audit');
  const confirmNo = h('button', { type: 'button' }, 'Keep it running');
  const confirmBox = h('div', { class: 'confirm', role: 'group', 'aria-labelledby': 'cancel-question', hidden: true },
    h('p', { id: 'cancel-question' }, 'Cancel this audit? What it has found so far is discarded.'),
    h('div', { class: 'actions' }, confirmYes, confirmNo));
  // Shown when an interrupted audit started over.
  const retryNote = h('p', { class: 'banner banner-retry', role: 'status', hidden: true });
  // --- progress
  const bar = h('span', { class: 'progress-fill' });
  const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
    'aria-valuenow': 0, 'aria-label': 'Audit progress' }, bar);
  const phaseMessage = h('p', { class: 'phase-message', 'aria-live': 'polite' },
    audit.status === 'queued' ? 'Queued: waiting for a free worker…' : 'Connecting…');
  const phaseList = h('ol', { class: 'phases' });
  const phaseItems = new Map();
  const addPhase = (phase, label) => {
    const stateText = h('span', { class: 'phase-state' }, 'Waiting');
    const li = h('li', { class: 'phase phase-waiting', dataset: { phase } }, h('span', { class: 'phase-label' }, label), stateText);
    phaseItems.set(phase, { li, stateText, label: li.firstChild });
    phaseList.appendChild(li);
    return phaseItems.get(phase);
  };
  // --- stats
  const stats = { pages: stat('Pages'), shots: stat('Screenshots'), findings: stat('Findings'), elapsed: stat('Elapsed'),
    siteType: stat('Site type'), headers: stat('Security headers') };
  // --- lists
  const pageList = h('ol', { class: 'page-list' });
  const pagesEmpty = h('p', { class: 'muted' }, 'No page captured yet.');
  const shotGrid = h('div', { class: 'thumb-grid' });
  const shotsEmpty = h('p', { class: 'muted' }, 'No screenshot yet.');
  const findingList = h('div', { class: 'finding-list live-findings' });
  const findingsNote = h('p', { class: 'muted findings-note' }, FINDINGS_WAIT);
  // A replay adds hundreds of lines at once: the log is not announced; the phase message is.
  const log = h('ol', { class: 'log', role: 'log', 'aria-live': 'off', 'aria-label': 'Audit log', tabindex: 0 });
  const pagesPanel = h('section', { class: 'panel', 'aria-labelledby': 'pages-title' }, h('h2', { id: 'pages-title' }, 'Pages'), pagesEmpty, pageList);
  const shotsPanel = h('section', { class: 'panel', 'aria-labelledby': 'shots-title' }, h('h2', { id: 'shots-title' }, 'Screenshots'), shotsEmpty, shotGrid);
  const findingsPanel = h('section', { class: 'panel', 'aria-labelledby': 'findings-title' },
    h('h2', { id: 'findings-title' }, 'Findings'), findingsNote, findingList);

  replace(main,
    h('header', { class: 'page-head' },
      eyebrow,
      heading,
      h('p', { class: 'muted' }, badgeBox, ` · ${tierLabel(audit.tier)} · started ${dateTime(audit.created_at)}`),
      actions, confirmBox),
    banner,
    retryNote,
    h('section', { class: 'panel', 'aria-labelledby': 'progress-title' },
      h('h2', { id: 'progress-title' }, 'Progress'), progress, phaseMessage, phaseList,
      h('dl', { class: 'stats' }, Object.values(stats).map((s) => s.node))),
    h('div', { class: 'live-grid' }, pagesPanel, shotsPanel),
    findingsPanel,
    h('section', { class: 'panel', 'aria-labelledby': 'log-title' }, h('h2', { id: 'log-title' }, 'Log'), log));

  // --- elapsed ticker
  const tick = () => {
    if (state.startedAt) stats.elapsed.value.textContent = duration((state.endedAt ?? Date.now()) - state.startedAt);
  };
  const ticker = setInterval(tick, 1000);
  tick();

  let message = phaseMessage.textContent;
  const say = (text) => {
    message = text;
    phaseMessage.textContent = text;
  };
  const setStatus = (status) => {
    state.status = status;
    replace(badgeBox, statusBadge(status));
  };
  const setPct = (pct, text) => {
    const v = Math.round(Math.max(0, Math.min(100, Number(pct) || 0)));
    state.pct = v;
    bar.style.setProperty('width', `${v}%`);
    progress.setAttribute('aria-valuenow', String(v));
    progress.setAttribute('aria-valuetext', text ? `${v}%: ${text}` : `${v}%`);
  };
  const phaseState = (phase, label, cls, text) => {
    const item = phaseItems.get(phase) || addPhase(phase, label || humanize(phase));
    if (label) item.label.textContent = label;
    item.li.className = `phase phase-${cls}`;
    item.stateText.textContent = text;
  };
  /** Captured pages out of the budget the engine announced, and the percentage it gave with the last page. */
  const captureProgress = (pct) => {
    const max = state.maxPages;
    if (state.phase !== 'capture' || !max) return;
    const done = Math.min(state.pages, max);
    const text = max === 1 ? `${done} of 1 page captured` : `${done} of at most ${max} pages captured`;
    setPct(Math.max(state.pct, Number(pct) || 0), text);
    if (done) say(`Capturing pages: ${text}`);
  };
  const setFindingsNote = (text) => {
    findingsNote.hidden = !text;
    findingsNote.textContent = text || '';
  };

  /** Empties everything an attempt showed: pages, screenshots, findings, stats, phases and progress (not the log). */
  const startOver = () => {
    replace(pageList);
    pageList.before(pagesEmpty);
    replace(shotGrid);
    shotGrid.before(shotsEmpty);
    replace(findingList);
    setFindingsNote(FINDINGS_WAIT);
    state.pages = 0;
    state.findings = 0;
    state.shots.clear();
    state.phase = null;
    state.maxPages = 0;
    state.analysed = false;
    state.started = false;
    for (const s of Object.values(stats)) if (s !== stats.elapsed) s.value.textContent = '—';
    replace(phaseList);
    phaseItems.clear();
    PHASES.forEach(([p, label]) => addPhase(p, label));
    setPct(0);
  };
  startOver();

  const again = h('button', { type: 'button' }, 'Audit again');
  again.addEventListener('click', async () => {
    again.disabled = true;
    try {
      const created = await audits.submit(audit.url, audit.tier, audit.verdict_mode);
      location.assign(`/audits/${encodeURIComponent(created.id)}`);
    } catch (e) {
      again.disabled = false;
      banner.appendChild(h('p', { class: 'form-error', role: 'alert' }, e.detail || e.message));
    }
  });
  const stopClock = () => {
    state.ended = true;
    state.endedAt = state.endedAt ?? Date.now();
    clearInterval(ticker);
    tick();
    confirmBox.remove();
    cancel.remove();
  };
  const end = (kind, text) => {
    stopClock();
    title(`Audit ${kind}: ${audit.host || audit.url}`);
    eyebrow.textContent = kind === 'failed' ? 'Audit failed' : 'Audit cancelled';
    replace(heading, 'Audit of ', h('span', { class: 'url' }, audit.url));
    for (const item of phaseItems.values()) {
      if (item.li.classList.contains('phase-active')) {
        item.li.className = `phase phase-${kind === 'failed' ? 'error' : 'stopped'}`;
        item.stateText.textContent = kind === 'failed' ? 'Failed' : 'Stopped';
      }
    }
    setStatus(kind);
    if (!state.analysed && !state.findings) setFindingsNote('No findings: the audit stopped before the pages were checked.');
    banner.hidden = false;
    banner.className = `banner banner-${kind}`;
    replace(banner,
      h('p', { class: 'banner-title' }, kind === 'failed' ? 'The audit failed' : 'The audit was cancelled'),
      h('p', {}, text || 'No reason was given.'),
      h('div', { class: 'actions' }, again, h('a', { class: 'button', href: '/' }, 'New audit'),
        h('a', { class: 'button', href: '/history' }, 'History')));
    say(kind === 'failed' ? 'Stopped by an error.' : 'Cancelled.');
  };
  const logLine = (d) => {
    log.appendChild(h('li', { class: `log-${d.level || 'info'}` },
      h('span', { class: 'log-time' }, d.timestamp || ''), ' ',
      h('span', { class: 'log-agent' }, d.agent ? `[${d.agent}]` : ''), ' ', d.message));
    while (log.children.length > MAX_LOG) log.firstChild.remove();
    log.scrollTop = log.scrollHeight;
  };
  /** The audit goes round again: it was interrupted (the server stopped) and queued, or a new attempt began. */
  const restart = (why) => {
    state.attempt += 1;
    startOver();
    retryNote.hidden = false;
    const reason = why === 'interrupted' ? 'the server running it stopped' : why;
    retryNote.textContent = `Attempt ${state.attempt - 1} was interrupted${reason ? ` (${reason})` : ''}; the audit starts again `
      + `from the beginning, so what it had found so far is no longer shown.`;
    log.appendChild(h('li', { class: 'log-warning log-restart' }, `— attempt ${state.attempt - 1} interrupted; the audit starts again —`));
  };

  const handlers = {
    status(d) {
      if (d.tier) state.tier = d.tier;
      // Back to queued after it had started: the attempt was interrupted and the audit will run again.
      if (d.status === 'queued' && state.started) restart(d.reason);
      setStatus(d.status);
      if (d.status === 'queued') say(state.attempt > 1 ? 'Queued again: waiting for a free worker…' : 'Queued: waiting for a free worker…');
      if (d.status === 'running') {
        if (d.attempt > 1 && state.attempt < d.attempt) {
          // Joined after the interruption's "queued" was missed (or never written): the new attempt still starts over.
          if (state.started) restart();
          state.attempt = d.attempt;
        }
        say(state.attempt > 1 ? `Starting attempt ${state.attempt}…` : 'Starting…');
        if (!state.startedAt) state.startedAt = Date.now();
      }
    },
    phase_start(d) {
      // A second start of the first phase without a "queued" in between is a new attempt as well.
      if (d.phase === 'init' && state.started) restart();
      state.started = true;
      for (const [phase, item] of phaseItems) {
        if (phase !== d.phase && item.li.classList.contains('phase-active')) phaseState(phase, null, 'done', 'Done');
      }
      phaseState(d.phase, d.label, 'active', 'In progress');
      state.phase = d.phase;
      say(d.message || d.label || '');
      setPct(Math.max(state.pct, Number(d.pct) || 0), d.label);
      if (d.phase === 'capture') {
        state.maxPages = Number(d.max_pages) || 0;
        captureProgress(d.pct);
      }
      if (d.phase === 'analysis' && !state.findings) setFindingsNote('Checking the captured pages; findings appear here as they are found…');
    },
    phase_complete(d) {
      phaseState(d.phase, d.label, 'done', 'Done');
      say(d.message ? `${d.label}: ${d.message}` : d.label || '');
      setPct(Math.max(state.pct, Number(d.pct) || 0), d.label);
      if (d.phase === 'analysis') {
        state.analysed = true;
        setFindingsNote(state.findings ? '' : 'No findings: the checks found nothing suspicious.');
      }
    },
    page_captured(d) {
      state.started = true;
      pagesEmpty.remove();
      state.pages += 1;
      stats.pages.value.textContent = String(state.pages);
      pageList.appendChild(h('li', { class: 'captured-page' },
        h('span', { class: 'page-title' }, d.title || '(no title)'),
        h('span', { class: 'url' }, d.final_url || d.url),
        h('span', { class: 'muted' }, ` HTTP ${d.status} · ${d.source}${d.screenshots ? ` · ${plural(d.screenshots, 'screenshot')}` : ''}`)));
      if (d.max_pages) state.maxPages = Number(d.max_pages);
      captureProgress(d.pct);
    },
    screenshot(d) {
      shotsEmpty.remove();
      state.shots.set(d.index, d);
      stats.shots.value.textContent = String(state.shots.size);
      shotGrid.appendChild(thumbnail(id, d));
    },
    finding(d) {
      state.findings += 1;
      setFindingsNote(state.analysed ? '' : `Checking the captured pages: ${plural(state.findings, 'finding')} so far…`);
      stats.findings.value.textContent = String(state.findings);
      findingList.appendChild(findingCard(d.finding, { auditId: id, screenshots: state.shots, headingLevel: 'h3',
        simple: audit.verdict_mode === 'simple' }));
    },
    site_type(d) {
      stats.siteType.value.textContent = `${humanize(d.site_type)} (${Math.round((d.confidence || 0) * 100)}%)`;
    },
    security_result(d) {
      if (d.module === 'observatory' && d.result) stats.headers.value.textContent = `Grade ${d.result.grade} (${d.result.score}/100)`;
    },
    stats_update(d) {
      const st = d.stats || {};
      if (st.pages_scanned !== undefined) stats.pages.value.textContent = String(st.pages_scanned);
      if (st.screenshots !== undefined) stats.shots.value.textContent = String(st.screenshots);
      if (st.findings !== undefined) stats.findings.value.textContent = String(st.findings);
    },
    log_entry: logLine,
    audit_result(d) {
      stopClock();
      setPct(100, 'complete');
      setStatus('completed');
      if (!state.findings) setFindingsNote('No findings: the checks found nothing suspicious.');
      say(`Audit complete: trust score ${d.trust_score}, ${plural(state.findings, 'finding')}. Opening the report…`);
      onCompleted();
    },
    audit_error(d) {
      end('failed', d.error);
    },
    audit_cancelled(d) {
      end('cancelled', d.reason);
    },
  };

  const closeConfirm = () => {
    confirmBox.hidden = true;
    cancel.setAttribute('aria-expanded', 'false');
  };
  cancel.addEventListener('click', () => {
    confirmBox.hidden = false;
    cancel.setAttribute('aria-expanded', 'true');
    confirmYes.focus();
  });
  confirmNo.addEventListener('click', () => {
    closeConfirm();
    cancel.focus();
  });
  confirmBox.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      closeConfirm();
      cancel.focus();
    }
  });
  confirmYes.addEventListener('click', async () => {
    closeConfirm();
    cancel.disabled = true;
    cancel.textContent = 'Cancelling…';
    try {
      await audits.cancel(id);
      // The stream delivers audit_cancelled and ends the view.
    } catch (e) {
      cancel.disabled = false;
      cancel.textContent = 'Cancel audit';
      banner.hidden = false;
      banner.className = 'banner banner-failed';
      replace(banner, h('p', {}, `The audit could not be cancelled: ${e.detail || e.message}`));
    }
  });

  let stream = null;
  let refusals = 0;
  const connect = (after) => {
    stream = follow(id, {
      after,
      onEvent: (type, data) => handlers[type]?.(data),
      onState: async (s) => {
        if (s === 'open' && !state.ended) {
          if (message === 'Connecting…') say('Following the audit…');
          else phaseMessage.textContent = message;
        }
        if (s === 'reconnecting' && !state.ended) phaseMessage.textContent = 'Connection lost; reconnecting…';
        if (s === 'closed') {
          // EventSource gave up: the server refused the stream. Ask the API why (this may ask for the token).
          try {
            const a = await audits.get(id);
            refusals += 1;
            if (a.status === 'completed' && !state.ended) onCompleted();
            else if (refusals <= 3) connect(stream.lastId());
            else end('failed', 'The server keeps refusing the event stream of this audit; reload the page to try again.');
          } catch (e) {
            end('failed', `The event stream could not be followed: ${e.detail || e.message}`);
          }
        }
      },
    });
  };
  connect(0);

  // Leaving the page closes the stream; coming back to it from the back-forward cache starts afresh.
  window.addEventListener('pagehide', () => stream?.close(), { once: true });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) location.reload();
  });
}
