// The report of a completed audit (GET /api/audits/{id}): gauge and risk, narrative, signals, findings by
// category with evidence and screenshots, the HTTP Observatory tests, recommendations and metadata. Actions:
// exports, re-audit (POST /api/audits with the same URL and tier), and a comparison with the previous completed
// audit of the same address (found with GET /api/audits?host=&status=completed). An address with a #fragment
// (/audits/{id}#findings) scrolls to that section once it is rendered.
import { followFragment, h, replace, title } from '../dom.js';
import { audits } from '../api.js';
import { dateTime, duration, humanize, percent, plural, riskSummary, tierLabel } from '../format.js';
import { riskBadge, severityBadge } from '../components/badges.js';
import { findingsByCategory, severityCounts } from '../components/findings.js';
import { gauge } from '../components/gauge.js';
import { observatory } from '../components/observatory.js';
import { thumbnail } from '../components/screenshots.js';
import { signalBars } from '../components/signals.js';

function section(id, heading, ...content) {
  return h('section', { class: 'panel report-section', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, heading), content);
}

function narrative(text) {
  if (!text) return h('p', { class: 'muted' }, 'No summary was written for this audit.');
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => h('p', {}, p));
}

function recommendations(list) {
  if (!list?.length) return h('p', { class: 'muted' }, 'Nothing to recommend.');
  return h('ol', { class: 'recommendations' }, list.map((r) => h('li', { class: `priority-${r.priority}` },
    severityBadge(r.priority), ' ', h('span', {}, r.text),
    r.based_on?.length ? h('p', { class: 'muted based-on' }, 'Based on: ',
      r.based_on.map((c, i) => [i ? ', ' : '', h('code', {}, c)])) : null)));
}

