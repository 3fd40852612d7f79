// The HTTP Observatory result: grade, score, and each test with its result, pass or fail, and score modifier.
import { h } from '../dom.js';
import { humanize, signed } from '../format.js';

export function observatory(obs) {
  if (!obs || !obs.grade) return h('p', { class: 'muted' }, 'No security-header result for this audit.');
  const tests = Object.entries(obs.tests || {}).sort((a, b) => Number(a[1].pass) - Number(b[1].pass)
    || (a[1].score_modifier || 0) - (b[1].score_modifier || 0) || a[0].localeCompare(b[0]));
  const gradeClass = `grade-${String(obs.grade).charAt(0).toLowerCase()}`;
  return h('div', { class: 'observatory' },
    h('div', { class: 'observatory-summary' },
      h('span', { class: ['grade', gradeClass], 'aria-label': `Grade ${obs.grade}` }, obs.grade),
      h('p', {}, h('strong', {}, `${obs.score}/100`), ' on the HTTP Observatory scale', h('br'),
        `${obs.tests_passed ?? 0} tests passed, ${obs.tests_failed ?? 0} failed`)),
    h('table', { class: 'stack-table observatory-tests' },
      h('caption', { class: 'visually-hidden' }, 'HTTP Observatory tests'),
      h('thead', {}, h('tr', {}, ['Test', 'Result', 'Pass', 'Modifier', 'What it means'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, tests.map(([name, t]) => h('tr', { class: t.pass ? 'pass' : 'fail' },
        h('th', { scope: 'row', 'data-label': 'Test' }, humanize(name)),
        h('td', { 'data-label': 'Result' }, h('code', {}, t.result)),
        h('td', { 'data-label': 'Pass' }, h('span', { class: ['pass-mark', t.pass ? 'is-pass' : 'is-fail'] }, t.pass ? '✓ Pass' : '✗ Fail')),
        h('td', { 'data-label': 'Modifier', class: 'num' }, signed(t.score_modifier)),
        h('td', { 'data-label': 'What it means' }, h('div', {}, t.description,
          t.recommendation && !t.pass ? h('span', { class: 'recommendation' }, ' ', t.recommendation) : null)))))));
}
