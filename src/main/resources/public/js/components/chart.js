// The trust score over time as an SVG line chart: x is the audit's date, y the score, with the risk bands behind.
// Each point links to its report.
import { s } from '../dom.js';
import { dateTime, riskForScore, riskLabel } from '../format.js';

const W = 640;
const H = 260;
const PAD = { left: 36, right: 16, top: 12, bottom: 32 };
const BANDS = [[90, 100, 'trusted'], [70, 90, 'probably_safe'], [40, 70, 'suspicious'], [20, 40, 'high_risk'], [0, 20, 'likely_fraudulent']];

function axisLabel(time, spanMs) {
  const day = 24 * 3600 * 1000;
  const options = spanMs < 2 * day ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } : { year: 'numeric', month: 'short', day: 'numeric' };
  return time.toLocaleString(undefined, options);
}

/** points: [{time: Date, score, id, label}] in any order; only points with a score are drawn. */
export function scoreChart(points, { caption }) {
  const data = points.filter((p) => p.score !== null && p.score !== undefined).sort((a, b) => a.time - b.time);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const t0 = data.length ? data[0].time.getTime() : 0;
  const t1 = data.length ? data[data.length - 1].time.getTime() : 1;
  const x = (t) => (t1 === t0 ? PAD.left + plotW / 2 : PAD.left + ((t - t0) / (t1 - t0)) * plotW);
  const y = (score) => PAD.top + (1 - score / 100) * plotH;
  const line = data.map((p, i) => `${i ? 'L' : 'M'} ${x(p.time.getTime()).toFixed(1)} ${y(p.score).toFixed(1)}`).join(' ');
  return s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': caption },
    s('title', {}, caption),
    BANDS.map(([lo, hi, level]) => s('rect', { class: ['band', `risk-${level}`], x: PAD.left, y: y(hi), width: plotW, height: y(lo) - y(hi) })),
    [0, 20, 40, 70, 90, 100].map((v) => [
      s('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'axis', x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)),
    ]),
    data.length ? [
      s('text', { class: 'axis', x: x(t0), y: H - 10, 'text-anchor': data.length > 1 ? 'start' : 'middle' }, axisLabel(data[0].time, t1 - t0)),
      data.length > 1 ? s('text', { class: 'axis', x: x(t1), y: H - 10, 'text-anchor': 'end' }, axisLabel(data[data.length - 1].time, t1 - t0)) : null,
    ] : null,
    data.length > 1 ? s('path', { class: 'line', d: line }) : null,
    data.map((p) => {
      const label = `${dateTime(p.time.toISOString())}: trust score ${p.score} (${riskLabel(riskForScore(p.score))})`;
      return s('a', { href: `/audits/${encodeURIComponent(p.id)}`, class: 'point-link', 'aria-label': label },
        s('title', {}, label),
        s('circle', { class: ['point', `risk-${riskForScore(p.score)}`], cx: x(p.time.getTime()), cy: y(p.score), r: 6 }));
    }));
}
