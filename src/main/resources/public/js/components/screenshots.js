// Screenshot thumbnails that open the full image in a modal dialog. Each says which page it shows (the path of its
// page_url) and links to the full-size image, which opens on its own in a new tab.
import { h } from '../dom.js';
import { audits } from '../api.js';
import { pagePath } from '../format.js';
import { openDialog } from './dialog.js';

function describe(shot) {
  return shot.label ? `Screenshot ${shot.index + 1}: ${shot.label}` : `Screenshot ${shot.index + 1}`;
}

function fullSizeLink(auditId, shot, text) {
  return h('a', { class: 'full-size', href: audits.screenshotUrl(auditId, shot.index), target: '_blank', rel: 'noopener',
    'aria-label': `${text}: ${describe(shot).toLowerCase()}${shot.page_url ? ` of ${pagePath(shot.page_url)}` : ''} (opens in a new tab)` }, text);
}

export function openScreenshot(auditId, shot, opener) {
  const src = audits.screenshotUrl(auditId, shot.index);
  const caption = h('figcaption', {},
    shot.page_url ? h('span', { class: 'url' }, shot.page_url) : null,
    shot.width && shot.height ? h('span', { class: 'muted' }, ` · ${shot.width} × ${shot.height} px`) : null,
    ' · ', fullSizeLink(auditId, shot, 'Open full size'));
  openDialog({
    heading: describe(shot),
    className: 'screenshot-dialog',
    opener,
    content: h('figure', { class: 'screenshot-full' },
      h('img', { src, alt: `${describe(shot)}${shot.page_url ? ` of ${shot.page_url}` : ''}` }), caption),
  });
}

/**
 * A thumbnail: a button showing the image, which opens it in a dialog, captioned with its label and the path of its
 * page, and a link to the full-size image. shot: {index, label, page_url, width, height}.
 */
export function thumbnail(auditId, shot, { caption = true } = {}) {
  const path = pagePath(shot.page_url);
  const button = h('button', { type: 'button', class: 'thumb',
    'aria-label': `Enlarge ${describe(shot).toLowerCase()}${path ? ` of ${path}` : ''}` },
  h('img', { src: audits.screenshotUrl(auditId, shot.index), alt: '', loading: 'lazy', width: 240, height: 150 }),
  caption ? h('span', { class: 'thumb-caption' },
    h('span', { class: 'thumb-label' }, shot.label || `Screenshot ${shot.index + 1}`),
    path ? h('span', { class: 'thumb-page url' }, path) : null) : null);
  button.addEventListener('click', () => openScreenshot(auditId, shot, button));
  return h('div', { class: 'thumb-item' }, button, fullSizeLink(auditId, shot, 'Full size'));
}
