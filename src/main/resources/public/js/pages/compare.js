// /compare?ids=a,b[,…]: audits side by side, oldest first (GET /api/audits/compare), then what changed between
// each consecutive pair: trust score and risk level, signal scores, and findings added, removed and unchanged.
//
// Only two audits that both have a result compare: a queued, running, failed or cancelled audit has no score (the API
// sends delta: null) and found nothing because it never looked (finding_changes.comparable: false), so the pair says
// "not comparable" instead of a drop to 0 or "every finding removed". Audits of different tiers or page counts looked
// at different amounts of the site: the pair warns, and its finding lists say "only in audit N" instead of
// "added"/"removed", since a finding on a page the smaller audit never visited did not go away.
import { h, replace, title } from '../dom.js';
import { audits } from '../api.js';
import { dateTime, humanize, plural, riskLabel, signed, statusLabel, tierLabel, tierMaxPages } from '../format.js';
import { riskBadge, severityBadge, statusBadge } from '../components/badges.js';
import { gauge } from '../components/gauge.js';
import { empty, failure, loading } from '../components/states.js';

function auditCard(a, n) {
  const fs = a.findings_summary || {};
  return h('article', { class: 'panel compare-card' },
    h('p', { class: 'eyebrow' }, `Audit ${n}`),
    gauge(a.trust_score, a.risk_level, { small: true }),
    h('p', {}, a.risk_level ? riskBadge(a.risk_level) : statusBadge(a.status)),
    h('h2', { class: 'compare-url' }, h('a', { href: `/audits/${encodeURIComponent(a.audit_id)}`, class: 'url' }, a.url)),
    h('dl', { class: 'meta compact' },
      h('div', {}, h('dt', {}, 'Created'), h('dd', {}, dateTime(a.created_at))),
      h('div', {}, h('dt', {}, 'Status'), h('dd', {}, statusLabel(a.status))),
      h('div', {}, h('dt', {}, 'Tier'), h('dd', {}, a.tier ? tierLabel(a.tier) : '—')),
      h('div', {}, h('dt', {}, 'Pages scanned'), h('dd', {}, hasValue(a.pages_scanned) ? String(a.pages_scanned) : '—')),
      h('div', {}, h('dt', {}, 'Site type'), h('dd', {}, a.site_type ? humanize(a.site_type) : '—')),
      h('div', {}, h('dt', {}, 'Findings'), h('dd', {}, `${fs.total ?? 0}`,
        fs.total ? ` (${['critical', 'high', 'medium', 'low'].filter((s) => fs[s]).map((s) => `${fs[s]} ${s}`).join(', ')})` : '')),
      h('div', {}, h('dt', {}, 'Screenshots'), h('dd', {}, String(a.screenshots_count ?? 0)))));
}

const hasValue = (v) => v !== null && v !== undefined;
const hasScore = (a) => hasValue(a.trust_score);

/** Why audit n has nothing to compare: "audit 2 has no score (failed)". */
function noScore(a, n) {
  return `audit ${n} has no score (${statusLabel(a.status).toLowerCase()})`;
}

/** How much of the site an audit looked at: "quick scan, 1 page". */
function scope(a) {
  const pages = hasValue(a.pages_scanned) ? a.pages_scanned : tierMaxPages(a.tier);
  return `${tierLabel(a.tier).toLowerCase()}${hasValue(pages) ? `, ${plural(pages, 'page')}` : ''}`;
}

/** A warning when the two audits looked at different amounts of the site, or null when they match. */
function scopeWarning(from, to, nFrom, nTo) {
  const tiers = from.tier && to.tier && from.tier !== to.tier;
  const pages = hasValue(from.pages_scanned) && hasValue(to.pages_scanned) && from.pages_scanned !== to.pages_scanned;
  if (!tiers && !pages) return null;
  const smaller = (from.pages_scanned ?? tierMaxPages(from.tier) ?? 0) <= (to.pages_scanned ?? tierMaxPages(to.tier) ?? 0) ? nFrom : nTo;
  return h('div', { class: 'note note-warning scope-warning' },
    h('p', { class: 'note-title' }, tiers ? 'These audits are of different tiers' : 'These audits scanned different numbers of pages'),
    h('p', {}, `Audit ${nFrom}: ${scope(from)}; audit ${nTo}: ${scope(to)}. `,
      `A finding on a page that audit ${smaller} did not visit is not “removed” or “added”: that audit never looked there. `,
      'The findings below are listed as only in one audit or the other.'));
}

function deltaClass(d) {
  if (d === null || d === undefined || d === 0) return 'delta-none';
  return d > 0 ? 'delta-up' : 'delta-down';
}

function refList(refs, emptyText) {
  if (!refs?.length) return h('p', { class: 'muted' }, emptyText);
  return h('ul', { class: 'ref-list' }, refs.map((r) => h('li', {}, severityBadge(r.severity), ' ',
    h('span', {}, r.title || humanize(r.pattern_type)), ' ',
    h('span', { class: 'muted' }, `· ${humanize(r.category)}`, r.page_url ? [' · ', h('span', { class: 'url' }, r.page_url)] : null))));
}

