package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.FormFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TextSegment;
import dev.veritas.capture.UrlGuard;
import dev.veritas.checks.CheckOutcome.SignalReading;
import dev.veritas.checks.phishing.Brand;
import dev.veritas.checks.phishing.Brands;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlSignal;
import dev.veritas.checks.phishing.UrlVerdict;
import dev.veritas.web.RegistrableDomain;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** "Sign in with Google", "Continue with Apple": a sign-in option naming another company, not a pose. */
    private static final Pattern SIGN_IN_WITH = Pattern.compile(
            "\\b(?:(?:sign|log)[ -]?(?:in|on|up)|login|continue|connect|register|join)\\s+(?:with|using|via|through)\\s+(?!your\\b|my\\b|the\\b)\\S+",
            Pattern.CASE_INSENSITIVE);

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
        double score = 1.0;
        List<String> why = new ArrayList<>();

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
                score = Math.min(score, 1 - v.probability() * (asksSecrets ? 0.8 : 0.4));
                why.add("phishing-like address");
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
                    score = Math.min(score, 0.1);
                    why.add(what + " sent to another site");
                }
                if (insecure) {
                    findings.add(FindingBuilder.finding(PhishingFinding.CREDENTIAL_FORM_INSECURE).confidence(0.95)
                            .title("A form sends " + what + " without encryption")
                            .description("The form on " + page.finalUrl() + " asks for " + what + " and submits to " + action + " over plain HTTP.")
                            .plainEnglish("Anyone on the same network could read the " + what + " you type here.")
                            .page(page.finalUrl()).evidence("form action=" + action, form.selector(), Map.of("action", action.toString()))
                            .screenshot(page.firstScreenshot()).build());
                    score = Math.min(score, 0.2);
                    why.add(what + " sent without encryption");
                }
                if (password && form.method().equals("get") && !scripted) { // action="javascript:…": the page's script sends it
                    findings.add(FindingBuilder.finding(PhishingFinding.CREDENTIAL_FORM_GET).confidence(0.9)
                            .title("A password form puts the password in the address")
                            .description("The password form on " + page.finalUrl() + " uses GET, so the password ends up in URLs and logs.")
                            .plainEnglish("Your password would be written into the web address, where it is saved in history and server logs.")
                            .page(page.finalUrl()).evidence("method=get", form.selector(), Map.of()).build());
                    score = Math.min(score, 0.5);
                }
            }
            impersonation(page).ifPresent(f -> findings.add(f));
        }
        if (findings.stream().anyMatch(f -> PhishingFinding.BRAND_IMPERSONATION.isKindOf(f))) {
            score = 0;
            why.add("brand impersonation");
        }
        String summary = why.isEmpty() ? "no phishing signals" : String.join(", ", new LinkedHashSet<>(why));
        return CheckOutcome.of(NAME, new SignalReading(score, 0.9, summary), findings);
    }

    /** A well-known brand named in the title or beside a login form, on a host that is not the brand's. */
    private Optional<Finding> impersonation(PageCapture page) {
        String host = page.finalUrl().getHost();
        if (host == null) {
            return Optional.empty();
        }
        boolean asksPassword = page.forms().stream().anyMatch(FormFacts::asksForPassword);
        boolean asksSecrets = asksPassword || page.forms().stream().anyMatch(FormFacts::asksForCard);
        List<Brand> inTitle = Brands.namedIn(page.title());
        List<Brand> candidates = new ArrayList<>(inTitle);
        if (asksPassword) {
            // Beside a login form; "Sign in with Google" offers another way in and does not pose as Google. A checkout
            // naturally names card networks, wallets and carriers (Mastercard, PayPal, UPS), so card forms count
            // only with the brand in the title.
            candidates.addAll(Brands.namedIn(page.segments().stream().filter(TextSegment::visible).limit(300)
                    .map(s -> SIGN_IN_WITH.matcher(s.text()).replaceAll(" ")).collect(Collectors.joining(" \n "))));
        }
        for (Brand b : candidates) {
            if (b.isOfficial(host)) {
                continue;
            }
            if (!asksSecrets && !inTitle.contains(b)) {
                continue;
            }
            Severity severity = asksSecrets ? Severity.CRITICAL : Severity.MEDIUM;
            return Optional.of(FindingBuilder.finding(asksSecrets ? PhishingFinding.BRAND_IMPERSONATION : PhishingFinding.BRAND_IN_TITLE).severity(severity).confidence(asksSecrets ? 0.9 : 0.5)
                    .title(asksSecrets ? "The page poses as " + b.name() + " and asks for secrets" : "The page title names " + b.name())
                    .description("The page names " + b.name() + (inTitle.contains(b) ? " in its title" : " in its text")
                            + " but is served from " + host + ", which is not one of " + b.name() + "'s domains ("
                            + String.join(", ", b.officialDomains().stream().sorted().limit(3).toList()) + ")."
                            + (asksSecrets ? " It also asks for a password or card details." : ""))
                    .plainEnglish(asksSecrets
                            ? "This looks like " + b.name() + " but is not " + b.name() + "'s website. Do not enter your " + b.name() + " password or card here."
                            : "The page uses the name " + b.name() + " but is not run by " + b.name() + ".")
                    .page(page.finalUrl()).evidence(page.title(), "title", Map.of("brand", b.name(), "host", host))
                    .screenshot(page.firstScreenshot()).build());
        }
        return Optional.empty();
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
