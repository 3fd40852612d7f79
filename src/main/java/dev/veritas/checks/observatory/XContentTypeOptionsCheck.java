package dev.veritas.checks.observatory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code x-content-type-options}: whether browsers are told not to guess content types. */
public final class XContentTypeOptionsCheck implements ObservatoryCheck {
    public static final String NAME = "x-content-type-options";

    public enum Result implements ObservatoryResult {
        NOSNIFF("x-content-type-options-nosniff", 0,
                "X-Content-Type-Options is nosniff: browsers will not treat an upload or text file as a script or style.",
                ""),
        NOT_IMPLEMENTED("x-content-type-options-not-implemented", -5,
                "X-Content-Type-Options is not set, so browsers may guess a response's type and run it as script.",
                "Send X-Content-Type-Options: nosniff."),
        HEADER_INVALID("x-content-type-options-header-invalid", -5,
                "X-Content-Type-Options is set to something other than nosniff (or sent twice), so it has no effect.",
                "Send X-Content-Type-Options: nosniff, once.");

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
        Result result = page.input().headers().combined("X-Content-Type-Options")
                .filter(v -> !v.isEmpty())
                .map(value -> JsText.trim(Headers.first256(value)).toLowerCase(Locale.ROOT).equals("nosniff")
                        ? Result.NOSNIFF : Result.HEADER_INVALID)
                .orElse(Result.NOT_IMPLEMENTED);
        return TestResult.of(result, result == Result.NOSNIFF);
    }
}
