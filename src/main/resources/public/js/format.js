// How values from the API are shown to people: labels for wire names, dates, durations, percentages.

export const RISK_LEVELS = ['trusted', 'probably_safe', 'suspicious', 'high_risk', 'likely_fraudulent'];

const RISK = {
  trusted: { label: 'Trusted', min: 90, summary: 'No meaningful warning signs were found.' },
  probably_safe: { label: 'Probably safe', min: 70, summary: 'Minor issues; no strong sign of fraud.' },
  suspicious: { label: 'Suspicious', min: 40, summary: 'Several warning signs: be careful with this site.' },
  high_risk: { label: 'High risk', min: 20, summary: 'Strong warning signs: avoid giving this site money or data.' },
  likely_fraudulent: { label: 'Likely fraudulent', min: 0, summary: 'This site shows the marks of a scam or phishing page.' },
};

export const STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'];

const STATUS = { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' };

// maxPages is the engine's page budget of each tier (Tier.java): the live view measures capture progress against it.
export const TIERS = [
  { id: 'quick_scan', label: 'Quick scan', time: '~10 s', pages: '1 page', maxPages: 1,
    description: 'One page: security headers, transport, phishing signals and the page’s dark patterns.' },
  { id: 'standard_audit', label: 'Standard audit', time: '~15–30 s', pages: 'up to 5 pages', maxPages: 5,
    description: 'Priority pages first (login, checkout, pricing, policies), with screenshots of each.' },
  { id: 'deep_forensic', label: 'Deep forensic', time: '~1 min', pages: 'up to 10 pages', maxPages: 10,
    description: 'Every screenshot and timer probe, for a thorough look at a site you are unsure of.' },
];

const NAMES = {
  dark_patterns: 'Dark patterns', security_headers: 'Security headers', social_proof: 'Social proof',
  phishing: 'Phishing', transport: 'Transport (HTTPS)', scripts: 'Scripts', transparency: 'Transparency',
  ecommerce: 'Online shop', saas: 'Software service', company_portfolio: 'Company site',
};

export function riskLabel(level) {
  return RISK[level]?.label ?? (level ? humanize(level) : 'No score');
}

export function riskSummary(level) {
  return RISK[level]?.summary ?? '';
}

/** The risk band of a score, as the server computes it. */
export function riskForScore(score) {
  if (score === null || score === undefined) return null;
  return RISK_LEVELS.find((l) => score >= RISK[l].min) ?? 'likely_fraudulent';
}

export function statusLabel(status) {
  return STATUS[status] ?? humanize(status);
}

export function tierLabel(tier) {
  return TIERS.find((t) => t.id === tier)?.label ?? humanize(tier);
}

/** The most pages an audit of this tier visits, or null for an unknown tier. */
export function tierMaxPages(tier) {
  return TIERS.find((t) => t.id === tier)?.maxPages ?? null;
}

/** snake_case or kebab-case wire names as words: "social_proof" → "Social proof". */
export function humanize(name) {
  if (name === null || name === undefined || name === '') return '';
  if (NAMES[name]) return NAMES[name];
  const words = String(name).replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function dateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A local calendar day ("2026-11-27", as a date input gives it) as the instant it starts, or with end=true the
 * last millisecond of it, in ISO form: what the API's from/to filters take, so a filter means the days the user
 * sees in the table's local times, not UTC days. Anything else is passed on as it is (the API explains it).
 */
export function localDayInstant(day, end = false) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || '');
  if (!m) return day;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (end ? 1 : 0));
  return new Date(start.getTime() - (end ? 1 : 0)).toISOString();
}

/** The path (and query) of an address, for captions: "https://shop.example/checkout?x=1" → "/checkout?x=1". */
export function pagePath(url) {
  if (!url) return '';
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return String(url);
  }
}

export function shortDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** Milliseconds as "850 ms", "12.3 s" or "2 min 05 s". */
export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const m = Math.floor(seconds / 60);
  const rest = Math.round(seconds - m * 60);
  return `${m} min ${String(rest).padStart(2, '0')} s`;
}

/** 0–1 as "85%". */
export function percent(fraction) {
  if (fraction === null || fraction === undefined) return '—';
  return `${Math.round(fraction * 100)}%`;
}

/** A signed number: "+12", "−7", "0". */
export function signed(n, digits = 0) {
  if (n === null || n === undefined) return '—';
  const v = Number(n).toFixed(digits);
  if (Number(v) > 0) return `+${v}`;
  if (Number(v) < 0) return `−${v.slice(1)}`;
  return Number(0).toFixed(digits);
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
