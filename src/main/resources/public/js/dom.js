// Builds DOM nodes without ever parsing HTML: every string becomes a text node or an attribute value, so text from
// the API — which comes from audited pages and may be hostile — can never turn into markup or script.

const SVG_NS = 'http://www.w3.org/2000/svg';
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);
// Same-origin paths, fragments and queries only: the UI never links to an audited site.
const SAFE_URL = /^(\/(?![/\\])|#|\?)/;

function apply(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') {
      el.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value));
    } else if (name === 'on') {
      for (const [type, listener] of Object.entries(value)) el.addEventListener(type, listener);
    } else if (name === 'style') {
      for (const [prop, v] of Object.entries(value)) el.style.setProperty(prop, String(v));
    } else if (name === 'dataset') {
      for (const [key, v] of Object.entries(value)) el.dataset[key] = String(v);
    } else if (name === 'text') {
      el.textContent = String(value);
    } else if (/^on/i.test(name)) {
      throw new Error('inline event handlers are not allowed: ' + name);
    } else {
      let v = value === true ? '' : String(value);
      if (URL_ATTRS.has(name) && !SAFE_URL.test(v)) v = '#';
      el.setAttribute(name, v);
    }
  }
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** h('a', {href: '/history', class: 'x'}, 'text', otherNode) → an element. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** Replaces the children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let unique = 0;
/** An id for aria-labelledby and label/for pairs. */
export function uid(prefix = 'v') {
  unique += 1;
  return `${prefix}-${unique}`;
}

/** Sets the page title. */
export function title(text) {
  document.title = text ? `${text} · Veritas` : 'Veritas';
}

/** Moves focus to the page's heading after the page changed without a reload, for screen-reader users. */
export function focusHeading(root) {
  const heading = root.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

/**
 * Says text to screen-reader users through the page's polite live region (#announcer in index.html, outside <main>,
 * so it survives a page replacing its content). The region is emptied first and filled a frame later, so the same
 * text twice is announced twice.
 */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = text;
  });
}

/**
 * Scrolls to the element the address's #fragment names, once a page has rendered it (the browser looked for it when
 * the page loaded, before it existed), and moves the focus there so keyboard users continue from it.
 */
export function followFragment() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}
