package dev.veritas.checks;

import dev.veritas.audit.Evidence;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds findings with named steps, so a check reads as what it reports. */
public final class FindingBuilder {
    private final String checkId;
    private String category = "security";
    private String patternType;
    private Severity severity = Severity.MEDIUM;
    private double confidence = 0.9;
    private String title;
    private String description = "";
    private String plainEnglish = "";
    private Optional<String> pageUrl = Optional.empty();
    private Evidence evidence = Evidence.none();
    private OptionalInt screenshot = OptionalInt.empty();

    private FindingBuilder(String checkId) {
        this.checkId = checkId;
        this.patternType = checkId.contains(".") ? checkId.substring(checkId.lastIndexOf('.') + 1) : checkId;
    }

    /** A finding of a declared kind: its id, category, pattern type and severity start from the kind's. */
    public static FindingBuilder finding(FindingKind kind) {
        return new FindingBuilder(kind.id()).category(kind.category()).patternType(kind.patternType()).severity(kind.defaultSeverity());
    }

    /**
     * A finding known only by its id string. Checks declare their kinds and use {@link #finding(FindingKind)}; this is
     * for findings rebuilt from stored or external data, and for a check that has not declared its kinds yet.
     */
    public static FindingBuilder finding(String checkId) {
        return new FindingBuilder(checkId);
    }

    public FindingBuilder category(String v) { category = v; return this; }
    public FindingBuilder patternType(String v) { patternType = v; return this; }
    public FindingBuilder severity(Severity v) { severity = v; return this; }
    public FindingBuilder confidence(double v) { confidence = Math.max(0, Math.min(1, v)); return this; }
    public FindingBuilder title(String v) { title = v; return this; }
    public FindingBuilder description(String v) { description = v; return this; }
    public FindingBuilder plainEnglish(String v) { plainEnglish = v; return this; }
    public FindingBuilder page(URI v) { pageUrl = Optional.ofNullable(v).map(URI::toString); return this; }
    public FindingBuilder evidence(String text) { evidence = Evidence.text(text); return this; }
    public FindingBuilder evidence(String text, String selector, Map<String, Object> values) { evidence = Evidence.of(text, selector, values); return this; }
    public FindingBuilder screenshot(Optional<Integer> index) { screenshot = index.map(OptionalInt::of).orElse(OptionalInt.empty()); return this; }

    public Finding build() {
        return new Finding(checkId, category, patternType, severity, confidence, title == null ? patternType : title,
                description, plainEnglish.isEmpty() ? description : plainEnglish, pageUrl, evidence, screenshot);
    }
}
