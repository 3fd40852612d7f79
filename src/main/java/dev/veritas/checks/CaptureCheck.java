package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says which pages were captured only in part, and why: a page that stopped answering (its scripts held the browser),
 * arrived too slowly, or was read from its HTML because the browser could not. Feeds no signal — how much a partial
 * capture weighs is for the reader — but the report must not present a partial view as the whole page.
 */
public final class CaptureCheck implements Check {
    public static final String NAME = "capture";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CaptureFinding> possibleFindings() {
        return List.of(CaptureFinding.values());
    }

    @Override
    public CheckOutcome run(SiteCapture capture) {
        List<Finding> findings = new ArrayList<>();
        for (PageCapture p : capture.pages()) {
            p.cutShort().ifPresent(why -> findings.add(FindingBuilder.finding(CaptureFinding.PAGE_CUT_SHORT)
                    .confidence(1.0)
                    .title("Page captured only in part")
                    .description("Veritas could not capture " + p.finalUrl() + " in full: " + why + ".")
                    .plainEnglish("This page did not let itself be read completely (it hung, or arrived too slowly), so the verdict rests on what "
                            + "was seen before that. Sites that do this to visitors' browsers deserve caution.")
                    .page(p.finalUrl())
                    .evidence(why)
                    .screenshot(p.firstScreenshot())
                    .build()));
        }
        return new CheckOutcome(NAME, Optional.empty(), findings, Optional.empty());
    }
}