function metadata(a) {
  const rows = [
    ['Audit', h('code', {}, a.id)],
    ['Address', h('span', { class: 'url' }, a.url)],
    ['Tier', tierLabel(a.tier)],
    ['Verdict', humanize(a.verdict_mode)],
    ['Site type', a.site_type ? `${humanize(a.site_type)} (confidence ${percent(a.site_type_confidence)})` : '—'],
    ['Pages scanned', String(a.pages_scanned ?? 0)],
    ['Screenshots', String(a.screenshots_count ?? 0)],
    ['Findings', String(a.findings_count ?? 0)],
    ['Duration', duration(a.elapsed_ms)],
    ['Created', dateTime(a.created_at)],
    ['Completed', dateTime(a.completed_at)],
    ['Capture', a.security_results?.capture?.source ? humanize(a.security_results.capture.source) : '—'],
  ];
  if (a.overrides?.length) rows.push(['Score caps', a.overrides.map(humanize).join(', ')]);
  return [
    h('dl', { class: 'meta' }, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    a.errors?.length ? [h('h3', {}, 'Problems during the audit'), h('ul', {}, a.errors.map((e) => h('li', {}, e)))] : null,
    a.security_results?.capture?.notes?.length
      ? [h('h3', {}, 'Capture notes'), h('ul', {}, a.security_results.capture.notes.map((n) => h('li', {}, n)))] : null,
  ];
}

function exportsBlock(a) {
  const link = (href, text, file) => h('a', { class: 'button', href, download: file }, text);
  return h('div', { class: 'exports', role: 'group', 'aria-label': 'Export the report' },
    h('span', { class: 'exports-label' }, 'Export:'),
    link(audits.exportUrl(a.id, 'json'), 'JSON', `veritas-${a.id}.json`),
    link(audits.exportUrl(a.id, 'html'), 'HTML', `veritas-${a.id}.html`),
    link(audits.exportUrl(a.id, 'pdf'), 'PDF', `veritas-${a.id}.pdf`),
    link(audits.jsonUrl(a.id), 'API data', `veritas-${a.id}-api.json`));
}

/**
 * Finds the latest completed audit of the same address created before this one; fills `box` with a link to compare
 * the two, or a note. Only a completed audit has a result to compare with: a failed or cancelled one in between is
 * skipped, not shown as "every finding removed".
 */
async function previousAudit(a, box) {
  try {
    // Completed audits of the address (`url` matches a part) created up to this one, newest first (`to` takes an instant).
    const page = await audits.list({ host: a.host, url: a.url, status: 'completed', to: a.created_at, sort: 'newest', limit: 50 });
    const prev = page.items.find((i) => i.id !== a.id && i.url === a.url && i.status === 'completed');
    if (prev) {
      replace(box, h('a', { class: 'button', href: `/compare?ids=${encodeURIComponent(prev.id)},${encodeURIComponent(a.id)}` },
        'Compare with previous audit of this site'));
    } else {
      replace(box, h('span', { class: 'muted' }, 'No earlier completed audit of this address to compare with.'));
    }
  } catch (e) {
    replace(box, h('span', { class: 'muted' }, `Earlier audits could not be looked up: ${e.detail || e.message}`));
  }
}

/**
 * Shows the report of completed audit `a` in main. justCompleted: the live view just turned into it, which the report
 * says at its top. Returns true when the address's #fragment named a section and the page went there.
 */
export function renderReport(main, a, { justCompleted = false } = {}) {
  title(`Report: ${a.host || a.url}`);
  const shots = new Map((a.screenshots || []).map((s) => [s.index, s]));
  const simple = a.verdict_mode === 'simple';
  const obs = a.security_results?.observatory;

  const reaudit = h('button', { type: 'button' }, 'Re-audit');
  const reauditError = h('span', { class: 'form-error', role: 'alert' });
  reaudit.addEventListener('click', async () => {
    reaudit.disabled = true;
    reauditError.textContent = '';
    try {
      const created = await audits.submit(a.url, a.tier, a.verdict_mode);
      location.assign(`/audits/${encodeURIComponent(created.id)}`);
    } catch (e) {
      reauditError.textContent = e.detail || e.message;
      reaudit.disabled = false;
    }
  });
  const compareBox = h('span', { class: 'compare-box' }, h('span', { class: 'muted' }, 'Looking for earlier audits…'));

  const findings = a.findings || [];
  const toc = [['summary', 'Summary'], ['signals', 'Signals'], ['findings', `Findings (${findings.length})`],
    ['security', 'Security headers'], ['recommendations', 'Recommendations'], ['screenshots', 'Screenshots'], ['details', 'Details']];

  replace(main,
    justCompleted ? h('p', { class: 'banner banner-done' },
      `Audit complete: ${plural(findings.length, 'finding')}, trust score ${a.trust_score}. This is its report.`) : null,
    h('header', { class: 'report-head' },
      h('div', { class: 'report-score' }, gauge(a.trust_score, a.risk_level)),
      h('div', { class: 'report-title' },
        h('p', { class: 'eyebrow' }, 'Trust report'),
        h('h1', {}, a.host || a.url),
        h('p', { class: 'url' }, a.url),
        h('p', { class: 'verdict' }, riskBadge(a.risk_level), ' ', riskSummary(a.risk_level)),
        h('p', { class: 'muted' }, `${tierLabel(a.tier)} · ${plural(a.pages_scanned ?? 0, 'page')} · `,
          `${plural(findings.length, 'finding')}${findings.length ? ` (${severityCounts(findings)})` : ''} · ${dateTime(a.completed_at)}`))),
    h('div', { class: 'report-actions' },
      h('div', { class: 'actions' }, reaudit, compareBox,
        h('a', { class: 'button', href: `/sites/${encodeURIComponent(a.host)}` }, 'Site timeline'), reauditError),
      exportsBlock(a)),
    h('nav', { class: 'toc', 'aria-label': 'Report sections' },
      h('ul', {}, toc.map(([id, text]) => h('li', {}, h('a', { href: `#${id}` }, text))))),
    section('summary', 'Summary', narrative(a.narrative)),
    section('signals', 'Signals', h('p', { class: 'hint' }, 'Each signal is scored from 0 (bad) to 100 (good); the weight is its share of the trust score.'),
      signalBars(a.signal_scores)),
    section('findings', 'Findings', findings.length
      ? findingsByCategory(findings, { auditId: a.id, screenshots: shots, simple })
      : h('p', { class: 'muted' }, 'Nothing suspicious was found.')),
    section('security', 'Security headers (HTTP Observatory)', observatory(obs)),
    section('recommendations', 'Recommendations', recommendations(a.recommendations)),
    section('screenshots', 'Screenshots', shots.size
      ? h('div', { class: 'thumb-grid' }, [...shots.values()].map((s) => thumbnail(a.id, s)))
      : h('p', { class: 'muted' }, 'No screenshots were taken.')),
    section('details', 'Details', metadata(a)));

  previousAudit(a, compareBox);
  return followFragment();
}
