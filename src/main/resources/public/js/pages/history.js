// /history: every audit, filtered and sorted, a page at a time (GET /api/audits with the filters, sort, limit
// and cursor). The filters and the cursor live in the address, so a filtered view can be shared or bookmarked;
// the cursors of earlier pages are kept in the browser history entry, for "Previous". Completed rows can be selected
// to compare them (/compare?ids=…); an audit without a result has nothing to compare. The date filters are days in
// the browser's time zone, like the times in the table, sent to the API as the instants those days start and end.
// The Score and Created column headers sort by the orders the API has. Queued and running audits are refreshed
// until they end.
import { announce, h, replace, title, uid } from '../dom.js';
import { audits } from '../api.js';
import { RISK_LEVELS, STATUSES, dateTime, localDayInstant, riskLabel, statusLabel, tierLabel } from '../format.js';
import { riskBadge, scoreChip, statusBadge } from '../components/badges.js';
import { watchUnfinished } from '../components/refresh.js';
import { empty, failure, loading } from '../components/states.js';

const FILTERS = ['status', 'risk_level', 'host', 'url', 'min_score', 'max_score', 'from', 'to', 'sort'];
const SORTS = [['newest', 'Newest first'], ['oldest', 'Oldest first'], ['score_desc', 'Highest score'], ['score_asc', 'Lowest score']];
// Columns the API can sort by: [first order, the other order] for each.
const SORTABLE = { Score: ['score_desc', 'score_asc'], Created: ['newest', 'oldest'] };
const COLUMNS = ['Compare', 'Score', 'Risk', 'Address', 'Status', 'Tier', 'Findings', 'Created'];

function currentQuery() {
  const q = new URLSearchParams(location.search);
  const out = {};
  for (const k of [...FILTERS, 'limit', 'cursor']) {
    const v = q.get(k);
    if (v) out[k] = v;
  }
  return out;
}

function toSearch(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}

function field(label, control, hint) {
  control.id = control.id || uid('f');
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('span', { class: 'hint' }, hint) : null);
}

function select(name, options, value) {
  return h('select', { name }, options.map(([v, text]) => h('option', { value: v, selected: v === (value || '') }, text)));
}

