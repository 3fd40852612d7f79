// /sites/{host}: one host's trust score over time (an SVG line chart) and the list of its audits. Shows the most recent
// SHOWN audits (GET /api/audits?host=…&sort=newest&limit=SHOWN, one request) and says so when the host has more, with a
// link to the rest in the history.
import { h, replace, title } from '../dom.js';
import { audits } from '../api.js';
import { dateTime, riskLabel, signed, tierLabel } from '../format.js';
import { riskBadge, scoreChip, statusBadge } from '../components/badges.js';
import { responsiveChart } from '../components/chart.js';
import { empty, failure, loading } from '../components/states.js';

const SHOWN = 200;

export async function render(main, host) {
  title(`Timeline: ${host}`);
  const head = h('header', { class: 'page-head' }, h('p', { class: 'eyebrow' }, 'Site timeline'), h('h1', {}, host));
  replace(main, head, loading('Loading the audits of this site…'));
  let items;
  let total;
  try {
    const page = await audits.list({ host, sort: 'newest', limit: SHOWN });
    // Oldest first from here on, as the chart and "since the first audit" read them.
    items = [...page.items].reverse();
    total = page.total ?? items.length;
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
  const more = total > items.length;
  const since = more ? 'since the earliest shown' : 'since the first audit';
  replace(main, head,
    more ? h('p', { class: 'note more-note' }, `${host} has ${total} audits; the chart and the list show the ${items.length} most recent. `,
      h('a', { href: `/history?host=${encodeURIComponent(host)}&sort=oldest` }, 'See the older ones in the history'), '.') : null,
    h('section', { class: 'panel', 'aria-labelledby': 'trend-title' },
      h('h2', { id: 'trend-title' }, 'Trust score over time'),
      last ? h('p', {}, 'Latest: ', scoreChip(last.trust_score, last.risk_level), ' ', riskLabel(last.risk_level),
        ` (${dateTime(last.created_at)})`,
        scored.length > 1 ? ` · ${signed(last.trust_score - first.trust_score)} ${since}` : '') : null,
      scored.length
        ? responsiveChart(points, { caption: `Trust score of ${host} over time` },
          h('figcaption', { class: 'hint' }, `${scored.length} completed ${scored.length === 1 ? 'audit' : 'audits'}`
            + `${more ? ' (of the most recent shown)' : ''}; each point links to its report.`))
        : h('p', { class: 'muted' }, 'No completed audit yet, so there is no score to draw.')),
    h('section', { class: 'panel', 'aria-labelledby': 'site-audits-title' },
      h('h2', { id: 'site-audits-title' }, more ? `Audits (${items.length} most recent of ${total})` : `Audits (${items.length})`),
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
