package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code referrer-policy}: how much of the page's address is sent to other sites. The header and a
 * {@code <meta name="referrer">} are read together, and the last value a browser understands wins.
 */
public final class ReferrerPolicyCheck implements ObservatoryCheck {
    public static final String NAME = "referrer-policy";

    private static final Set<String> PRIVATE = Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");
    private static final Set<String> UNSAFE = Set.of("origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade");

    public enum Result implements ObservatoryResult {
        PRIVATE("referrer-policy-private", 5,
                "Referrer-Policy is no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin: "
                        + "other sites do not see the full address of the page a visitor came from.",
                ""),
        NOT_IMPLEMENTED("referrer-policy-not-implemented", 0,
                "Referrer-Policy is not set; browsers fall back to their own default.",
                "Set Referrer-Policy: strict-origin-when-cross-origin at least."),
        UNSAFE("referrer-policy-unsafe", -5,
                "Referrer-Policy is origin, origin-when-cross-origin, unsafe-url or no-referrer-when-downgrade, "
                        + "which leaks more of the visitor's path than needed.",
                "Set Referrer-Policy: strict-origin-when-cross-origin at least."),
        HEADER_INVALID("referrer-policy-header-invalid", -5,
                "Referrer-Policy holds no value browsers recognise, so it has no effect.",
                "Set Referrer-Policy: strict-origin-when-cross-origin at least.");

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
        List<String> values = new ArrayList<>();
        page.input().headers().combined("Referrer-Policy").ifPresent(values::add);
        page.meta().referrerPolicy().ifPresent(values::add); // after the header, so it takes precedence
        if (values.isEmpty()) {
            return TestResult.of(Result.NOT_IMPLEMENTED, true);
        }
        String policy = "";
        for (String token : JsText.split(String.join(", ", values), ',')) {
            String candidate = JsText.trim(token.toLowerCase(Locale.ROOT));
            if (PRIVATE.contains(candidate) || UNSAFE.contains(candidate)) {
                policy = candidate;
            }
        }
        Result result = PRIVATE.contains(policy) ? Result.PRIVATE : UNSAFE.contains(policy) ? Result.UNSAFE : Result.HEADER_INVALID;
        return TestResult.of(result, result == Result.PRIVATE);
    }
}
