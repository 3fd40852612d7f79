// Screenshot thumbnails that open the full image in a modal dialog.
import { h } from '../dom.js';
import { audits } from '../api.js';
import { openDialog } from './dialog.js';

function describe(shot) {
  return shot.label ? `Screenshot ${shot.index + 1}: ${shot.label}` : `Screenshot ${shot.index + 1}`;
}

export function openScreenshot(auditId, shot, opener) {
  const src = audits.screenshotUrl(auditId, shot.index);
  const caption = h('figcaption', {},
    shot.page_url ? h('span', { class: 'url' }, shot.page_url) : null,
    shot.width && shot.height ? h('span', { class: 'muted' }, ` · ${shot.width} × ${shot.height} px`) : null);
  openDialog({
    heading: describe(shot),
    className: 'screenshot-dialog',
    opener,
    content: h('figure', { class: 'screenshot-full' },
      h('img', { src, alt: `${describe(shot)}${shot.page_url ? ` of ${shot.page_url}` : ''}` }), caption),
  });
}

/** A button showing the thumbnail; activating it opens the screenshot. shot: {index, label, page_url, width, height}. */
export function thumbnail(auditId, shot, { caption = true } = {}) {
  const button = h('button', { type: 'button', class: 'thumb', 'aria-label': `Enlarge ${describe(shot).toLowerCase()}` },
    h('img', { src: audits.screenshotUrl(auditId, shot.index), alt: '', loading: 'lazy', width: 240, height: 150 }),
    caption ? h('span', { class: 'thumb-caption' }, shot.label || `Screenshot ${shot.index + 1}`) : null);
  button.addEventListener('click', () => openScreenshot(auditId, shot, button));
  return button;
}
