package dev.veritas.checks.observatory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code cross-origin-embedder-policy}: whether the page only embeds resources that opted in (cross-origin isolation). */
public final class CrossOriginEmbedderPolicyCheck implements ObservatoryCheck {
    public static final String NAME = "cross-origin-embedder-policy";

    public enum Result implements ObservatoryResult {
        REQUIRE_CORP("coep-implemented-with-require-corp", 10,
                "Cross-Origin-Embedder-Policy is require-corp: cross-origin resources load only if they opt in.",
                ""),
        CREDENTIALLESS("coep-implemented-with-credentialless", 10,
                "Cross-Origin-Embedder-Policy is credentialless: cross-origin resources load without cookies unless they opt in.",
                ""),
        UNSAFE_NONE("coep-implemented-with-unsafe-none", 0,
                "Cross-Origin-Embedder-Policy is unsafe-none, the default: any cross-origin resource may be embedded.",
                "Use require-corp or credentialless once embedded resources allow it."),
        NOT_IMPLEMENTED("coep-not-implemented", 0,
                "Cross-Origin-Embedder-Policy is not set, so the page is not cross-origin isolated.",
                "Consider Cross-Origin-Embedder-Policy: require-corp (or credentialless)."),
        HEADER_INVALID("coep-header-invalid", -5,
                "Cross-Origin-Embedder-Policy cannot be recognised (values are lower-case tokens, sent once), so browsers ignore it.",
                "Send exactly one of require-corp, credentialless or unsafe-none, optionally with ; report-to=\"endpoint\".");

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
        Optional<String> header = page.input().headers().combined("Cross-Origin-Embedder-Policy").filter(v -> !v.isEmpty());
        Result result = header.map(value -> switch (StructuredFieldToken.parse(value).orElse("")) {
            case "require-corp" -> Result.REQUIRE_CORP;
            case "credentialless" -> Result.CREDENTIALLESS;
            case "unsafe-none" -> Result.UNSAFE_NONE;
            default -> Result.HEADER_INVALID;
        }).orElse(Result.NOT_IMPLEMENTED);
        return TestResult.of(result, result != Result.HEADER_INVALID);
    }
}
