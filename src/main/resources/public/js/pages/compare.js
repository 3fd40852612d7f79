// /compare?ids=a,b[,…]: audits side by side, oldest first (GET /api/audits/compare), then what changed between
// each consecutive pair: trust score and risk level, signal scores, and findings added, removed and unchanged.
import { h, replace, title } from '../dom.js';
import { audits } from '../api.js';
import { dateTime, humanize, riskLabel, signed, statusLabel } from '../format.js';
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
      h('div', {}, h('dt', {}, 'Site type'), h('dd', {}, a.site_type ? humanize(a.site_type) : '—')),
      h('div', {}, h('dt', {}, 'Findings'), h('dd', {}, `${fs.total ?? 0}`,
        fs.total ? ` (${['critical', 'high', 'medium', 'low'].filter((s) => fs[s]).map((s) => `${fs[s]} ${s}`).join(', ')})` : '')),
      h('div', {}, h('dt', {}, 'Screenshots'), h('dd', {}, String(a.screenshots_count ?? 0)))));
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

function pairSection(data, from, to, nFrom, nTo) {
  const match = (x) => x.from_audit_id === from.audit_id && x.to_audit_id === to.audit_id;
  const score = data.trust_score_deltas.find(match);
  const risk = data.risk_level_changes.find(match);
  const signals = data.signal_deltas.filter(match);
  const changes = data.finding_changes.find(match) || { added: [], removed: [], unchanged: [] };
  const headingId = `pair-${nFrom}-${nTo}`;
  return h('section', { class: 'panel pair', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, `Audit ${nFrom} → audit ${nTo}`),
    h('div', { class: 'pair-summary' },
      h('div', { class: 'change' }, h('p', { class: 'change-label' }, 'Trust score'),
        h('p', { class: ['change-value', deltaClass(score?.delta)] },
          `${score?.from_score ?? '—'} → ${score?.to_score ?? '—'}`, ' ',
          h('span', { class: 'delta' }, `(${signed(score?.delta)}${score?.percentage_change !== null && score?.percentage_change !== undefined
            ? `, ${signed(score.percentage_change, 1)}%` : ''})`))),
      h('div', { class: 'change' }, h('p', { class: 'change-label' }, 'Risk level'),
        risk ? h('p', { class: 'change-value' }, riskLabel(risk.from), ' → ', riskLabel(risk.to))
          : h('p', { class: 'change-value' }, `${riskLabel(from.risk_level)} (unchanged)`))),
    h('h3', {}, 'Signals'),
    signals.length ? h('table', { class: 'signal-deltas' },
      h('thead', {}, h('tr', {}, ['Signal', `Audit ${nFrom}`, `Audit ${nTo}`, 'Change'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, signals.map((s) => h('tr', {},
        h('th', { scope: 'row', 'data-label': 'Signal' }, humanize(s.signal)),
        h('td', { 'data-label': `Audit ${nFrom}`, class: 'num' }, s.from_score === null ? '—' : String(Math.round(s.from_score * 100))),
        h('td', { 'data-label': `Audit ${nTo}`, class: 'num' }, s.to_score === null ? '—' : String(Math.round(s.to_score * 100))),
        h('td', { 'data-label': 'Change', class: ['num', deltaClass(s.delta)] }, s.delta === null ? '—' : signed(s.delta * 100))))))
      : h('p', { class: 'muted' }, 'No signal scores to compare.'),
    h('h3', {}, `Findings added (${changes.added.length})`), refList(changes.added, 'No new findings.'),
    h('h3', {}, `Findings removed (${changes.removed.length})`), refList(changes.removed, 'No finding went away.'),
    h('details', { class: 'unchanged' }, h('summary', {}, `Findings unchanged (${changes.unchanged.length})`),
      refList(changes.unchanged, 'None.')));
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
