// Home: the audit form (URL, tier, verdict mode) and the most recent audits.
// Uses POST /api/audits, then goes to /audits/{id}; GET /api/audits?limit=8 for the recent list, whose queued and
// running audits are refreshed until they end.
import { announce, h, replace, title, uid } from '../dom.js';
import { audits } from '../api.js';
import { TIERS, statusLabel } from '../format.js';
import { auditItem, auditList } from '../components/auditlist.js';
import { watchUnfinished } from '../components/refresh.js';
import { empty, failure, loading } from '../components/states.js';

function radio(name, value, checked, labelText, hint) {
  const id = uid(name);
  const hintId = `${id}-hint`;
  return h('div', { class: 'choice' },
    h('input', { type: 'radio', id, name, value, checked, 'aria-describedby': hint ? hintId : undefined }),
    h('label', { for: id }, labelText, hint ? h('span', { class: 'choice-hint', id: hintId }, hint) : null));
}

function tierChoice(tier, checked) {
  const id = uid('tier');
  const hintId = `${id}-hint`;
  return h('div', { class: 'choice tier' },
    h('input', { type: 'radio', id, name: 'tier', value: tier.id, checked, 'aria-describedby': hintId }),
    h('label', { for: id },
      h('span', { class: 'tier-name' }, tier.label),
      h('span', { class: 'tier-budget' }, `${tier.time} · ${tier.pages}`),
      h('span', { class: 'choice-hint', id: hintId }, tier.description)));
}

async function loadRecent(box) {
  replace(box, loading('Loading recent audits…'));
  try {
    const page = await audits.list({ limit: 8, sort: 'newest' });
    if (!page.items.length) {
      replace(box, empty('No audits yet. Your audits will be listed here.'));
    } else {
      const list = auditList(page.items);
      replace(box, list, h('p', {}, h('a', { href: '/history' }, `All ${page.total} audits in the history →`)));
      watchUnfinished(page.items, list, (a) => {
        const old = list.querySelector(`li[data-id="${CSS.escape(a.id)}"]`);
        if (!old) return;
        const hadFocus = old.contains(document.activeElement);
        const fresh = auditItem(a);
        old.replaceWith(fresh);
        if (hadFocus) fresh.querySelector('a')?.focus();
        announce(`The audit of ${a.url} is ${statusLabel(a.status).toLowerCase()}.`);
      });
    }
  } catch (e) {
    replace(box, failure(e, { heading: 'Recent audits could not be loaded', retry: () => loadRecent(box) }));
  }
}

export async function render(main) {
  title('');
  const urlId = uid('url');
  const errorId = uid('form-error');
  const input = h('input', { id: urlId, name: 'url', type: 'text', inputmode: 'url', autocomplete: 'url', required: true,
    spellcheck: 'false', autocapitalize: 'off', placeholder: 'https://example.com', 'aria-describedby': `${urlId}-hint` });
  const error = h('p', { id: errorId, class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Start audit');
  const form = h('form', { class: 'audit-form', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: urlId }, 'Website address'),
      h('p', { id: `${urlId}-hint`, class: 'hint' }, 'The page to audit. “example.com” means https://example.com/.'),
      input),
    h('fieldset', { class: 'tiers' }, h('legend', {}, 'How deep'),
      h('div', { class: 'choices' }, TIERS.map((t) => tierChoice(t, t.id === 'standard_audit')))),
    h('fieldset', { class: 'modes' }, h('legend', {}, 'Verdict'),
      h('div', { class: 'choices' },
        radio('verdict_mode', 'expert', true, 'Expert', 'Technical detail first, for people who know the terms.'),
        radio('verdict_mode', 'simple', false, 'Simple', 'Plain words first, for anyone.'))),
    error,
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = input.value.trim();
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!url) {
      showError('Enter the address of a website to audit, e.g. https://example.com.');
      return;
    }
    const data = new FormData(form);
    submit.disabled = true;
    submit.textContent = 'Starting…';
    try {
      const created = await audits.submit(url, data.get('tier'), data.get('verdict_mode'));
      location.assign(created.links?.report || `/audits/${encodeURIComponent(created.id)}`);
    } catch (err) {
      showError(err.detail || err.message);
      submit.disabled = false;
      submit.textContent = 'Start audit';
    }
  });

  function showError(text) {
    error.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${urlId}-hint ${errorId}`);
    input.focus();
  }

  const recent = h('div', { class: 'recent-body' });
  replace(main,
    h('section', { class: 'hero', 'aria-labelledby': 'home-title' },
      h('h1', { id: 'home-title' }, 'Can you trust this website?'),
      h('p', { class: 'lead' }, 'Veritas visits the site in a headless browser and looks for phishing, dark patterns and ',
        'security weaknesses, then gives a trust score from 0 to 100 with the evidence behind it.'),
      form),
    h('section', { class: 'recent', 'aria-labelledby': 'recent-title' },
      h('h2', { id: 'recent-title' }, 'Recent audits'), recent));
  input.focus();
  await loadRecent(recent);
}