function scoreChange(score, from, to, nFrom, nTo) {
  const label = h('p', { class: 'change-label' }, 'Trust score');
  if (!hasValue(score?.delta)) {
    const why = [!hasScore(from) ? noScore(from, nFrom) : null, !hasScore(to) ? noScore(to, nTo) : null].filter(Boolean).join(' and ');
    return h('div', { class: 'change' }, label,
      h('p', { class: ['change-value', 'delta-none', 'not-comparable'] }, `Not comparable: ${why || 'an audit has no score'}`));
  }
  const pct = hasValue(score.percentage_change) ? `, ${signed(score.percentage_change, 1)}%` : '';
  return h('div', { class: 'change' }, label,
    h('p', { class: ['change-value', deltaClass(score.delta)] },
      `${score.from_score} → ${score.to_score}`, ' ', h('span', { class: 'delta' }, `(${signed(score.delta)}${pct})`)));
}

function signalTable(signals, nFrom, nTo) {
  if (!signals.length) return h('p', { class: 'muted' }, 'No signal scores to compare.');
  return h('table', { class: 'signal-deltas' },
    h('thead', {}, h('tr', {}, ['Signal', `Audit ${nFrom}`, `Audit ${nTo}`, 'Change'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, signals.map((s) => h('tr', {},
      h('th', { scope: 'row', 'data-label': 'Signal' }, humanize(s.signal)),
      h('td', { 'data-label': `Audit ${nFrom}`, class: 'num' }, s.from_score === null ? '—' : String(Math.round(s.from_score * 100))),
      h('td', { 'data-label': `Audit ${nTo}`, class: 'num' }, s.to_score === null ? '—' : String(Math.round(s.to_score * 100))),
      h('td', { 'data-label': 'Change', class: ['num', deltaClass(s.delta)] }, s.delta === null ? '—' : signed(s.delta * 100))))));
}

function pairSection(data, from, to, nFrom, nTo) {
  const match = (x) => x.from_audit_id === from.audit_id && x.to_audit_id === to.audit_id;
  const score = data.trust_score_deltas.find(match);
  const risk = data.risk_level_changes.find(match);
  const signals = data.signal_deltas.filter(match);
  const changes = data.finding_changes.find(match) || { added: [], removed: [], unchanged: [] };
  // Both audits need a result; an older server without the flag is judged by the scores.
  const comparable = changes.comparable !== undefined ? changes.comparable !== false : hasScore(from) && hasScore(to);
  const warning = comparable ? scopeWarning(from, to, nFrom, nTo) : null;
  const headingId = `pair-${nFrom}-${nTo}`;
  const missing = [!hasScore(from) ? [from, nFrom] : null, !hasScore(to) ? [to, nTo] : null].filter(Boolean);
  return h('section', { class: 'panel pair', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, `Audit ${nFrom} → audit ${nTo}`),
    h('div', { class: 'pair-summary' },
      scoreChange(score, from, to, nFrom, nTo),
      h('div', { class: 'change' }, h('p', { class: 'change-label' }, 'Risk level'),
        !comparable ? h('p', { class: ['change-value', 'not-comparable'] }, 'Not comparable')
          : risk ? h('p', { class: 'change-value' }, riskLabel(risk.from), ' → ', riskLabel(risk.to))
            : h('p', { class: 'change-value' }, `${riskLabel(from.risk_level)} (unchanged)`))),
    warning,
    comparable ? [
      h('h3', {}, 'Signals'), signalTable(signals, nFrom, nTo),
      warning ? [
        h('h3', {}, `Only in audit ${nFrom} (${changes.removed.length})`), refList(changes.removed, 'None.'),
        h('h3', {}, `Only in audit ${nTo} (${changes.added.length})`), refList(changes.added, 'None.'),
      ] : [
        h('h3', {}, `Findings added (${changes.added.length})`), refList(changes.added, 'No new findings.'),
        h('h3', {}, `Findings removed (${changes.removed.length})`), refList(changes.removed, 'No finding went away.'),
      ],
      h('details', { class: 'unchanged' }, h('summary', {}, `Findings unchanged (${changes.unchanged.length})`),
        refList(changes.unchanged, 'None.')),
    ] : h('div', { class: 'note not-comparable-note' },
      h('p', { class: 'note-title' }, 'Signals and findings are not compared'),
      missing.map(([a, n]) => h('p', {}, `Audit ${n} has no result (${statusLabel(a.status).toLowerCase()}): `,
        a.status === 'failed' || a.status === 'cancelled' ? 'it ended before it could check the site, '
          : 'it has not finished yet, ', 'so it found nothing to compare. ',
        h('a', { href: `/audits/${encodeURIComponent(a.audit_id)}` }, `Open audit ${n}`), '.'))));
}

export async function render(main) {
  title('Compare audits');
  const ids = (new URLSearchParams(location.search).get('ids') || '').split(',').map((s) => s.trim()).filter(Boolean);
  const head = h('header', { class: 'page-head' }, h('h1', {}, 'Compare audits'));
  if (ids.length < 2) {
    replace(main, head, empty('Choose two or more audits to compare.', h('a', { href: '/history' }, 'Pick them in the history')));
    return;
  }
  replace(main, head, loading('Comparing…'));
  let data;
  try {
    data = await audits.compare(ids);
  } catch (e) {
    replace(main, head, failure(e, { heading: 'The audits could not be compared', retry: () => render(main) }));
    return;
  }
  const list = data.audits;
  replace(main, head,
    h('p', { class: 'hint' }, 'Oldest first. Each step shows what changed from one audit to the next.'),
    h('div', { class: 'compare-grid' }, list.map((a, i) => auditCard(a, i + 1))),
    list.slice(1).map((to, i) => pairSection(data, list[i], to, i + 1, i + 2)));
}
