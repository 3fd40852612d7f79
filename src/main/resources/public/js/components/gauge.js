// The trust-score gauge: a half circle filled up to the score, in the colour of the score's risk band.
import { s } from '../dom.js';
import { riskForScore, riskLabel } from '../format.js';

const CX = 100;
const CY = 100;
const R = 80;

function point(score) {
  const angle = Math.PI * (1 - score / 100);
  return [CX + R * Math.cos(angle), CY - R * Math.sin(angle)];
}

function arc(from, to) {
  const [x1, y1] = point(from);
  const [x2, y2] = point(to);
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${R} ${R} 0 0 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/** An SVG gauge of score (0–100) with risk level; small: without the caption below the number. */
export function gauge(score, level = riskForScore(score), { small = false } = {}) {
  const has = score !== null && score !== undefined;
  const label = has ? `Trust score ${score} out of 100: ${riskLabel(level)}` : 'No trust score';
  const value = has ? Math.max(0, Math.min(100, score)) : 0;
  return s('svg', { class: ['gauge', small ? 'gauge-small' : null, `risk-${level || 'none'}`], viewBox: '0 0 200 118',
    role: 'img', 'aria-label': label },
  s('title', {}, label),
  s('path', { class: 'gauge-track', d: arc(0, 100) }),
  has && value > 0 ? s('path', { class: 'gauge-value', d: arc(0, value) }) : null,
  s('text', { class: 'gauge-number', x: CX, y: CY - 8, 'text-anchor': 'middle' }, has ? String(score) : '—'),
  small ? null : s('text', { class: 'gauge-unit', x: CX, y: CY + 14, 'text-anchor': 'middle' }, 'out of 100'));
}
