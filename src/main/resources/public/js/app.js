// Entry point: picks the page for the current path. Every page has its own plain URL (the server answers
// /audits/{id}, /history, /compare and /sites/{host} with this same index.html).
//
// Layout (plain ES modules, no build step; the UI uses only the public JSON API and the event stream):
//   dom.js          builds elements; API text only ever becomes text nodes or attribute values
//   format.js       labels, dates, durations
//   api.js          fetch client: problem+json → ApiError(detail), API token, URLs for images and downloads
//   token.js        the API token: asked once, kept in localStorage
//   sse.js          follows an audit's event stream (EventSource), replay and reconnect
//   components/     gauge, findings, signals, observatory, chart, screenshots + dialog, badges, states
//   pages/          home, audit (→ live or report), history, compare, site
import { h, replace, title } from './dom.js';
import { failure } from './components/states.js';

const ROUTES = [
  [/^\/(index\.html)?$/, () => import('./pages/home.js')],
  [/^\/audits\/([^/]+)\/?$/, () => import('./pages/audit.js')],
  [/^\/history\/?$/, () => import('./pages/history.js')],
  [/^\/compare\/?$/, () => import('./pages/compare.js')],
  [/^\/sites\/([^/]+)\/?$/, () => import('./pages/site.js')],
];

function markCurrentNav(path) {
  for (const link of document.querySelectorAll('.site-nav a')) {
    const href = link.getAttribute('href');
    const current = href === '/' ? path === '/' : path.startsWith(href);
    if (current && !link.classList.contains('brand')) link.setAttribute('aria-current', 'page');
  }
}

async function start() {
  const main = document.getElementById('main');
  const path = location.pathname;
  markCurrentNav(path);
  for (const [pattern, load] of ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    const args = match.slice(1).filter((v) => v !== undefined && !v.endsWith('.html')).map(decodeURIComponent);
    try {
      const page = await load();
      await page.render(main, ...args);
    } catch (e) {
      replace(main, failure(e, { heading: 'This page could not be shown' }));
    }
    return;
  }
  title('Not found');
  replace(main, h('h1', {}, 'Page not found'), h('p', {}, 'There is nothing at this address. ', h('a', { href: '/' }, 'Start an audit'), '.'));
}

start();
