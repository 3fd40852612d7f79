package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.List;

/**
 * Pages for tests, set up like the empty request of Observatory's own test suite: {@code https://mozilla.org/},
 * status 200, {@code Content-Type: text/html}, a valid certificate, and plain HTTP redirecting
 * {@code http://mozilla.org/ → https://mozilla.org/ → https://www.mozilla.org/}.
 */
final class Pages {
    static final String PAGE_URL = "https://mozilla.org/";

    private Pages() {}

    static ObservatoryInput.Builder page(String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "text/html"));
        headers.addAll(List.of(extraHeaders));
        return ObservatoryInput.builder(PAGE_URL)
                .headers(HttpHeaders.of(headers.toArray(String[]::new)))
                .httpProbe(HttpProbe.redirects(
                        RedirectHop.of("http://mozilla.org/", 301, "https://mozilla.org/"),
                        RedirectHop.of("https://mozilla.org/", 301, "https://www.mozilla.org/"),
                        RedirectHop.of("https://www.mozilla.org/", 200)));
    }

    static TestResult run(ObservatoryInput.Builder page, String test) {
        return ObservatoryGrader.runTests(page.build()).get(test);
    }

    static ObservatoryOutcome.Graded grade(ObservatoryInput.Builder page) {
        ObservatoryOutcome outcome = ObservatoryGrader.grade(page.build());
        if (outcome instanceof ObservatoryOutcome.Graded graded) {
            return graded;
        }
        throw new AssertionError("expected a graded outcome, got " + outcome);
    }

    static String html(String head) {
        return "<!doctype html><html><head>" + head + "</head><body></body></html>";
    }
}
