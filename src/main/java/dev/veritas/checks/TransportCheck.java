package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.NetworkRequest;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.RedirectHop;
import dev.veritas.capture.ScriptFacts;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TlsFacts;
import dev.veritas.hosts.HstsPreload;
import dev.veritas.hosts.RegistrableDomain;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.util.Locale;
/**
 * Is the connection to the site private and honest: HTTPS, a certificate that is valid, current and for this
 * host, plain HTTP redirected to HTTPS, no insecure content in secure pages, and redirect chains that neither
 * loop, downgrade nor wander.
 */
public final class TransportCheck implements FirstPageCheck {
    public static final String NAME = "transport";
    private static final Set<String> ACTIVE = Set.of("script", "stylesheet", "xhr", "fetch", "document", "websocket", "eventsource");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TransportFinding> possibleFindings() {
        return List.of(TransportFinding.values());
    }

    @Override
    public CheckOutcome judge(SiteCapture capture, PageCapture page) {
        List<Finding> findings = new ArrayList<>();
        SignalTally tally = new SignalTally();

        if (!page.isHttps()) {
            findings.add(FindingBuilder.finding(TransportFinding.NO_HTTPS).confidence(1)
                    .title("The site is not served over HTTPS")
                    .description("The page at " + page.finalUrl() + " was delivered over plain HTTP, without encryption.")
                    .plainEnglish("Anything you send or see on this site can be read or changed by others on the network, such as public Wi-Fi.")
                    .page(page.finalUrl()).screenshot(page.firstScreenshot()).build());
            tally.atMost(0.3, "no HTTPS");
        } else {
            Optional<TlsFacts> tls = capture.tlsFor(page.finalUrl());
            if (tls.isPresent() && !tls.get().valid()) {
                TlsFacts t = tls.get();
                TransportFinding kind = t.expired() ? TransportFinding.CERTIFICATE_EXPIRED : t.hostnameMismatch() ? TransportFinding.CERTIFICATE_WRONG_HOST
                        : t.selfSigned() ? TransportFinding.CERTIFICATE_SELF_SIGNED : TransportFinding.CERTIFICATE_UNTRUSTED;
                findings.add(FindingBuilder.finding(kind).confidence(0.95)
                        .title("The site's certificate is not valid")
                        .description("TLS certificate problem for " + t.host() + ": " + t.problem().orElse("not trusted")
                                + t.notAfter().map(na -> " (valid until " + na + ")").orElse("") + t.issuer().map(i -> "; issued by " + i).orElse(""))
                        .plainEnglish("Your browser would warn you about this site: its identity cannot be confirmed, so you may not be talking to who you think.")
                        .page(page.finalUrl()).evidence(t.problem().orElse("invalid certificate"), null,
                                Map.of("expired", t.expired(), "self_signed", t.selfSigned(), "wrong_host", t.hostnameMismatch()))
                        .build());
                tally.atMost(0.15, "invalid certificate");
            } else if (tls.isPresent() && tls.get().notAfter().isPresent()
                    && tls.get().notAfter().get().isBefore(capture.startedAt().plus(Duration.ofDays(14)))) {
                findings.add(FindingBuilder.finding(TransportFinding.CERTIFICATE_EXPIRING).confidence(0.9)
                        .title("The certificate expires within two weeks")
                        .description("The certificate of " + tls.get().host() + " is valid until " + tls.get().notAfter().get() + ".")
                        .plainEnglish("The site's security certificate is about to run out; if it is not renewed, browsers will warn visitors.")
                        .page(page.finalUrl()).build());
                tally.deduct(0.05);
            }
            mixedContent(page, findings, tally);
        }
        httpRedirect(capture, page, findings, tally);
        redirectChain(capture, page, findings, tally);
        return tally.outcome(NAME, 0.95, "HTTPS with a valid certificate and clean redirects", findings);
    }

    private static void mixedContent(PageCapture page, List<Finding> findings, SignalTally tally) {
        Set<String> active = new LinkedHashSet<>();
        Set<String> passive = new LinkedHashSet<>();
        // A browser also reports the page's own navigation (e.g. http:// redirected to https://); that is the
        // redirect chain, judged below, not insecure content inside the secure page.
        Set<URI> navigation = new HashSet<>();
        navigation.add(page.requestedUrl());
        page.redirects().forEach(h -> navigation.add(h.url()));
        for (NetworkRequest r : page.requests()) {
            if ("http".equalsIgnoreCase(r.url().getScheme()) && !navigation.contains(r.url())) {
                (ACTIVE.contains(r.resourceType()) ? active : passive).add(r.url().toString());
            }
        }
        for (ScriptFacts s : page.scripts()) {
            s.src().filter(src -> src.toLowerCase(Locale.ROOT).startsWith("http://")).ifPresent(active::add);
        }
        if (!active.isEmpty()) {
            findings.add(FindingBuilder.finding(TransportFinding.MIXED_CONTENT_ACTIVE).confidence(0.9)
                    .title("A secure page loads scripts or styles over plain HTTP")
                    .description(active.size() + " script/style/data requests use http:// on an https:// page: " + String.join(", ", first(active, 3)))
                    .plainEnglish("Someone on the network could swap those files and take over the page, even though the address bar shows a padlock.")
                    .page(page.finalUrl()).evidence(String.join("\n", first(active, 10))).build());
            tally.deduct(0.3, "active mixed content");
        }
        if (!passive.isEmpty()) {
            findings.add(FindingBuilder.finding(TransportFinding.MIXED_CONTENT_PASSIVE).confidence(0.9)
                    .title("A secure page loads images or media over plain HTTP")
                    .description(passive.size() + " images/media use http://: " + String.join(", ", first(passive, 3)))
                    .plainEnglish("Some pictures on this page travel unencrypted, so others can see or replace them.")
                    .page(page.finalUrl()).evidence(String.join("\n", first(passive, 10))).build());
            tally.deduct(0.05);
        }
    }

