package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.FormFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.network.UrlGuard;
import dev.veritas.checks.phishing.Brand;
import dev.veritas.checks.phishing.IdentityClaim;
import dev.veritas.checks.phishing.Impersonation;
import dev.veritas.checks.phishing.LurePage;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlSignal;
import dev.veritas.checks.phishing.UrlVerdict;
import dev.veritas.hosts.RegistrableDomain;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Signs that a site fishes for credentials: an address built to deceive, password or card forms that send
 * what you type to another site or over plain HTTP, and a well-known brand named on a page that is not the
 * brand's.
 */
public final class PhishingCheck implements Check {
    public static final String NAME = "phishing";

    /** Payment processors a shop may legitimately send card forms to. */
    private static final Set<String> PAYMENT_PROCESSORS = Set.of("stripe.com", "paypal.com", "squareup.com", "braintreegateway.com",
            "adyen.com", "shopify.com", "razorpay.com", "2checkout.com", "authorize.net", "checkout.com", "klarna.com", "mollie.com",
            "worldpay.com", "sagepay.com", "opayo.co.uk", "paddle.com", "gocardless.com");

    private final PhishingUrlClassifier classifier;

    public PhishingCheck(PhishingUrlClassifier classifier) {
        this.classifier = classifier;
    }

    public PhishingCheck() {
        this(PhishingUrlClassifier.standard());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PhishingFinding> possibleFindings() {
        return List.of(PhishingFinding.values());
    }

    @Override
    public CheckOutcome run(SiteCapture capture) {
        List<Finding> findings = new ArrayList<>();
        SignalTally tally = new SignalTally();

        // The address model judges the address the user meant to visit (and where it landed), not every page the
        // crawl opened: an honest shop's own login page is not a second, suspicious address.
        boolean asksSecrets = capture.pages().stream().flatMap(p -> p.forms().stream()).anyMatch(f -> f.asksForPassword() || f.asksForCard());
        Set<String> hostsSeen = new LinkedHashSet<>();
        List<URI> urls = new ArrayList<>();
        urls.add(capture.target());
        capture.firstPage().ifPresent(p -> urls.add(p.finalUrl()));
        for (URI u : urls) {
            if (u.getHost() == null || !hostsSeen.add(u.getHost().toLowerCase(Locale.ROOT)) || isPrivateAddress(u.getHost())) {
                continue; // the URL model knows public addresses; an intranet IP is not a phishing signal
            }
            UrlVerdict v = classifier.assess(u.toString());
            if (v.phishing()) {
                String reasons = v.reasons().stream().limit(4).map(UrlSignal::explanation).collect(Collectors.joining("; "));
                findings.add(FindingBuilder.finding(PhishingFinding.SUSPICIOUS_URL)
                        .severity(v.probability() >= 0.9 && asksSecrets ? Severity.HIGH : Severity.MEDIUM).confidence(v.probability())
                        .title("The address looks like a phishing address")
                        .description("URL signals (" + Math.round(v.probability() * 100) + "% phishing-like): " + reasons)
                        .plainEnglish("The web address is built the way fake sites build theirs: " + reasons + ".")
                        .page(u).evidence(u.toString(), null, Map.of("probability", round(v.probability()),
                                "signals", v.reasons().stream().limit(6).map(UrlSignal::name).toList(), "asks_for_secrets", asksSecrets))
                        .build());
                // An address alone is weaker evidence than an address that also asks for a password or card.
                tally.atMost(1 - v.probability() * (asksSecrets ? 0.8 : 0.4), "phishing-like address");
            }
        }

        for (PageCapture page : capture.pages()) {
            for (FormFacts form : page.forms()) {
                boolean password = form.asksForPassword();
                boolean card = form.asksForCard();
                if (!password && !card) {
                    continue;
                }
                String what = password && card ? "password and card details" : password ? "a password" : "card details";
                URI action = form.action().filter(a -> !"javascript".equalsIgnoreCase(a.getScheme())).orElse(page.finalUrl());
                boolean scripted = form.action().map(a -> "javascript".equalsIgnoreCase(a.getScheme())).orElse(false);
                boolean insecure = !"https".equalsIgnoreCase(action.getScheme()) || !page.isHttps();
                boolean crossSite = action.getHost() != null && !RegistrableDomain.sameSite(action, page.finalUrl())
                        && !PAYMENT_PROCESSORS.contains(RegistrableDomain.siteOf(action.getHost()));
                if (crossSite) {
                    findings.add(FindingBuilder.finding(password ? PhishingFinding.CREDENTIAL_FORM_CROSS_SITE : PhishingFinding.CARD_FORM_CROSS_SITE).confidence(0.9)
                            .title("A form sends " + what + " to another site")
                            .description("The form on " + page.finalUrl() + " asks for " + what + " and submits to " + action
                                    + ", a different site (" + RegistrableDomain.siteOf(action.getHost()) + ").")
                            .plainEnglish("What you type into this form goes to a different website than the one you are on — the classic way fake login pages collect passwords.")
                            .page(page.finalUrl()).evidence("form action=" + action, form.selector(), Map.of("action", action.toString(), "method", form.method()))
                            .screenshot(page.firstScreenshot()).build());
                    tally.atMost(0.1, what + " sent to another site");
                }
                if (insecure) {
                    findings.add(FindingBuilder.finding(PhishingFinding.CREDENTIAL_FORM_INSECURE).confidence(0.95)
                            .title("A form sends " + what + " without encryption")
                            .description("The form on " + page.finalUrl() + " asks for " + what + " and submits to " + action + " over plain HTTP.")
                            .plainEnglish("Anyone on the same network could read the " + what + " you type here.")
                            .page(page.finalUrl()).evidence("form action=" + action, form.selector(), Map.of("action", action.toString()))
                            .screenshot(page.firstScreenshot()).build());
                    tally.atMost(0.2, what + " sent without encryption");
                }
                if (password && form.method().equals("get") && !scripted) { // action="javascript:…": the page's script sends it
                    findings.add(FindingBuilder.finding(PhishingFinding.CREDENTIAL_FORM_GET).confidence(0.9)
                            .title("A password form puts the password in the address")
                            .description("The password form on " + page.finalUrl() + " uses GET, so the password ends up in URLs and logs.")
                            .plainEnglish("Your password would be written into the web address, where it is saved in history and server logs.")
                            .page(page.finalUrl()).evidence("method=get", form.selector(), Map.of()).build());
                    tally.atMost(0.5);
                }
            }
            impersonation(page).ifPresent(f -> findings.add(f));
            lure(page).ifPresent(f -> {
                findings.add(f);
                tally.note("a bare prize or survey lure");
            });
        }
        if (findings.stream().anyMatch(f -> PhishingFinding.BRAND_IMPERSONATION.isKindOf(f))) {
            tally.atMost(0, "brand impersonation");
        } else if (findings.stream().anyMatch(PhishingFinding.LURE_PAGE::isKindOf)) {
            tally.atMost(0.2);
        }
        return tally.outcome(NAME, 0.9, "no phishing signals", findings);
    }

    /**
     * The page presents itself as a brand or a named service that its host is not (title, logo, icon, headings, the
     * sign-in form's words): critical when it asks for a password, a one-time code or card details there, whatever
     * its host name; a low note when it only names the brand as its own.
     */
    private Optional<Finding> impersonation(PageCapture page) {
        Optional<Impersonation.Pose> pose = Impersonation.of(page);
        if (pose.isEmpty()) {
            return Optional.empty();
        }
        Impersonation.Pose p = pose.get();
        String host = page.finalUrl().getHost();
        String name = p.as().name();
        IdentityClaim shown = p.as().strongest();
        String where = String.join(", ", p.as().places());
        Optional<Brand> brand = p.as().brand();
        String domains = brand.map(b -> " (" + String.join(", ", b.officialDomains().stream().sorted().limit(3).toList()) + ")").orElse("");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("brand", name);
        values.put("host", host);
        values.put("shown_in", p.as().places());
        values.put("known_brand", brand.isPresent());
        values.put("identity_weight", p.as().weight());
        values.put("own_name_weight", p.ownWeight());
        if (!p.asksForSecrets()) {
            if (brand.isEmpty()) {
                return Optional.empty(); // a name Veritas does not know, on a page that asks for nothing: nothing to warn about
            }
            return Optional.of(FindingBuilder.finding(PhishingFinding.BRAND_IN_TITLE).confidence(0.5)
                    .title("The page presents itself as " + name)
                    .description("The page shows " + name + " as its name (" + where + ") but is served from " + host + ", which is not one of "
                            + name + "'s domains" + domains + ". It asks for no password or card details.")
                    .plainEnglish("The page uses the name " + name + " but is not run by " + name + ".")
                    .page(page.finalUrl()).evidence(shown.evidence(), shown.where().wire(), values)
                    .screenshot(page.firstScreenshot()).build());
        }
        values.put("asks_for", p.secrets());
        return Optional.of(FindingBuilder.finding(PhishingFinding.BRAND_IMPERSONATION).confidence(brand.isPresent() ? 0.9 : 0.8)
                .title("The page poses as " + name + " and asks for secrets")
                .description("The page presents itself as " + name + " (" + where + ": “" + clip(shown.evidence()) + "”) but is served from "
                        + host + (brand.isPresent() ? ", which is not one of " + name + "'s domains" + domains : ", which is not named after " + name)
                        + ", and asks for " + p.secrets() + ".")
                .plainEnglish("This looks like " + name + " but is not " + name + "'s website. Do not enter your " + name + " password, codes or card here.")
                .page(page.finalUrl()).evidence(shown.evidence(), shown.where().wire(), values)
                .screenshot(page.firstScreenshot()).build());
    }

    /** A page that promises a prize, a reward or a vote and is only a form to the next step, with no link to anything. */
    private static Optional<Finding> lure(PageCapture page) {
        return LurePage.of(page).map(l -> FindingBuilder.finding(PhishingFinding.LURE_PAGE).confidence(0.75)
                .title("The page is a bare prize, vote or survey lure")
                .description("The page promises something (" + l.shownIn() + ": “" + clip(l.promise()) + "”) and is nothing but a form that leads to "
                        + l.nextStep() + ", with no link to a home page, a privacy policy or a contact: the opening of a prize, poll or survey scam.")
                .plainEnglish("Pages like this promise a reward or ask for a vote, then ask for your password or card on the next page. "
                        + "Nothing on it says who runs it.")
                .page(page.finalUrl()).evidence(l.promise(), l.shownIn(), Map.of("next_step", l.nextStep().toString()))
                .screenshot(page.firstScreenshot()).build());
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 120 ? t.substring(0, 119) + "…" : t;
    }

    /**
     * An address of a local network: a non-public IP (private, loopback, link-local, shared 100.64/10, unique local
     * fc00::/7 …), a local name (localhost, *.local, *.internal) or a name of one label. Never resolves a name.
     */
    static boolean isPrivateAddress(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (!RegistrableDomain.isIpAddress(h)) {
            return UrlGuard.isLocalName(h) || !h.contains(".");
        }
        try {
            return !UrlGuard.isPublicAddress(InetAddress.getByName(h.startsWith("[") ? h.substring(1, h.length() - 1) : h));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
