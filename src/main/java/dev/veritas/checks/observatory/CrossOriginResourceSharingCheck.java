package dev.veritas.checks.observatory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code cross-origin-resource-sharing}: whether the site lets any origin read its responses with the
 * visitor's cookies, which Observatory detects by sending a foreign {@code Origin} and seeing it echoed
 * back together with {@code Access-Control-Allow-Credentials: true}.
 */
public final class CrossOriginResourceSharingCheck implements ObservatoryCheck {
    public static final String NAME = "cross-origin-resource-sharing";

    public enum Result implements ObservatoryResult {
        NOT_IMPLEMENTED("cross-origin-resource-sharing-not-implemented", 0,
                "Content is not readable by other sites through CORS.",
                ""),
        PUBLIC_ACCESS("cross-origin-resource-sharing-implemented-with-public-access", 0,
                "Public content is readable by any site (Access-Control-Allow-Origin: *), without the visitor's cookies.",
                ""),
        RESTRICTED_ACCESS("cross-origin-resource-sharing-implemented-with-restricted-access", 0,
                "Content is readable through CORS, but only by specific origins.",
                ""),
        UNIVERSAL_ACCESS("cross-origin-resource-sharing-implemented-with-universal-access", -50,
                "Any site can read responses with the visitor's cookies: the site echoes any Origin and allows credentials.",
                "Only echo origins from an allow-list when credentials are needed; for public data use "
                        + "Access-Control-Allow-Origin: * without Access-Control-Allow-Credentials; otherwise send neither.");

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
        Result result = page.input().corsProbe().map(CrossOriginResourceSharingCheck::classify).orElse(Result.NOT_IMPLEMENTED);
        return TestResult.of(result, result != Result.UNIVERSAL_ACCESS);
    }

    private static Result classify(CorsProbe probe) {
        Optional<String> allowOrigin = probe.responseHeaders().combined("Access-Control-Allow-Origin").filter(v -> !v.isEmpty());
        if (allowOrigin.isEmpty()) {
            return Result.NOT_IMPLEMENTED;
        }
        String acao = allowOrigin.get();
        if (JsText.trim(Headers.first256(acao)).toLowerCase(Locale.ROOT).equals("*")) {
            return Result.PUBLIC_ACCESS;
        }
        boolean credentials = probe.responseHeaders().combined("Access-Control-Allow-Credentials")
                .map(v -> JsText.trim(v.toLowerCase(Locale.ROOT)).equals("true"))
                .orElse(false);
        // The echo must be exact: Observatory compares the raw header with the Origin it sent.
        if (!probe.origin().isEmpty() && probe.origin().equals(acao) && credentials) {
            return Result.UNIVERSAL_ACCESS;
        }
        return Result.RESTRICTED_ACCESS;
    }
}
