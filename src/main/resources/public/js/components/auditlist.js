// A compact list of audit summaries (recent audits on the home page).
import { h } from '../dom.js';
import { dateTime, riskLabel, tierLabel } from '../format.js';
import { scoreChip, statusBadge } from './badges.js';

/** One audit of the list (data-id is its id, for refreshing it in place). */
export function auditItem(a) {
  return h('li', { class: 'audit-item', dataset: { id: a.id, status: a.status } },
    scoreChip(a.trust_score, a.risk_level),
    h('div', { class: 'audit-item-main' },
      h('a', { href: `/audits/${encodeURIComponent(a.id)}`, class: 'url' }, a.url),
      h('p', { class: 'muted' },
        a.status === 'completed' ? riskLabel(a.risk_level) : statusBadge(a.status),
        ` · ${tierLabel(a.tier)} · ${dateTime(a.created_at)}`)));
}

export function auditList(items) {
  return h('ul', { class: 'audit-list' }, items.map(auditItem));
}
