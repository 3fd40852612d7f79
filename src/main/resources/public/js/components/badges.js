// Small labelled chips: risk level, audit status, finding severity, score.
import { h } from '../dom.js';
import { humanize, riskForScore, riskLabel, statusLabel } from '../format.js';

export function riskBadge(level) {
  return h('span', { class: ['badge', 'risk', `risk-${level || 'none'}`] }, riskLabel(level));
}

export function statusBadge(status) {
  return h('span', { class: ['badge', 'status', `status-${status}`] }, statusLabel(status));
}

export function severityBadge(severity) {
  return h('span', { class: ['badge', 'severity', `severity-${severity}`] }, humanize(severity));
}

/** The score as a number in the colour of its risk band, or a dash when there is none. */
export function scoreChip(score, level = riskForScore(score)) {
  if (score === null || score === undefined) {
    return h('span', { class: 'score-chip score-none', 'aria-label': 'no score' }, '—');
  }
  return h('span', { class: ['score-chip', `risk-${level}`], 'aria-label': `trust score ${score} of 100` }, String(score));
}