export async function render(main) {
  title('History');
  const selected = new Map();
  const q = currentQuery();

  const inputs = {
    status: select('status', [['', 'Any status'], ...STATUSES.map((s) => [s, statusLabel(s)])], q.status),
    risk_level: select('risk_level', [['', 'Any risk level'], ...RISK_LEVELS.map((r) => [r, riskLabel(r)])], q.risk_level),
    host: h('input', { name: 'host', type: 'text', value: q.host || '', placeholder: 'example.com', spellcheck: 'false', autocapitalize: 'off' }),
    url: h('input', { name: 'url', type: 'text', value: q.url || '', placeholder: '/checkout', spellcheck: 'false', autocapitalize: 'off' }),
    min_score: h('input', { name: 'min_score', type: 'number', min: 0, max: 100, inputmode: 'numeric', value: q.min_score || '' }),
    max_score: h('input', { name: 'max_score', type: 'number', min: 0, max: 100, inputmode: 'numeric', value: q.max_score || '' }),
    from: h('input', { name: 'from', type: 'date', value: q.from || '' }),
    to: h('input', { name: 'to', type: 'date', value: q.to || '' }),
    sort: select('sort', SORTS, q.sort || 'newest'),
  };
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter audits' },
    field('Status', inputs.status),
    field('Risk level', inputs.risk_level),
    field('Host', inputs.host),
    field('Address contains', inputs.url),
    field('Lowest score', inputs.min_score),
    field('Highest score', inputs.max_score),
    field('Created from', inputs.from),
    field('Created to', inputs.to),
    field('Sort by', inputs.sort),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Apply filters'),
      h('a', { href: '/history', class: 'button' }, 'Clear')));

  const active = FILTERS.filter((k) => k !== 'sort' && q[k]).length;
  const summary = h('p', { class: 'result-summary', role: 'status' });
  const results = h('div', { class: 'results' });
  const prev = h('button', { type: 'button' }, '← Previous');
  const next = h('button', { type: 'button' }, 'Next →');
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages of results' }, prev, next);
  const compare = h('button', { type: 'button', class: 'primary', disabled: true }, 'Compare selected');
  const compareHint = h('span', { class: 'hint', id: uid('compare-hint') }, 'Select two or more completed audits to compare them.');
  compare.setAttribute('aria-describedby', compareHint.id);

  const updateCompare = () => {
    compare.disabled = selected.size < 2;
    compare.textContent = selected.size ? `Compare selected (${selected.size})` : 'Compare selected';
  };
  compare.addEventListener('click', () => {
    if (selected.size >= 2) location.assign(`/compare?ids=${[...selected.keys()].map(encodeURIComponent).join(',')}`);
  });

  const navigate = (params, stack) => {
    history.pushState({ prev: stack }, '', `/history${toSearch(params)}`);
    load();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = {};
    for (const [name, el] of Object.entries(inputs)) if (el.value.trim()) params[name] = el.value.trim();
    if (params.sort === 'newest') delete params.sort;
    const limit = currentQuery().limit;
    if (limit) params.limit = limit;
    navigate(params, []);
  });
  inputs.sort.addEventListener('change', () => form.requestSubmit());

  let page = null;
  next.addEventListener('click', () => {
    if (!page?.next_cursor) return;
    const params = currentQuery();
    const stack = [...(history.state?.prev || []), params.cursor || ''];
    navigate({ ...params, cursor: page.next_cursor }, stack);
  });
  prev.addEventListener('click', () => {
    const stack = [...(history.state?.prev || [])];
    const cursor = stack.pop() || '';
    navigate({ ...currentQuery(), cursor }, stack);
  });

  const rows = new Map();
  let watcher = null;

  function row(a) {
    const checkId = uid('select');
    const noteId = `${checkId}-note`;
    // Only a completed audit has a score and findings to compare.
    const comparable = a.status === 'completed';
    const box = h('input', { type: 'checkbox', id: checkId, checked: comparable && selected.has(a.id), disabled: !comparable,
      'aria-describedby': comparable ? undefined : noteId });
    box.addEventListener('change', () => {
      if (box.checked) selected.set(a.id, a);
      else selected.delete(a.id);
      updateCompare();
    });
    const tr = h('tr', { dataset: { id: a.id, status: a.status } },
      h('td', { class: 'select-cell', 'data-label': 'Compare' }, h('div', { class: 'select-box' }, box,
        h('label', { for: checkId, class: 'visually-hidden' }, `Select the audit of ${a.url} from ${dateTime(a.created_at)}`),
        comparable ? null : h('span', { class: 'select-note', id: noteId },
          a.status === 'failed' || a.status === 'cancelled' ? `No result to compare (${statusLabel(a.status).toLowerCase()})`
            : 'Not finished: nothing to compare yet'))),
      h('td', { 'data-label': 'Score', class: 'num' }, scoreChip(a.trust_score, a.risk_level)),
      h('td', { 'data-label': 'Risk' }, a.risk_level ? riskBadge(a.risk_level) : h('span', { class: 'muted' }, '—')),
      h('th', { scope: 'row', 'data-label': 'Address' }, h('div', {},
        h('a', { href: `/audits/${encodeURIComponent(a.id)}`, class: 'url' }, a.url), h('br'),
        h('a', { href: `/sites/${encodeURIComponent(a.host)}`, class: 'host-link' }, `${a.host} timeline`))),
      h('td', { 'data-label': 'Status' }, statusBadge(a.status)),
      h('td', { 'data-label': 'Tier' }, tierLabel(a.tier)),
      h('td', { 'data-label': 'Findings', class: 'num' }, String(a.findings_count ?? 0)),
      h('td', { 'data-label': 'Created' }, dateTime(a.created_at)));
    rows.set(a.id, tr);
    return tr;
  }

  /** A listed audit changed status (it finished): its row is drawn again, keeping the focus if it was in the row. */
  function refreshed(a) {
    const old = rows.get(a.id);
    if (!old?.isConnected) return;
    const hadFocus = old.contains(document.activeElement);
    const fresh = row(a);
    old.replaceWith(fresh);
    if (hadFocus) fresh.querySelector('input:not(:disabled), a')?.focus();
    announce(`The audit of ${a.url} is ${statusLabel(a.status).toLowerCase()}.`);
  }

  /** A column header: a button for the columns the API sorts by, with aria-sort saying the current order. */
  function header(text, sort) {
    const orders = SORTABLE[text];
    if (!orders) return h('th', { scope: 'col' }, text);
    const current = orders.indexOf(sort);
    const next = current === 0 ? orders[1] : orders[0];
    const nextName = SORTS.find(([v]) => v === next)[1].toLowerCase();
    const button = h('button', { type: 'button', class: 'sort-button' }, text,
      h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, current === 0 ? ' ▼' : current === 1 ? ' ▲' : ' ↕'),
      h('span', { class: 'visually-hidden' }, `, sort ${nextName}`));
    button.addEventListener('click', () => {
      inputs.sort.value = next;
      form.requestSubmit();
    });
    // On a phone the header row is hidden (the rows stack into cards) and the "Sort by" filter sorts: the plain text
    // stands in for the button there, so no invisible control takes the focus.
    return h('th', { scope: 'col', 'aria-sort': current === 0 ? 'descending' : current === 1 ? 'ascending' : undefined },
      button, h('span', { class: 'th-plain' }, text));
  }

  async function load() {
    const params = currentQuery();
    const stack = history.state?.prev || [];
    replace(results, loading('Loading audits…'));
    summary.textContent = '';
    prev.disabled = true;
    next.disabled = true;
    watcher?.stop();
    try {
      // The address keeps the local days the user chose; the API gets the instants they start and end.
      page = await audits.list({ ...params, from: localDayInstant(params.from), to: localDayInstant(params.to, true),
        limit: params.limit || 20 });
    } catch (e) {
      page = null;
      replace(results, failure(e, { heading: 'The history could not be loaded', retry: load }));
      return;
    }
    const pageNo = stack.length + 1;
    summary.textContent = `${page.total} ${page.total === 1 ? 'audit matches' : 'audits match'}` + (page.total ? ` · page ${pageNo}` : '');
    prev.disabled = !params.cursor;
    next.disabled = !page.next_cursor;
    if (!page.items.length) {
      replace(results, empty(params.cursor ? 'No more audits.' : 'No audit matches these filters.',
        h('a', { href: '/history' }, 'Show all audits')));
      return;
    }
    rows.clear();
    const table = h('table', { class: 'stack-table history-table' },
      h('caption', { class: 'visually-hidden' }, 'Audits'),
      h('thead', {}, h('tr', {}, COLUMNS.map((t) => header(t, params.sort || 'newest')))),
      h('tbody', {}, page.items.map(row)));
    replace(results, table);
    watcher = watchUnfinished(page.items, table, refreshed);
  }

  window.addEventListener('popstate', () => {
    const now = currentQuery();
    for (const [name, el] of Object.entries(inputs)) el.value = now[name] || (name === 'sort' ? 'newest' : '');
    load();
  });

  replace(main,
    h('header', { class: 'page-head' }, h('h1', {}, 'History')),
    h('section', { class: 'panel', 'aria-label': 'Filters' },
      h('details', { class: 'filters-box', open: active > 0 || window.matchMedia('(min-width: 721px)').matches },
        h('summary', {}, active ? `Filters (${active} active)` : 'Filters'), form)),
    h('section', { class: 'panel', 'aria-label': 'Results' },
      h('div', { class: 'results-head' }, summary, h('div', { class: 'actions' }, compare, compareHint)),
      results, pager));
  updateCompare();
  await load();
}
