package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code redirection}: whether plain {@code http://} sends visitors to HTTPS, first on the same host (so
 * the host's HSTS header can be seen), and ends on HTTPS. Where the HTTPS page ends up (a login page, a
 * port other than 443) does not matter.
 */
public final class RedirectionCheck implements ObservatoryCheck {
    public static final String NAME = "redirection";

    public enum Result implements ObservatoryResult {
        ALL_REDIRECTS_PRELOADED("redirection-all-redirects-preloaded", 0,
                "Every host in the redirect chain is on the HSTS preload list, so browsers never use plain HTTP.",
                ""),
        TO_HTTPS("redirection-to-https", 0,
                "Plain HTTP redirects to HTTPS on the same host first and ends on HTTPS.",
                ""),
        NOT_NEEDED_NO_HTTP("redirection-not-needed-no-http", 0,
                "Nothing answers on plain HTTP, so no redirect is needed.",
                ""),
        OFF_HOST_FROM_HTTP("redirection-off-host-from-http", -5,
                "The first redirect from HTTP goes to HTTPS on another host, so this host's HSTS header is never seen.",
                "Redirect to the same host on HTTPS first, then to the final host."),
        NOT_TO_HTTPS_ON_INITIAL_REDIRECTION("redirection-not-to-https-on-initial-redirection", -10,
                "HTTP ends up on HTTPS, but the first redirect goes to another plain-HTTP address that can be intercepted.",
                "Redirect to the same host on HTTPS first, then to the final host on HTTPS."),
        NOT_TO_HTTPS("redirection-not-to-https", -20,
                "HTTP redirects, but the final destination is not HTTPS.",
                "Redirect to the same host on HTTPS first, then to the final host on HTTPS."),
        MISSING("redirection-missing", -20,
                "The site answers on plain HTTP without redirecting to HTTPS.",
                "Redirect every plain-HTTP request to the same host on HTTPS."),
        INVALID_CERT("redirection-invalid-cert", -20,
                "The redirect chain reaches HTTPS with a certificate chain that is not valid.",
                "Install a valid TLS certificate.");

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
        Result result = classify(page.input());
        boolean pass = result == Result.NOT_NEEDED_NO_HTTP || result == Result.ALL_REDIRECTS_PRELOADED || result == Result.TO_HTTPS;
        return TestResult.of(result, pass);
    }

    private static Result classify(ObservatoryInput input) {
        if (!(input.httpProbe() instanceof HttpProbe.Redirects redirects)) {
            return Result.NOT_NEEDED_NO_HTTP;
        }
        List<RedirectHop> route = redirects.hops();
        // The plain-HTTP session only fails verification if it went through HTTPS with a bad certificate.
        boolean reachedHttps = route.stream().anyMatch(RedirectHop::isHttps);
        if (reachedHttps && !input.certificateValid()) {
            return Result.INVALID_CERT;
        }
        // A browser never asks a preloaded host for plain HTTP, so a chain of preloaded hosts is never at risk.
        boolean allPreloaded = route.stream().allMatch(hop -> input.isPreloaded(hop.hostname()));
        if (allPreloaded) {
            return Result.ALL_REDIRECTS_PRELOADED;
        }
        if (route.size() == 1) {
            return Result.MISSING;
        }
        if (!route.get(route.size() - 1).isHttps()) {
            return Result.NOT_TO_HTTPS;
        }
        if (route.get(1).isHttp()) {
            return Result.NOT_TO_HTTPS_ON_INITIAL_REDIRECTION;
        }
        if (route.get(0).isHttp() && route.get(1).isHttps() && !route.get(0).hostname().equals(route.get(1).hostname())) {
            return Result.OFF_HOST_FROM_HTTP;
        }
        return Result.TO_HTTPS;
    }

    /** Places where the chain went from HTTPS back to plain HTTP, which deserve their own warning. */
    static List<String> downgrades(HttpProbe probe) {
        List<String> found = new ArrayList<>();
        if (probe instanceof HttpProbe.Redirects redirects) {
            List<RedirectHop> hops = redirects.hops();
            for (int i = 1; i < hops.size(); i++) {
                if (hops.get(i - 1).isHttps() && hops.get(i).isHttp()) {
                    found.add(hops.get(i - 1).url() + " → " + hops.get(i).url());
                }
            }
        }
        return found;
    }
}
