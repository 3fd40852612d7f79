// /sites/{host}: one host's trust score over time (an SVG line chart) and the list of its audits
// (GET /api/audits?host=…&sort=oldest, following next_cursor).
import { h, replace, title } from '../dom.js';
import { audits } from '../api.js';
import { dateTime, riskLabel, signed, tierLabel } from '../format.js';
import { riskBadge, scoreChip, statusBadge } from '../components/badges.js';
import { scoreChart } from '../components/chart.js';
import { empty, failure, loading } from '../components/states.js';

const MAX_PAGES = 5;

async function allAudits(host) {
  const items = [];
  let cursor;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const page = await audits.list({ host, sort: 'oldest', limit: 200, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return items;
}

export async function render(main, host) {
  title(`Timeline: ${host}`);
  const head = h('header', { class: 'page-head' }, h('p', { class: 'eyebrow' }, 'Site timeline'), h('h1', {}, host));
  replace(main, head, loading('Loading the audits of this site…'));
  let items;
  try {
    items = await allAudits(host);
  } catch (e) {
    replace(main, head, failure(e, { heading: 'The audits of this site could not be loaded', retry: () => render(main, host) }));
    return;
  }
  if (!items.length) {
    replace(main, head, empty(`No audit of ${host} yet.`, h('a', { href: '/' }, 'Audit a site')));
    return;
  }
  const scored = items.filter((a) => a.status === 'completed' && a.trust_score !== null);
  const first = scored[0];
  const last = scored[scored.length - 1];
  const points = scored.map((a) => ({ time: new Date(a.created_at), score: a.trust_score, id: a.id }));
  replace(main, head,
    h('section', { class: 'panel', 'aria-labelledby': 'trend-title' },
      h('h2', { id: 'trend-title' }, 'Trust score over time'),
      last ? h('p', {}, 'Latest: ', scoreChip(last.trust_score, last.risk_level), ' ', riskLabel(last.risk_level),
        ` (${dateTime(last.created_at)})`,
        scored.length > 1 ? ` · ${signed(last.trust_score - first.trust_score)} since the first audit` : '') : null,
      scored.length
        ? h('figure', { class: 'chart-box' }, scoreChart(points, { caption: `Trust score of ${host} over time` }),
          h('figcaption', { class: 'hint' }, `${scored.length} completed ${scored.length === 1 ? 'audit' : 'audits'}; each point links to its report.`))
        : h('p', { class: 'muted' }, 'No completed audit yet, so there is no score to draw.')),
    h('section', { class: 'panel', 'aria-labelledby': 'site-audits-title' },
      h('h2', { id: 'site-audits-title' }, `Audits (${items.length})`),
      h('table', { class: 'stack-table site-audits' },
        h('thead', {}, h('tr', {}, ['Created', 'Score', 'Risk', 'Address', 'Status', 'Tier'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, [...items].reverse().map((a) => h('tr', {},
          h('th', { scope: 'row', 'data-label': 'Created' }, h('a', { href: `/audits/${encodeURIComponent(a.id)}` }, dateTime(a.created_at))),
          h('td', { 'data-label': 'Score', class: 'num' }, scoreChip(a.trust_score, a.risk_level)),
          h('td', { 'data-label': 'Risk' }, a.risk_level ? riskBadge(a.risk_level) : '—'),
          h('td', { 'data-label': 'Address' }, h('span', { class: 'url' }, a.url)),
          h('td', { 'data-label': 'Status' }, statusBadge(a.status)),
          h('td', { 'data-label': 'Tier' }, tierLabel(a.tier))))))),
    h('p', {}, h('a', { href: `/history?host=${encodeURIComponent(host)}` }, `Filter the history by ${host}`)));
}
