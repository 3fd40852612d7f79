// Runs inside the audited page. Reads what a visitor sees: text with its size, visibility and contrast;
// the links and buttons on offer and how prominent they are; checkboxes the page ticked; forms; scripts;
// and elements that look like countdown timers or scarcity counters. Returns one JSON string.
(() => {
  const MAX_SEGMENTS = 5000, MAX_ITEMS = 2000, MAX_TEXT = 600;
  const INLINE = new Set(['A','ABBR','B','BDI','BDO','BR','CITE','CODE','DATA','DFN','EM','I','IMG','KBD','MARK','Q','S',
    'SAMP','SMALL','SPAN','STRONG','SUB','SUP','TIME','U','VAR','WBR','FONT','LABEL']);
  const SKIP = new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','SVG','HEAD','IFRAME','OBJECT','CANVAS','SELECT','OPTION']);
  const CLOCK = /(^|[^\d])(\d{1,2}\s*:\s*)?\d{1,2}\s*:\s*\d{2}(?!\s*(am|pm|a\.m|p\.m))([^\d]|$)|\b\d+\s*(d|days?)\b[\s,:]*\d+\s*(h|hrs?|hours?)\b|\b\d+\s*(h|hrs?|hours?)\b[\s,:]*\d+\s*(m|mins?|minutes?)\b|\b\d+\s*(m|mins?|minutes?)\b[\s,:]*\d+\s*(s|secs?|seconds?)\b/i;
  const COUNTER = /\b(only|just)\s+\d+\s+(left|remaining|in stock|available)|\b\d+\s+(left|remaining)\s+in\s+stock|\b\d+\s+(people|persons|others|users|customers|shoppers|visitors)\b.{0,40}\b(view|look|watch|bought|purchas|order|cart|here)/i;

  function cssPath(el) {
    if (!(el instanceof Element)) return '';
    const parts = [];
    while (el && el.nodeType === 1 && parts.length < 12) {
      if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) { parts.unshift('#' + el.id); break; }
      let part = el.tagName.toLowerCase();
      const parent = el.parentElement;
      if (parent) {
        // Counted by walking siblings, not by listing them all: a page with half a million paragraphs in one
        // parent would make every selector cost as much as the page.
        let before = 0, others = false;
        for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === el.tagName) { before++; others = true; }
        for (let s = el.nextElementSibling, n = 0; s && !others && n < 10000; s = s.nextElementSibling, n++) if (s.tagName === el.tagName) others = true;
        if (others) part += ':nth-of-type(' + (before + 1) + ')';
      }
      parts.unshift(part);
      el = parent;
    }
    return parts.join(' > ');
  }
  function parseColor(c) {
    const m = /rgba?\(([^)]+)\)/.exec(c || '');
    if (!m) return [0, 0, 0, 1];
    const p = m[1].split(/[ ,\/]+/).filter(x => x).map(Number);
    return [p[0] || 0, p[1] || 0, p[2] || 0, p.length > 3 ? p[3] : 1];
  }
  function background(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parseColor(getComputedStyle(e).backgroundColor);
      if (c[3] > 0.05) return c;
    }
    return [255, 255, 255, 1];
  }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function contrast(el) {
    const s = getComputedStyle(el);
    const bg = background(el);
    let fg = parseColor(s.color);
    const a = fg[3] * (parseFloat(s.opacity) || 1);
    fg = [fg[0] * a + bg[0] * (1 - a), fg[1] * a + bg[1] * (1 - a), fg[2] * a + bg[2] * (1 - a)];
    const l1 = lum(fg), l2 = lum(bg);
    return Math.round(((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)) * 100) / 100;
  }
  function effectiveOpacity(el) {
    let o = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity) || (getComputedStyle(e).opacity === '0' ? 0 : 1);
    return o;
  }
  function visible(el) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || s.visibility === 'collapse') return false;
    if (effectiveOpacity(el) < 0.05) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (r.right < -1000 || r.bottom < -1000) return false;
    return true;
  }
  function size(el) { return parseFloat(getComputedStyle(el).fontSize) || 16; }
  function text(el) { return (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim(); }
  function inDialog(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e.tagName === 'DIALOG' || e.getAttribute('role') === 'dialog' || e.getAttribute('aria-modal') === 'true') return true;
      if (/\b(modal|dialog|popup|overlay)\b/i.test(e.className && e.className.baseVal === undefined ? e.className : '')) return true;
    }
    return false;
  }
  function onlyInline(el) {
    for (const c of el.children) { if (!INLINE.has(c.tagName) || !onlyInline(c)) return false; }
    return true;
  }

  function hintOf(el) {
    const c = typeof el.className === 'string' ? el.className : (el.className && el.className.baseVal) || '';
    return (c + ' ' + (el.id || '')).trim().toLowerCase().slice(0, 120);
  }
  // The nearest landmark around an element: what part of the page a piece of text belongs to.
  function region(el) {
    for (let e = el, d = 0; e && e.nodeType === 1 && d < 40; e = e.parentElement, d++) {
      const tag = e.tagName, role = (e.getAttribute('role') || '').toLowerCase();
      if (tag === 'DIALOG' || role === 'dialog' || role === 'alertdialog' || e.getAttribute('aria-modal') === 'true'
        || /\b(modal|dialog|popup|pop-up|overlay|toast|snackbar)\b/i.test(typeof e.className === 'string' ? e.className : '')) return 'dialog';
      if (tag === 'NAV' || role === 'navigation') return 'nav';
      if (tag === 'HEADER' || role === 'banner') return 'header';
      if (tag === 'FOOTER' || role === 'contentinfo') return 'footer';
      if (tag === 'ASIDE' || role === 'complementary') return 'aside';
      if (tag === 'FORM') return 'form';
      if (tag === 'ARTICLE' || role === 'article') return 'article';
      if (tag === 'MAIN' || role === 'main') return 'main';
    }
    return '';
  }
  // Offers: a price, or a control that buys. Text sharing a small block with one (an ancestor at most two levels up
  // from each, below the main content) is attached to that offer.
  const LARGE = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
  const PRICE = /(^|[^\w])([$€£¥₹]\s?\d|\d[\d.,]*\s?(€|£|\$|usd|eur|gbp|chf|zł|kr)\b)/i;
  const BUY = /\b(add to (cart|bag|basket)|buy|order now|checkout|check out|shop now|book now|reserve|pre-?order|claim (it|yours|offer|deal|now)|get (it|yours|the deal|this deal) now)\b/i;
  const offerBlocks = new Set();
  function markOffer(el) {
    for (let e = el, d = 0; e && e.nodeType === 1 && d <= 2 && !LARGE.has(e.tagName); e = e.parentElement, d++) offerBlocks.add(e);
  }
  if (document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n, seen = 0;
    while ((n = walker.nextNode()) && seen++ < 50000) {
      const p = n.parentElement;
      const t = n.textContent.trim();
      if (p && !SKIP.has(p.tagName) && t.length <= 40 && PRICE.test(t)) markOffer(p); // a price tag, not a sentence about money
    }
    let c = 0;
    for (const b of document.body.querySelectorAll('button, a, input[type=submit], input[type=button], [role=button]')) {
      if (c++ > MAX_ITEMS) break;
      const t = b.tagName === 'INPUT' ? (b.value || '') : (b.textContent || '');
      if (t.trim().length <= 25 && BUY.test(t)) markOffer(b); // a buying button, not a sentence that links
    }
  }
  function nearOffer(el) {
    for (let e = el, d = 0; e && e.nodeType === 1 && d <= 2; e = e.parentElement, d++) if (offerBlocks.has(e)) return true;
    return false;
  }

  const segments = [];
  function seg(el, t) {
    if (segments.length >= MAX_SEGMENTS || !t) return;
    segments.push({text: t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) : t, tag: el.tagName.toLowerCase(), selector: cssPath(el),
      fontSize: size(el), visible: visible(el), contrast: contrast(el), region: region(el), nearOffer: nearOffer(el)});
  }
  function walk(el) {
    if (segments.length >= MAX_SEGMENTS || SKIP.has(el.tagName)) return;
    if (onlyInline(el)) { seg(el, text(el)); return; }
    let own = '';
    for (const n of el.childNodes) {
      if (n.nodeType === 3) own += n.textContent + ' ';
      else if (n.nodeType === 1) {
        if (INLINE.has(n.tagName) && onlyInline(n)) own += text(n) + ' ';
        else { seg(el, own.replace(/\s+/g, ' ').trim()); own = ''; walk(n); }
      }
    }
    seg(el, own.replace(/\s+/g, ' ').trim());
  }
  if (document.body) walk(document.body);

  const controls = [];
  for (const el of document.querySelectorAll('a, button, input[type=submit], input[type=button], [role=button]')) {
    if (controls.length >= MAX_ITEMS) break;
    let t = el.tagName === 'INPUT' ? (el.value || '') : text(el);
    if (!t) t = el.getAttribute('aria-label') || '';
    if (!t) continue;
    const r = el.getBoundingClientRect();
    controls.push({text: t.slice(0, 300), tag: el.tagName.toLowerCase(), selector: cssPath(el), fontSize: size(el), visible: visible(el),
      opacity: effectiveOpacity(el), contrast: contrast(el), width: r.width, height: r.height, inDialog: inDialog(el)});
  }

  function labelOf(input) {
    if (input.labels && input.labels.length) return text(input.labels[0]);
    const aria = input.getAttribute('aria-label'); if (aria) return aria;
    return input.parentElement ? text(input.parentElement).slice(0, 200) : '';
  }
  const checkboxes = [];
  for (const el of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
    if (checkboxes.length >= MAX_ITEMS) break;
    checkboxes.push({label: labelOf(el).slice(0, 300), name: el.name || '', type: el.type, checked: el.checked,
      inForm: !!el.form, visible: visible(el) || (el.labels && el.labels.length > 0 && visible(el.labels[0])), selector: cssPath(el)});
  }

  const forms = [];
  for (const f of document.querySelectorAll('form')) {
    if (forms.length >= MAX_ITEMS) break;
    const inputs = [];
    for (const i of f.querySelectorAll('input, textarea, select')) {
      const type = i.tagName === 'INPUT' ? (i.getAttribute('type') || 'text').toLowerCase() : i.tagName.toLowerCase();
      const hint = [i.getAttribute('placeholder'), i.getAttribute('aria-label'), i.id, i.labels && i.labels.length ? text(i.labels[0]) : '']
        .filter(x => x).join(' ').toLowerCase();
      inputs.push({type, name: i.name || '', hint, autocomplete: (i.getAttribute('autocomplete') || '').toLowerCase()});
    }
    const buttons = Array.from(f.querySelectorAll('input[type=submit], input[type=button]')).map(b => b.value || '').filter(x => x);
    forms.push({action: f.getAttribute('action') === null ? location.href : f.action, method: (f.getAttribute('method') || 'get').toLowerCase(),
      inputs, selector: cssPath(f), text: (text(f) + ' ' + buttons.join(' ')).trim().slice(0, 400)});
  }

  const scripts = [];
  for (const s of document.querySelectorAll('script')) {
    if (scripts.length >= MAX_ITEMS) break;
    const src = s.getAttribute('src');
    scripts.push({src: src === null ? null : src.trim(), integrity: s.getAttribute('integrity'), crossorigin: s.getAttribute('crossorigin'),
      type: s.getAttribute('type') || '', text: src === null ? (s.textContent || '').slice(0, 20000) : ''});
  }

  const links = [];
  for (const a of document.querySelectorAll('a[href]')) {
    if (links.length >= MAX_ITEMS) break;
    links.push({href: a.href, text: text(a).slice(0, 200), visible: visible(a)});
  }

  // How the page presents itself: headings, logos and other marks that can show a name, icons, the declared site name.
  const headings = [];
  for (const h of document.querySelectorAll('h1, h2, h3, [role=heading]')) {
    if (headings.length >= 30) break;
    const t = text(h);
    if (t && visible(h)) headings.push(t.slice(0, 200));
  }
  function logoHinted(el) {
    for (let e = el, d = 0; e && e.nodeType === 1 && d < 4; e = e.parentElement, d++) if (/logo|brand/.test(hintOf(e))) return true;
    return /logo/i.test((el.getAttribute('src') || '') + ' ' + (el.getAttribute('alt') || ''));
  }
  function contextOf(el) {
    const c = el.parentElement ? el.parentElement.closest('a, button, [role=button]') : null;
    return c ? text(c).slice(0, 120) : '';
  }
  function srcOf(el) {
    const raw = el.getAttribute('src') || '';
    if (/^data:/i.test(raw)) return raw.slice(0, raw.indexOf(',') < 0 ? 40 : Math.min(raw.indexOf(','), 40));
    return raw ? (el.src || raw).slice(0, 300) : '';
  }
  const marks = [];
  for (const el of document.querySelectorAll('img, input[type=image]')) {
    if (marks.length >= 60) break;
    marks.push({kind: 'img', src: srcOf(el), alt: (el.getAttribute('alt') || '').trim().slice(0, 120),
      label: (el.getAttribute('aria-label') || el.getAttribute('title') || '').trim().slice(0, 120), hint: hintOf(el),
      logo: logoHinted(el), context: contextOf(el), visible: visible(el)});
  }
  for (const el of document.querySelectorAll('svg')) {
    if (marks.length >= 70) break;
    if (!logoHinted(el)) continue;
    const t = el.querySelector('title');
    marks.push({kind: 'svg', src: '', alt: '', label: (el.getAttribute('aria-label') || (t ? t.textContent : '') || '').trim().slice(0, 120),
      hint: hintOf(el), logo: true, context: contextOf(el), visible: visible(el)});
  }
  for (const el of document.querySelectorAll('[class*=logo i], [id*=logo i], [class*=brand i], [id*=brand i]')) {
    if (marks.length >= 80) break;
    if (el.tagName === 'IMG' || el.tagName === 'svg' || el.tagName === 'SVG' || SKIP.has(el.tagName) || el.closest('svg')) continue;
    const t = (el.textContent || '').replace(/\s+/g, ' ').trim();
    const label = (el.getAttribute('aria-label') || el.getAttribute('title') || '').trim();
    if ((!t || t.length > 60) && !label) continue;
    marks.push({kind: 'text', src: '', alt: t.length <= 60 ? t : '', label: label.slice(0, 120), hint: hintOf(el), logo: true,
      context: contextOf(el), visible: visible(el)});
  }
  const icons = [];
  for (const l of document.querySelectorAll('link[rel][href]')) {
    if (icons.length >= 5) break;
    if (/(^|\s)(icon|shortcut|apple-touch-icon|mask-icon)(\s|$)/i.test(l.getAttribute('rel')) && l.href) icons.push(l.href);
  }
  const siteMeta = document.querySelector('meta[property="og:site_name"], meta[name="application-name"], meta[name="apple-mobile-web-app-title"]');
  const siteName = siteMeta ? (siteMeta.getAttribute('content') || '').trim().slice(0, 120) : '';

  // Timers and counters: the smallest element whose text is the whole clock or count.
  const timers = [], counters = [];
  const all = document.body ? document.body.getElementsByTagName('*') : [];
  // A clock or a count is a short text in a small element: containers are skipped before their text is laid out,
  // and the text looked at is capped, so a page of many megabytes cannot make this loop quadratic.
  let textBudget = 4000000;
  for (let i = 0; i < all.length && i < 20000; i++) {
    const el = all[i];
    if (SKIP.has(el.tagName) || el.childElementCount > 8) continue;
    const raw = el.textContent || '';
    textBudget -= raw.length;
    if (textBudget < 0) break;
    if (raw.length > 400) continue;
    const t = text(el);
    if (!t || t.length > 200) continue;
    if (t.length <= 60 && CLOCK.test(t) && !Array.from(el.children).some(c => CLOCK.test(text(c)))) {
      if (timers.length < 50) timers.push({selector: cssPath(el), text: t, context: el.parentElement ? text(el.parentElement).slice(0, 160) : t});
    } else if (COUNTER.test(t) && !Array.from(el.children).some(c => COUNTER.test(text(c)))) {
      if (counters.length < 50) counters.push({selector: cssPath(el), text: t, context: t});
    }
  }

  return JSON.stringify({title: document.title || '', segments, controls, checkboxes, forms, scripts, links, timers, counters,
    branding: {headings, marks, icons, siteName}});
})()
