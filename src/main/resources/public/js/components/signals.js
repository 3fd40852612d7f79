// The signal breakdown: one bar per signal (0–100), with its weight in the trust score and its confidence.
import { h } from '../dom.js';
import { humanize, percent, riskForScore } from '../format.js';

export function signalBars(signalScores) {
  const entries = Object.entries(signalScores || {}).sort((a, b) => (b[1].weight || 0) - (a[1].weight || 0) || a[0].localeCompare(b[0]));
  return h('ul', { class: 'signals' }, entries.map(([name, sig]) => {
    const value = Math.round((sig.score ?? 0) * 100);
    return h('li', { class: 'signal' },
      h('div', { class: 'signal-head' },
        h('span', { class: 'signal-name' }, humanize(name)),
        h('span', { class: 'signal-value' }, `${value}/100`)),
      h('div', { class: ['bar', `risk-${riskForScore(value)}`], role: 'img', 'aria-label': `${humanize(name)}: ${value} out of 100` },
        h('span', { class: 'bar-fill', style: { width: `${value}%` } })),
      h('p', { class: 'signal-meta muted' }, `Weight ${percent(sig.weight)} · confidence ${percent(sig.confidence)}`));
  }));
}
