// /audits/{id}: the live view while the audit runs, the report once it is done. Loads GET /api/audits/{id};
// a completed audit is shown as its report, anything else follows the event stream (which replays from the
// start, so a reload resumes) and turns into the report in place when audit_result arrives: the report then says
// that the audit just completed (also to screen readers) and the focus moves to its heading.
import { announce, focusHeading, replace, title } from '../dom.js';
import { audits } from '../api.js';
import { plural } from '../format.js';
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
        const done = await audits.get(id);
        // An address with a #fragment (e.g. #findings) goes there instead; otherwise the report starts at the top.
        if (!renderReport(main, done, { justCompleted: true })) {
          window.scrollTo(0, 0);
          focusHeading(main);
        }
        announce(`Audit complete: trust score ${done.trust_score}, ${plural(done.findings?.length ?? 0, 'finding')}. The report is shown.`);
      } catch (e) {
        replace(main, failure(e, { heading: 'The audit finished but its report could not be loaded', retry: () => render(main, id) }));
      }
    },
  });
}