    private static void httpRedirect(SiteCapture capture, PageCapture page, List<Finding> findings, SignalTally tally) {
        if (capture.httpProbe().isEmpty() || !page.isHttps()) {
            return;
        }
        SiteCapture.HttpProbe probe = capture.httpProbe().get();
        if (!probe.reachable() || probe.chain().isEmpty()) {
            return; // nothing listens on plain HTTP: nothing to redirect
        }
        if (preloaded(probe.url())) {
            // Browsers reach a host on the HSTS preload list over HTTPS only: what its plain-HTTP address does is never seen.
            return;
        }
        if (probe.error().isPresent()) {
            // A loop or an endless chain: the plain address leads nowhere, which is neither "no redirect" nor fine.
            findings.add(FindingBuilder.finding(TransportFinding.HTTP_REDIRECT_BROKEN).confidence(0.9)
                    .title("The plain HTTP address never reaches a page")
                    .description("Requesting " + probe.url() + " fails after " + probe.chain().size() + " responses: " + probe.error().get() + ".")
                    .plainEnglish("If you type the address without https://, the browser goes round in circles and shows an error.")
                    .page(probe.url()).evidence(String.join(" → ", probe.chain().stream().map(h -> h.url().toString()).toList())).build());
            tally.deduct(0.15, "plain HTTP redirects in a loop");
            return;
        }
        RedirectHop last = probe.chain().get(probe.chain().size() - 1);
        boolean endsHttps = "https".equalsIgnoreCase(last.url().getScheme());
        if (!endsHttps) {
            findings.add(FindingBuilder.finding(TransportFinding.NO_HTTP_REDIRECT).confidence(0.9)
                    .title("Plain HTTP is not redirected to HTTPS")
                    .description("Requesting " + probe.url() + " ends at " + last.url() + " (status " + last.status() + ") instead of an https:// page.")
                    .plainEnglish("If you type the address without https://, you stay on an unencrypted connection.")
                    .page(probe.url()).build());
            tally.deduct(0.15, "no redirect from HTTP to HTTPS");
        }
    }

    private static void redirectChain(SiteCapture capture, PageCapture page, List<Finding> findings, SignalTally tally) {
        List<RedirectHop> hops = page.redirects();
        for (int i = 1; i < hops.size(); i++) {
            // A redirect to plain HTTP on a preloaded host is upgraded by the browser before it leaves the machine.
            if ("https".equalsIgnoreCase(hops.get(i - 1).url().getScheme()) && "http".equalsIgnoreCase(hops.get(i).url().getScheme())
                    && !preloaded(hops.get(i).url())) {
                findings.add(FindingBuilder.finding(TransportFinding.HTTPS_DOWNGRADE).confidence(0.95)
                        .title("A redirect downgrades HTTPS to plain HTTP")
                        .description(hops.get(i - 1).url() + " redirects to " + hops.get(i).url())
                        .plainEnglish("The site moves you from an encrypted connection to an unencrypted one.")
                        .page(page.finalUrl()).build());
                tally.deduct(0.4, "HTTPS downgrade");
                break;
            }
        }
        int redirects = Math.max(0, hops.size() - 1);
        if (redirects > 3) {
            findings.add(FindingBuilder.finding(TransportFinding.EXCESSIVE_REDIRECTS)
                    .severity(redirects > 5 ? Severity.MEDIUM : Severity.LOW).confidence(0.9)
                    .title("Many redirects before the page (" + redirects + ")")
                    .description("The address passes through " + redirects + " redirects: "
                            + String.join(" → ", hops.stream().map(h -> h.url().toString()).toList()))
                    .plainEnglish("Long chains of redirects are common in tracking and in scams that hide where you end up.")
                    .page(page.finalUrl()).build());
            tally.deduct(redirects > 5 ? 0.15 : 0.05);
        }
        URI target = capture.target();
        if (!RegistrableDomain.sameSite(target, page.finalUrl())) {
            findings.add(FindingBuilder.finding(TransportFinding.REDIRECT_OFF_SITE).confidence(0.9)
                    .title("The address leads to another site")
                    .description(target + " ends at " + page.finalUrl())
                    .plainEnglish("The link you audited sends you to a different website than its name suggests.")
                    .page(page.finalUrl()).build());
            tally.deduct(0.05);
        }
    }

    private static boolean preloaded(URI url) {
        return url.getHost() != null && HstsPreload.chromium().isPreloaded(url.getHost());
    }

    private static List<String> first(Set<String> s, int n) {
        return s.stream().limit(n).toList();
    }
}
