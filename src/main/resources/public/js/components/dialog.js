// A modal dialog on the native <dialog> element: focus moves into it, the page behind is inert, Escape and the
// close button close it, and focus returns to whatever opened it.
import { h, uid } from '../dom.js';

/**
 * Opens a modal. content is a node or an array of nodes; returns {dialog, close}.
 * onClose runs once, after the dialog closed.
 */
export function openDialog({ heading, content, className = '', onClose, opener = document.activeElement }) {
  const headingId = uid('dialog-title');
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': 'Close' }, '×');
  const dialog = h('dialog', { class: ['dialog', className], 'aria-labelledby': headingId },
    h('div', { class: 'dialog-head' }, h('h2', { id: headingId }, heading), close),
    h('div', { class: 'dialog-body' }, content));
  close.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog element itself.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && typeof opener.focus === 'function' && opener.isConnected) opener.focus();
    if (onClose) onClose(dialog.returnValue);
  }, { once: true });
  document.body.appendChild(dialog);
  dialog.showModal();
  return { dialog, close: (value) => dialog.close(value) };
}
