package dev.veritas.checks;

import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;

/** A check that judges a site by the first page it served: with no page captured there is nothing to judge. */
public interface FirstPageCheck extends Check {
    @Override
    default CheckOutcome run(SiteCapture capture) {
        return capture.firstPage().map(page -> judge(capture, page)).orElseGet(() -> CheckOutcome.nothingToJudge(name()));
    }

    /** Judges the site, given its first page. */
    CheckOutcome judge(SiteCapture capture, PageCapture page);
}
