package dev.veritas.checks.observatory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code cross-origin-opener-policy}: whether pages from other sites that open or are opened by this one are kept apart. */
public final class CrossOriginOpenerPolicyCheck implements ObservatoryCheck {
    public static final String NAME = "cross-origin-opener-policy";

    public enum Result implements ObservatoryResult {
        SAME_ORIGIN("coop-implemented-with-same-origin", 10,
                "Cross-Origin-Opener-Policy is same-origin: the page shares no browsing context group with other origins.",
                ""),
        SAME_ORIGIN_ALLOW_POPUPS("coop-implemented-with-same-origin-allow-popups", 10,
                "Cross-Origin-Opener-Policy is same-origin-allow-popups: isolated from its opener, while popups it opens "
                        + "(e.g. for sign-in or payment) keep working.",
                ""),
        NOOPENER_ALLOW_POPUPS("coop-implemented-with-noopener-allow-popups", 10,
                "Cross-Origin-Opener-Policy is noopener-allow-popups: isolated from its opener even on the same origin.",
                ""),
        UNSAFE_NONE("coop-implemented-with-unsafe-none", 0,
                "Cross-Origin-Opener-Policy is unsafe-none, the default: other origins can keep a handle on this window.",
                "Use same-origin, or same-origin-allow-popups if the site relies on popups."),
        NOT_IMPLEMENTED("coop-not-implemented", 0,
                "Cross-Origin-Opener-Policy is not set.",
                "Consider Cross-Origin-Opener-Policy: same-origin (or same-origin-allow-popups)."),
        HEADER_INVALID("coop-header-invalid", -5,
                "Cross-Origin-Opener-Policy cannot be recognised (values are lower-case tokens, sent once), so browsers ignore it.",
                "Send exactly one of same-origin, same-origin-allow-popups, noopener-allow-popups or unsafe-none.");

        private final ResultText text;

        Result(String wire, int modifier, String description, String recommendation) {
            this.text = new ResultText(wire, modifier, description, recommendation);
        }

        @Override public ResultText text() { return text; }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Result> possibleResults() {
        return Arrays.asList(Result.values());
    }

    @Override
    public TestResult evaluate(ObservedPage page) {
        Optional<String> header = page.input().headers().combined("Cross-Origin-Opener-Policy").filter(v -> !v.isEmpty());
        Result result = header.map(value -> switch (StructuredFieldToken.parse(value).orElse("")) {
            case "same-origin" -> Result.SAME_ORIGIN;
            case "same-origin-allow-popups" -> Result.SAME_ORIGIN_ALLOW_POPUPS;
            case "noopener-allow-popups" -> Result.NOOPENER_ALLOW_POPUPS;
            case "unsafe-none" -> Result.UNSAFE_NONE;
            default -> Result.HEADER_INVALID;
        }).orElse(Result.NOT_IMPLEMENTED);
        return TestResult.of(result, result != Result.HEADER_INVALID);
    }
}
