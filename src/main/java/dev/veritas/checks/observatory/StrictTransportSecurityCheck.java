package dev.veritas.checks.observatory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code strict-transport-security}: whether browsers are told to use HTTPS only, and for long enough. */
public final class StrictTransportSecurityCheck implements ObservatoryCheck {
    public static final String NAME = "strict-transport-security";

    /** 15768000 s is six months, but many sites use 15552000 (180 days), so Observatory accepts that. */
    static final double SIX_MONTHS = 15_552_000;

    public enum Result implements ObservatoryResult {
        PRELOADED("hsts-preloaded", 5,
                "The site is on the HSTS preload list: browsers never contact it over plain HTTP.",
                ""),
        MAX_AGE_AT_LEAST_SIX_MONTHS("hsts-implemented-max-age-at-least-six-months", 0,
                "Strict-Transport-Security is set for at least six months.",
                "Consider preloading: add includeSubDomains and preload, set max-age to at least 31536000 and submit the site to hstspreload.org."),
        MAX_AGE_LESS_THAN_SIX_MONTHS("hsts-implemented-max-age-less-than-six-months", -10,
                "Strict-Transport-Security is set for less than six months, so the protection lapses quickly.",
                "Raise max-age to at least 15552000 (six months)."),
        NOT_IMPLEMENTED("hsts-not-implemented", -20,
                "Strict-Transport-Security is not set: a first visit or a typed address can be intercepted over HTTP.",
                "Add Strict-Transport-Security, rolling out with a short max-age first and raising it to a year."),
        HEADER_INVALID("hsts-header-invalid", -20,
                "Strict-Transport-Security cannot be understood (no max-age, or the header is sent more than once), so browsers may ignore it.",
                "Send one Strict-Transport-Security header with a max-age, e.g. max-age=31536000; includeSubDomains."),
        NOT_IMPLEMENTED_NO_HTTPS("hsts-not-implemented-no-https", -20,
                "The site is not available over HTTPS, so HSTS cannot be set.",
                "Serve the site over HTTPS (a free certificate from Let's Encrypt is enough) and then add HSTS."),
        INVALID_CERT("hsts-invalid-cert", -20,
                "HSTS cannot work because the site's certificate chain is not valid.",
                "Install a valid TLS certificate; HSTS only works with one.");

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
        ObservatoryInput input = page.input();
        Result result;
        if (!input.isHttps()) {
            result = Result.NOT_IMPLEMENTED_NO_HTTPS;
        } else if (!input.certificateValid()) {
            result = Result.INVALID_CERT;
        } else {
            result = input.headers().combined("Strict-Transport-Security")
                    .map(StrictTransportSecurityCheck::classify)
                    .orElse(Result.NOT_IMPLEMENTED);
        }
        // Being preloaded overrides anything the HTTPS response said, even a bad certificate.
        if (input.isHttps() && input.hstsPreloaded()) {
            result = Result.PRELOADED;
        }
        boolean pass = result == Result.MAX_AGE_AT_LEAST_SIX_MONTHS || result == Result.PRELOADED;
        return TestResult.of(result, pass);
    }

    private static Result classify(String header) {
        String value = header.length() > 1024 ? header.substring(0, 1024) : header;
        // Repeated header lines arrive joined by a comma; a policy must be given once.
        if (value.contains(",")) {
            return Result.HEADER_INVALID;
        }
        Optional<Double> maxAge = Optional.empty();
        for (String parameter : JsText.split(value, ';')) {
            String directive = JsText.trim(parameter).toLowerCase(Locale.ROOT);
            if (directive.startsWith("max-age=")) {
                String digits = directive.substring(8, Math.min(directive.length(), 128));
                maxAge = Optional.of(JsText.parseInt(digits));
            }
        }
        if (maxAge.isEmpty()) {
            return Result.HEADER_INVALID;
        }
        // A max-age that is not a number (NaN) is not "less than" anything, so Observatory counts it as long enough.
        return maxAge.get() < SIX_MONTHS ? Result.MAX_AGE_LESS_THAN_SIX_MONTHS : Result.MAX_AGE_AT_LEAST_SIX_MONTHS;
    }
}
