// /audits/{id}: the live view while the audit runs, the report once it is done. Loads GET /api/audits/{id};
// a completed audit is shown as its report, anything else follows the event stream (which replays from the
// start, so a reload resumes) and turns into the report in place when audit_result arrives.
import { replace, title } from '../dom.js';
import { audits } from '../api.js';
import { failure, loading } from '../components/states.js';
import { renderLive } from './live.js';
import { renderReport } from './report.js';

export async function render(main, id) {
  title('Audit');
  replace(main, loading('Loading the audit…'));
  let audit;
  try {
    audit = await audits.get(id);
  } catch (e) {
    title('Audit not found');
    replace(main, failure(e, { heading: e.status === 404 ? 'No such audit' : 'The audit could not be loaded', retry: () => render(main, id) }));
    return;
  }
  if (audit.status === 'completed') {
    renderReport(main, audit);
    return;
  }
  renderLive(main, audit, {
    onCompleted: async () => {
      try {
        renderReport(main, await audits.get(id), { justCompleted: true });
      } catch (e) {
        replace(main, failure(e, { heading: 'The audit finished but its report could not be loaded', retry: () => render(main, id) }));
      }
    },
  });
}
