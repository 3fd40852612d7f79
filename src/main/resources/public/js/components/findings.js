// Findings: one card per finding (severity, confidence, what it means, the evidence and the screenshot it was
// seen on), grouped by category with the most severe categories first.
import { h } from '../dom.js';
import { humanize, percent, plural } from '../format.js';
import { severityBadge } from './badges.js';
import { thumbnail } from './screenshots.js';

const SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1 };
const rank = (f) => SEVERITY_RANK[f.severity] || 0;

function bySeverity(a, b) {
  return rank(b) - rank(a) || (b.confidence || 0) - (a.confidence || 0);
}

function evidenceBlock(evidence) {
  if (!evidence) return null;
  const parts = [];
  if (evidence.text) parts.push(h('blockquote', { class: 'evidence-text' }, evidence.text));
  if (evidence.selector) parts.push(h('p', { class: 'evidence-selector' }, 'Element: ', h('code', {}, evidence.selector)));
  if (!parts.length) return null;
  return h('div', { class: 'evidence' }, h('span', { class: 'evidence-label' }, 'Evidence'), parts);
}

/**
 * One finding. options.auditId and options.screenshots ({index → shot}) add the thumbnail;
 * options.simple shows the plain-English explanation first.
 */
export function findingCard(f, { auditId, screenshots, simple = false, headingLevel = 'h4' } = {}) {
  const shot = f.screenshot_index !== null && f.screenshot_index !== undefined
    ? (screenshots?.get(f.screenshot_index) ?? { index: f.screenshot_index, page_url: f.page_url })
    : null;
  const main = simple ? f.plain_english || f.description : f.description || f.plain_english;
  const other = simple ? f.description : f.plain_english;
  return h('article', { class: ['finding', `severity-${f.severity}`, shot && auditId ? 'has-shot' : null] },
    h('div', { class: 'finding-body' },
      h('header', { class: 'finding-head' },
        severityBadge(f.severity),
        h(headingLevel, { class: 'finding-title' }, f.title || humanize(f.pattern_type))),
      h('p', { class: 'finding-meta' },
        `Confidence ${percent(f.confidence)}`,
        f.page_url ? [' · seen on ', h('span', { class: 'url' }, f.page_url)] : null,
        ' · ', h('code', { class: 'finding-id' }, f.check_id)),
      main ? h('p', { class: 'finding-text' }, main) : null,
      evidenceBlock(f.evidence),
      other && other !== main ? h('details', { class: 'finding-more' },
        h('summary', {}, simple ? 'Technical detail' : 'In plain words'), h('p', {}, other)) : null),
    shot && auditId ? h('div', { class: 'finding-shot' }, thumbnail(auditId, shot)) : null);
}

/** All findings grouped by category; an h3 per category. */
export function findingsByCategory(findings, options = {}) {
  const groups = new Map();
  for (const f of findings) {
    const key = f.category || 'other';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const ordered = [...groups.entries()]
    .map(([category, items]) => [category, items.sort(bySeverity)])
    .sort((a, b) => rank(b[1][0]) - rank(a[1][0]) || b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return h('div', { class: 'finding-groups' }, ordered.map(([category, items]) => h('section', {
    class: 'finding-group', 'aria-label': `${humanize(category)}: ${plural(items.length, 'finding')}` },
  h('h3', {}, humanize(category), ' ', h('span', { class: 'count' }, `(${items.length})`)),
  h('div', { class: 'finding-list' }, items.map((f) => findingCard(f, options))))));
}

/** Counts per severity: "2 high, 5 medium". */
export function severityCounts(findings) {
  const counts = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] || 0) + 1;
  return Object.keys(SEVERITY_RANK).filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ');
}
