package dev.veritas.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import dev.veritas.checks.CheckOutcome.SignalReading;
import dev.veritas.checks.observatory.CorsProbe;
import dev.veritas.checks.observatory.HttpHeaders;
import dev.veritas.checks.observatory.HttpProbe;
import dev.veritas.checks.observatory.ObservatoryGrader;
import dev.veritas.checks.observatory.ObservatoryInput;
import dev.veritas.checks.observatory.ObservatoryNote;
import dev.veritas.checks.observatory.ObservatoryOutcome;
import dev.veritas.checks.observatory.RedirectHop;
import dev.veritas.checks.observatory.ScoreBreakdown;
import dev.veritas.checks.observatory.TestResult;
import dev.veritas.json.Json;
import dev.veritas.capture.TlsFacts;
import dev.veritas.hosts.HstsPreload;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security headers graded exactly as the MDN HTTP Observatory (algorithm v6) grades them, so a user who knows
 * Observatory grades sees the same grade. The report goes to {@code security_results.observatory}; every
 * failed test becomes a finding with its fix.
 */
public final class SecurityHeadersCheck implements FirstPageCheck {
    public static final String NAME = "security_headers";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOutcome judge(SiteCapture capture, PageCapture page) {
        ObservatoryOutcome outcome = ObservatoryGrader.grade(input(capture, page));
        ObjectNode details = Json.object();
        if (outcome instanceof ObservatoryOutcome.NotGraded ng) {
            details.putObject("observatory").put("graded", false).put("reason", ng.reason());
            return new CheckOutcome(NAME, Optional.empty(), List.of(), Optional.of(details));
        }
        ObservatoryOutcome.Graded g = (ObservatoryOutcome.Graded) outcome;
        ObjectNode report = (ObjectNode) Json.tree(g.report());
        ScoreBreakdown b = g.breakdown();
        ObjectNode breakdown = report.putObject("score_breakdown");
        breakdown.put("with_extra_credit", b.scoreWithExtraCredit()).put("uncurved", b.uncurvedScore()).put("bonuses_counted", b.bonusesCounted());
        breakdown.set("lost_bonuses", Json.tree(b.lostBonuses()));
        report.set("notes", Json.tree(g.notes()));
        details.set("observatory", report);

        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, TestResult> e : g.report().tests().entrySet()) {
            TestResult t = e.getValue();
            if (!t.pass()) {
                findings.add(FindingBuilder.finding("headers." + e.getKey())
                        .category("security")
                        .patternType(t.result())
                        .severity(severity(t.scoreModifier()))
                        .confidence(0.95)
                        .title(title(e.getKey(), t))
                        .description(t.description() + (t.recommendation().isBlank() ? "" : " " + t.recommendation()))
                        .plainEnglish(plain(e.getKey()))
                        .page(page.finalUrl())
                        .evidence(evidence(capture, page, e.getKey()).orElse(null), null, Map.of("result", t.result(), "score_modifier", t.scoreModifier()))
                        .build());
            }
        }
        for (ObservatoryNote n : g.notes()) {
            if (n.code().equals(ObservatoryNote.HTTPS_DOWNGRADE)) {
                findings.add(FindingBuilder.finding("headers.https_downgrade").category("security").patternType("https_downgrade")
                        .severity(Severity.HIGH).title("A redirect sends visitors from HTTPS back to plain HTTP")
                        .description(n.message()).plainEnglish("Part of the way to this site is not encrypted, so others on the network can read or change it.")
                        .page(page.finalUrl()).build());
            }
        }
        double score = Math.max(0, Math.min(100, g.report().score())) / 100.0;
        String summary = "Observatory grade " + g.report().grade() + " (" + g.report().score() + "/100), "
                + g.report().testsPassed() + " of " + (g.report().testsPassed() + g.report().testsFailed()) + " tests passed";
        return new CheckOutcome(NAME, Optional.of(new SignalReading(score, 0.9, summary)), findings, Optional.of(details));
    }

    /** The Observatory's verdict on the capture's first page, as this check reports it; empty without a page. */
    public static Optional<ObservatoryOutcome> observatory(SiteCapture capture) {
        return capture.firstPage().map(page -> ObservatoryGrader.grade(input(capture, page)));
    }

    static ObservatoryInput input(SiteCapture capture, PageCapture page) {
        List<URI> way = new ArrayList<>();
        page.redirects().forEach(hop -> way.add(hop.url()));
        way.add(page.finalUrl());
        List<URI> httpsSteps = way.stream().filter(u -> "https".equalsIgnoreCase(u.getScheme())).toList();
        String siteHost = hostOf(page.requestedUrl());
        Set<String> hosts = new HashSet<>();
        hosts.add(siteHost);
        way.forEach(u -> hosts.add(hostOf(u)));
        capture.httpProbe().ifPresent(p -> p.chain().forEach(hop -> hosts.add(hostOf(hop.url()))));
        HstsPreload preload = HstsPreload.chromium();
        ObservatoryInput.Builder in = ObservatoryInput.builder(page.finalUrl())
                .status(page.status())
                .headers(HttpHeaders.fromMultimap(page.headers().asMap()))
                .siteHost(siteHost)
                .httpsAvailable(!httpsSteps.isEmpty())
                .certificateValid(httpsSteps.stream().allMatch(u -> capture.tlsFor(u).map(TlsFacts::valid).orElse(true)))
                .preloadedHosts(hosts.stream().filter(preload::isPreloaded).collect(Collectors.toSet()));
        // The Observatory parses the body as received; a browser capture only has the page as re-serialised.
        in.body(capture.firstPageSource().orElseGet(() -> page.isHtml() ? page.html() : ""));
        capture.httpProbe().ifPresent(p -> in.httpProbe(p.reachable() && !p.chain().isEmpty()
                ? new HttpProbe.Redirects(p.chain().stream().map(h -> new RedirectHop(h.url(), h.status(), h.location())).toList())
                : HttpProbe.noHttpListener()));
        capture.corsProbe().ifPresent(p -> in.corsProbe(new CorsProbe(p.origin(), HttpHeaders.fromMultimap(p.headers().asMap()))));
        return in.build();
    }

    private static String hostOf(URI url) {
        String host = url.getHost() != null ? url.getHost() : url.getRawAuthority() == null ? "" : url.getRawAuthority();
        return host.toLowerCase(Locale.ROOT);
    }

    static Severity severity(int modifier) {
        if (modifier <= -40) {
            return Severity.HIGH;
        }
        if (modifier <= -20) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    private static String title(String test, TestResult t) {
        return switch (test) {
            case "content-security-policy" -> "Content Security Policy is missing or weak";
            case "cookies" -> "Cookies are not protected";
            case "cross-origin-resource-sharing" -> "Any website may read this site's responses with the visitor's credentials";
            case "redirection" -> "Plain HTTP does not redirect to HTTPS properly";
            case "referrer-policy" -> "Referrer policy is unsafe";
            case "strict-transport-security" -> "Strict-Transport-Security (HSTS) is missing or short";
            case "subresource-integrity" -> "Scripts from other sites load without integrity checks";
            case "x-content-type-options" -> "X-Content-Type-Options is missing";
            case "x-frame-options" -> "The site can be framed by other sites (clickjacking)";
            default -> "Security header test failed: " + test + " (" + t.result() + ")";
        };
    }

    private static String plain(String test) {
        return switch (test) {
            case "content-security-policy" -> "The site does not limit where its scripts may come from, so an injected script could run and steal what you type.";
            case "cookies" -> "Login cookies could be sent unencrypted or read by scripts, which makes stealing a session easier.";
            case "cross-origin-resource-sharing" -> "Other websites could read your data from this site while you are logged in.";
            case "redirection" -> "If you type the address without https, your connection may stay unencrypted.";
            case "strict-transport-security" -> "Your browser is not told to always use an encrypted connection to this site.";
            case "subresource-integrity" -> "If another site this page loads scripts from were hacked, this page would run the attacker's code.";
            case "x-frame-options" -> "Another site could show this page inside its own and trick you into clicking things.";
            default -> "A browser protection the site could switch on is not switched on.";
        };
    }

    private static Optional<String> evidence(SiteCapture capture, PageCapture page, String test) {
        String header = switch (test) {
            case "content-security-policy" -> "content-security-policy";
            case "strict-transport-security" -> "strict-transport-security";
            case "x-frame-options" -> "x-frame-options";
            case "x-content-type-options" -> "x-content-type-options";
            case "referrer-policy" -> "referrer-policy";
            case "cross-origin-resource-sharing" -> "access-control-allow-origin";
            default -> null;
        };
        if (header == null) {
            return Optional.empty();
        }
        // CORS is graded on the answer to the probe sent with an Origin header, not on the page's own response.
        List<String> v = (test.equals("cross-origin-resource-sharing") ? capture.corsProbe().map(SiteCapture.CorsProbe::headers).orElse(page.headers()) : page.headers()).all(header);
        return Optional.of(v.isEmpty() ? header + ": (not sent)" : header + ": " + String.join(", ", v));
    }
}
