// The trust score over time as an SVG line chart: x is the audit's date, y the score, with the risk bands behind.
// Each point links to its report.
//
// The chart is drawn at the width of its box, one SVG unit to one CSS pixel, and drawn again when that width
// changes: text stays at its CSS size (12 px and up) and each point's link is a 24-pixel target, on a phone too.
// (A fixed viewBox scaled down to a 390-pixel screen made the text about 7 px and the points 6 px targets.)
import { h, s } from '../dom.js';
import { dateTime, riskForScore, riskLabel } from '../format.js';

const PAD = { left: 36, right: 16, top: 14, bottom: 34 };
const MIN_WIDTH = 240;
const POINT_RADIUS = 6;
// The invisible circle around each point that takes the tap: 24 × 24 px at least (WCAG 2.5.8).
const TARGET_RADIUS = 12;
const BANDS = [[90, 100, 'trusted'], [70, 90, 'probably_safe'], [40, 70, 'suspicious'], [20, 40, 'high_risk'], [0, 20, 'likely_fraudulent']];

function axisLabel(time, spanMs) {
  const day = 24 * 3600 * 1000;
  const options = spanMs < 2 * day ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } : { year: 'numeric', month: 'short', day: 'numeric' };
  return time.toLocaleString(undefined, options);
}

/** points: [{time: Date, score, id}] in any order; only points with a score are drawn. width: in CSS pixels. */
export function scoreChart(points, { caption, width = 640 }) {
  const W = Math.max(MIN_WIDTH, Math.round(width));
  const H = W < 480 ? 220 : 260;
  const data = points.filter((p) => p.score !== null && p.score !== undefined).sort((a, b) => a.time - b.time);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const t0 = data.length ? data[0].time.getTime() : 0;
  const t1 = data.length ? data[data.length - 1].time.getTime() : 1;
  const x = (t) => (t1 === t0 ? PAD.left + plotW / 2 : PAD.left + ((t - t0) / (t1 - t0)) * plotW);
  const y = (score) => PAD.top + (1 - score / 100) * plotH;
  const line = data.map((p, i) => `${i ? 'L' : 'M'} ${x(p.time.getTime()).toFixed(1)} ${y(p.score).toFixed(1)}`).join(' ');
  return s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'group', 'aria-label': caption },
    s('title', {}, caption),
    BANDS.map(([lo, hi, level]) => s('rect', { class: ['band', `risk-${level}`], x: PAD.left, y: y(hi), width: plotW, height: y(lo) - y(hi) })),
    [0, 20, 40, 70, 90, 100].map((v) => [
      s('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'axis', x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)),
    ]),
    data.length ? [
      s('text', { class: 'axis', x: data.length > 1 ? PAD.left : x(t0), y: H - 10, 'text-anchor': data.length > 1 ? 'start' : 'middle' },
        axisLabel(data[0].time, t1 - t0)),
      data.length > 1 ? s('text', { class: 'axis', x: W - PAD.right, y: H - 10, 'text-anchor': 'end' }, axisLabel(data[data.length - 1].time, t1 - t0)) : null,
    ] : null,
    data.length > 1 ? s('path', { class: 'line', d: line }) : null,
    data.map((p) => {
      const label = `${dateTime(p.time.toISOString())}: trust score ${p.score} (${riskLabel(riskForScore(p.score))})`;
      const cx = x(p.time.getTime());
      const cy = y(p.score);
      return s('a', { href: `/audits/${encodeURIComponent(p.id)}`, class: 'point-link', 'aria-label': label },
        s('title', {}, label),
        s('circle', { class: 'point-target', cx, cy, r: TARGET_RADIUS }),
        s('circle', { class: ['point', `risk-${riskForScore(p.score)}`], cx, cy, r: POINT_RADIUS }));
    }));
}

/**
 * The chart in a <figure> that draws it at the figure's width and again whenever that width changes (a phone
 * turned, a window resized). extra: more children of the figure (its caption).
 */
export function responsiveChart(points, { caption }, ...extra) {
  const holder = h('div', { class: 'chart-holder' });
  const figure = h('figure', { class: 'chart-box' }, holder, extra);
  let drawn = 0;
  const draw = (width) => {
    const w = Math.max(MIN_WIDTH, Math.floor(width));
    if (w === drawn) return;
    drawn = w;
    const focused = holder.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
    holder.replaceChildren(scoreChart(points, { caption, width: w }));
    if (focused) holder.querySelector(`a[href="${CSS.escape(focused)}"]`)?.focus();
  };
  new ResizeObserver((entries) => {
    if (!holder.isConnected) return;
    draw(entries[entries.length - 1].contentRect.width);
  }).observe(holder);
  return figure;
}
