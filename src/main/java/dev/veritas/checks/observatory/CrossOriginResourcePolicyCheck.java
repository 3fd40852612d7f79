package dev.veritas.checks.observatory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code cross-origin-resource-policy}: whether other sites may embed this response. */
public final class CrossOriginResourcePolicyCheck implements ObservatoryCheck {
    public static final String NAME = "cross-origin-resource-policy";

    public enum Result implements ObservatoryResult {
        SAME_ORIGIN("corp-implemented-with-same-origin", 10,
                "Cross-Origin-Resource-Policy is same-origin: only this origin may load the response, which keeps it out of other sites' processes.",
                ""),
        SAME_SITE("corp-implemented-with-same-site", 10,
                "Cross-Origin-Resource-Policy is same-site: only this site may load the response.",
                ""),
        CROSS_ORIGIN("corp-implemented-with-cross-origin", 0,
                "Cross-Origin-Resource-Policy is cross-origin: any site may load the response.",
                "Use same-origin or same-site unless other sites really need to embed it."),
        NOT_IMPLEMENTED("corp-not-implemented", 0,
                "Cross-Origin-Resource-Policy is not set (browsers default to cross-origin).",
                "Consider Cross-Origin-Resource-Policy: same-origin."),
        HEADER_INVALID("corp-header-invalid", -5,
                "Cross-Origin-Resource-Policy cannot be recognised, so browsers ignore it.",
                "Send one of same-origin, same-site or cross-origin.");

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
        Result result = page.input().headers().combined("Cross-Origin-Resource-Policy")
                .filter(v -> !v.isEmpty())
                .map(value -> switch (JsText.trim(Headers.first256(value)).toLowerCase(Locale.ROOT)) {
                    case "same-site" -> Result.SAME_SITE;
                    case "same-origin" -> Result.SAME_ORIGIN;
                    case "cross-origin" -> Result.CROSS_ORIGIN;
                    default -> Result.HEADER_INVALID;
                })
                .orElse(Result.NOT_IMPLEMENTED);
        return TestResult.of(result, result != Result.HEADER_INVALID);
    }
}
