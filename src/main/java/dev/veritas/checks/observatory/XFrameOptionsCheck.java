package dev.veritas.checks.observatory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code x-frame-options}: whether other sites can frame the page (clickjacking). A CSP
 * {@code frame-ancestors} directive counts and wins over the header.
 */
public final class XFrameOptionsCheck implements ObservatoryCheck {
    public static final String NAME = "x-frame-options";

    public enum Result implements ObservatoryResult {
        IMPLEMENTED_VIA_CSP("x-frame-options-implemented-via-csp", 5,
                "Framing is controlled by the Content Security Policy's frame-ancestors directive.",
                ""),
        SAMEORIGIN_OR_DENY("x-frame-options-sameorigin-or-deny", 5,
                "X-Frame-Options is SAMEORIGIN or DENY: other sites cannot frame the page.",
                ""),
        ALLOW_FROM_ORIGIN("x-frame-options-allow-from-origin", 0,
                "X-Frame-Options uses ALLOW-FROM, which current browsers ignore.",
                "Use the CSP frame-ancestors directive to allow specific sites."),
        NOT_IMPLEMENTED("x-frame-options-not-implemented", -20,
                "Neither X-Frame-Options nor CSP frame-ancestors is set (a <meta> tag does not count), so any site can frame the page.",
                "Send X-Frame-Options: DENY (or SAMEORIGIN), or a CSP frame-ancestors directive."),
        HEADER_INVALID("x-frame-options-header-invalid", -20,
                "X-Frame-Options cannot be recognised (for example it is sent twice), so browsers ignore it.",
                "Send X-Frame-Options: DENY or SAMEORIGIN, once, or use CSP frame-ancestors.");

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
        Result result = page.input().headers().combined("X-Frame-Options")
                .filter(v -> !v.isEmpty())
                .map(value -> {
                    String xfo = JsText.trim(Headers.first1024(value)).toLowerCase(Locale.ROOT);
                    if (xfo.equals("deny") || xfo.equals("sameorigin")) {
                        return Result.SAMEORIGIN_OR_DENY;
                    }
                    return xfo.startsWith("allow-from") ? Result.ALLOW_FROM_ORIGIN : Result.HEADER_INVALID;
                })
                .orElse(Result.NOT_IMPLEMENTED);
        // Observatory looks at the analysed CSP (headers and <meta> together) for frame-ancestors; a
        // <meta>-only policy made only of frame-ancestors counts as no policy and so never gets here.
        boolean frameAncestors = page.csp().directives().map(d -> d.containsKey("frame-ancestors")).orElse(false);
        if (frameAncestors) {
            result = Result.IMPLEMENTED_VIA_CSP;
        }
        return TestResult.of(result, result != Result.NOT_IMPLEMENTED && result != Result.HEADER_INVALID);
    }
}
