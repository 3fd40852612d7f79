package dev.veritas.checks;

import static dev.veritas.testing.Captures.STARTED;
import static dev.veritas.testing.Captures.cardForm;
import static dev.veritas.testing.Captures.certificate;
import static dev.veritas.testing.Captures.checkbox;
import static dev.veritas.testing.Captures.control;
import static dev.veritas.testing.Captures.counterReading;
import static dev.veritas.testing.Captures.form;
import static dev.veritas.testing.Captures.hop;
import static dev.veritas.testing.Captures.input;
import static dev.veritas.testing.Captures.inlineScript;
import static dev.veritas.testing.Captures.loginForm;
import static dev.veritas.testing.Captures.observed;
import static dev.veritas.testing.Captures.page;
import static dev.veritas.testing.Captures.script;
import static dev.veritas.testing.Captures.site;
import static dev.veritas.testing.Captures.timerReading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.veritas.audit.Finding;
import dev.veritas.capture.BrandMark;
import dev.veritas.capture.BrandingFacts;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TemporalFacts.Reading;
import dev.veritas.checks.darkpatterns.PatternType;
import dev.veritas.testing.Captures.PageBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
/**
 * One capture per finding kind every check declares: each kind can be emitted by its check, with the kind's id,
 * category and pattern type. A kind added without a capture here fails {@link #everyDeclaredKindHasACapture()}.
 */
class AllFindingsReachableTest {
    private static final String SHOP = "https://shop.example/";

    /** A healthy shop page with a product, its price and a buy button: text on it is judged as shop text. */
    private static PageBuilder product(String... text) {
        List<String> all = new ArrayList<>(List.of("Linen shirt", "$49.00"));
        all.addAll(List.of(text));
        return page(SHOP + "linen-shirt").title("Linen shirt – Shop").text(all.toArray(String[]::new)).control(control("Add to cart"))
                .link(SHOP + "privacy", "Privacy policy").link(SHOP + "terms", "Terms").link(SHOP + "contact", "Contact us");
    }

    private static SiteCapture shop(PageBuilder... pages) {
        return site(pages).validCertificates().httpRedirectsToHttps().build();
    }

    private static PageBuilder healthy(String url) {
        return page(url).title("Shop").link(SHOP + "privacy", "Privacy policy").link(SHOP + "terms", "Terms").link(SHOP + "contact", "Contact us");
    }

    private static final Map<FindingKind, Supplier<SiteCapture>> CAPTURES = captures();

    private static Map<FindingKind, Supplier<SiteCapture>> captures() {
        Map<FindingKind, Supplier<SiteCapture>> m = new LinkedHashMap<>();
        // phishing
        m.put(PhishingFinding.SUSPICIOUS_URL, () -> shop(healthy("http://paypal.com.secure-account-verify.tk/webscr/cmd=login/update.php?session=8f3a2")));
        m.put(PhishingFinding.CREDENTIAL_FORM_CROSS_SITE, () -> shop(healthy(SHOP + "login").form(loginForm("https://collector.example/take"))));
        m.put(PhishingFinding.CARD_FORM_CROSS_SITE, () -> shop(healthy(SHOP + "pay").form(cardForm("https://collector.example/take"))));
        m.put(PhishingFinding.CREDENTIAL_FORM_INSECURE, () -> shop(healthy(SHOP + "login").form(loginForm("http://shop.example/session"))));
        m.put(PhishingFinding.CREDENTIAL_FORM_GET, () -> shop(healthy(SHOP + "login").form(form(SHOP + "session", "get",
                input("email", "email"), input("password", "password")))));
        m.put(PhishingFinding.BRAND_IMPERSONATION, () -> shop(healthy("https://account-help.example/").title("Log in to your PayPal account")
                .form(loginForm("https://account-help.example/login.php"))));
        m.put(PhishingFinding.BRAND_IN_TITLE, () -> shop(healthy("https://deals-today.example/").title("PayPal").branding(new BrandingFacts(List.of(),
                List.of(new BrandMark(BrandMark.IMG, "https://deals-today.example/pp.svg", "PayPal", "", "logo", true, "", true)), List.of(), Optional.empty()))));
        m.put(PhishingFinding.LURE_PAGE, () -> site(page("https://prize-draw.example/").title("Win a prize: vote now")
                .form(form("https://prize-draw.example/step2", "get", input("text", "name")))).validCertificates().build());
        // transport
        m.put(TransportFinding.NO_HTTPS, () -> site(healthy("http://shop.example/")).build());
        m.put(TransportFinding.CERTIFICATE_EXPIRED, () -> certificateProblem(true, false, false));
        m.put(TransportFinding.CERTIFICATE_SELF_SIGNED, () -> certificateProblem(false, true, false));
        m.put(TransportFinding.CERTIFICATE_WRONG_HOST, () -> certificateProblem(false, false, true));
        m.put(TransportFinding.CERTIFICATE_UNTRUSTED, () -> certificateProblem(false, false, false));
        m.put(TransportFinding.CERTIFICATE_EXPIRING, () -> site(healthy(SHOP)).tls(certificate("shop.example", true, Optional.empty(),
                false, false, false, STARTED.plus(Duration.ofDays(3)))).httpRedirectsToHttps().build());
        m.put(TransportFinding.MIXED_CONTENT_ACTIVE, () -> shop(healthy(SHOP).request("http://cdn.example/app.js", "script")));
        m.put(TransportFinding.MIXED_CONTENT_PASSIVE, () -> shop(healthy(SHOP).request("http://cdn.example/shirt.jpg", "image")));
        m.put(TransportFinding.HTTP_REDIRECT_BROKEN, () -> site(healthy(SHOP)).validCertificates().httpProbe(new SiteCapture.HttpProbe(
                URI.create("http://shop.example/"), true, List.of(hop("http://shop.example/", 301, "http://shop.example/a"),
                hop("http://shop.example/a", 301, "http://shop.example/")), Optional.of("redirect loop"))).build());
        m.put(TransportFinding.NO_HTTP_REDIRECT, () -> site(healthy(SHOP)).validCertificates().httpProbe(hop("http://shop.example/", 200)).build());
        m.put(TransportFinding.HTTPS_DOWNGRADE, () -> site(healthy("http://shop.example/plain").redirects(hop(SHOP, 302, "http://shop.example/plain"),
                hop("http://shop.example/plain", 200))).build());
        m.put(TransportFinding.EXCESSIVE_REDIRECTS, () -> shop(healthy(SHOP + "5").redirects(hop(SHOP + "1", 302), hop(SHOP + "2", 302),
                hop(SHOP + "3", 302), hop(SHOP + "4", 302), hop(SHOP + "5", 200))));
        m.put(TransportFinding.REDIRECT_OFF_SITE, () -> site(healthy("https://elsewhere.example/")).target(SHOP).validCertificates().build());
        // scripts
        m.put(ScriptsFinding.CRYPTOMINER, () -> shop(healthy(SHOP).script(inlineScript("var miner = new CoinHive.Anonymous('key'); miner.start();"))));
        m.put(ScriptsFinding.OBFUSCATION, () -> shop(healthy(SHOP).script(inlineScript(
                "eval(function(p,a,c,k,e,d){e=function(c){return c};if(!''.replace(/^/,String)){while(c--)d[c]=k[c]||c}return p}('0 1',2,2,'a|b'.split('|'),0,{}))"))));
        m.put(ScriptsFinding.MANY_THIRD_PARTIES, () -> {
            PageBuilder p = healthy(SHOP);
            for (int i = 0; i < 16; i++) {
                p.script(script("https://cdn" + i + ".tracker" + i + ".example/t.js"));
            }
            return shop(p);
        });
        // transparency
        m.put(TransparencyFinding.NO_PRIVACY_POLICY, () -> shop(page(SHOP).title("Shop").link(SHOP + "terms", "Terms").link(SHOP + "contact", "Contact")));
        m.put(TransparencyFinding.NO_TERMS, () -> shop(page(SHOP).title("Shop").link(SHOP + "privacy", "Privacy").link(SHOP + "contact", "Contact")));
        m.put(CaptureFinding.PAGE_CUT_SHORT, () -> shop(healthy(SHOP).cutShort("the page stopped answering: reading the page took longer than 10 s")));
        m.put(TransparencyFinding.NO_CONTACT, () -> shop(page(SHOP).title("Shop").link(SHOP + "privacy", "Privacy").link(SHOP + "terms", "Terms")));
        // dark patterns read from text
        Map<PatternType, String> texts = new LinkedHashMap<>();
        texts.put(PatternType.SNEAK_INTO_BASKET, "A cleaning kit was automatically added to your cart");
        texts.put(PatternType.HIDDEN_COSTS, "Convenience fee: $4.00");
        texts.put(PatternType.HIDDEN_SUBSCRIPTION, "*You will be enrolled in autoship and billed $89.97 every 30 days");
        texts.put(PatternType.COUNTDOWN_TIMER, "Deal of the day 03:12:45");
        texts.put(PatternType.LIMITED_TIME_MESSAGE, "Limited-time price");
        texts.put(PatternType.CONFIRMSHAMING, "No thanks, I'll pass on savings");
        texts.put(PatternType.VISUAL_INTERFERENCE, "YES! GIVE ME 25% OFF no, continue to site");
        texts.put(PatternType.TRICK_QUESTIONS, "Tick the box if you don't want special offers");
        texts.put(PatternType.PRESSURED_SELLING, "Get accidental damage cover for your laptop for only $49");
        texts.put(PatternType.ACTIVITY_NOTIFICATION, "14 shoppers are considering this shirt");
        texts.put(PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN, "I lost 14 lbs in 3 weeks without dieting! - Jennifer, USA");
        texts.put(PatternType.LOW_STOCK_MESSAGE, "Only 3 left in stock");
        texts.put(PatternType.HIGH_DEMAND_MESSAGE, "This shirt is in very high demand");
        texts.put(PatternType.HARD_TO_CANCEL, "Subscription cancellations must be made by phone to our member services team");
        texts.put(PatternType.FORCED_ENROLLMENT, "To continue, agree to receive marketing emails from our partners");
        texts.forEach((type, text) -> m.put(DarkPatternFinding.text(type), () -> shop(product(text))));
        // dark patterns seen in the DOM, across pages and over time
        m.put(DarkPatternFinding.HIDDEN_FEE, () -> shop(page(SHOP + "cart").title("Your cart").text("Linen shirt $49.00", "Subtotal $49.00"),
                page(SHOP + "checkout").title("Checkout").text("Linen shirt $49.00", "Service and handling fee", "$6.95", "Total to pay $55.95")));
        m.put(DarkPatternFinding.PRESELECTED_OPTION, () -> shop(product().checkbox(checkbox("Add 2-year protection plan (+$19.99)", true))));
        m.put(DarkPatternFinding.HIDDEN_DECLINE, () -> shop(product().control(control("No thanks", 8, 1, 1.3))));
        m.put(DarkPatternFinding.FAKE_COUNTDOWN, () -> shop(product().timer(observed("Offer ends in 09:59", timerReading(Reading.LOAD, 0, "09:59"),
                timerReading(Reading.LATER, 3000, "09:56"), timerReading(Reading.RELOAD, 8000, "09:59"))).screenshots(0, 1)));
        m.put(DarkPatternFinding.FAKE_SCARCITY, () -> shop(product().counter(observed("Only 3 left in stock", counterReading(Reading.LOAD, 0, "Only 3 left"),
                counterReading(Reading.LATER, 3000, "Only 3 left"), counterReading(Reading.RELOAD, 8000, "Only 5 left")))));
        // security headers: a page without any header fails the header tests; the others need a header or a probe
        for (SecurityHeaderFindings.Kind k : SecurityHeaderFindings.all()) {
            m.put(k, () -> headersFailing(k.testName()));
        }
        return m;
    }

    private static SiteCapture certificateProblem(boolean expired, boolean selfSigned, boolean wrongHost) {
        return site(healthy(SHOP)).tls(certificate("shop.example", false, Optional.of("broken"), expired, selfSigned, wrongHost,
                STARTED.plus(Duration.ofDays(90)))).httpRedirectsToHttps().build();
    }

    private static SiteCapture headersFailing(String test) {
        PageBuilder p = healthy(SHOP);
        switch (test) {
            case "cookies" -> p.header("Set-Cookie", "SESSIONID=a");
            case "cross-origin-embedder-policy" -> p.header("Cross-Origin-Embedder-Policy", "nonsense");
            case "cross-origin-opener-policy" -> p.header("Cross-Origin-Opener-Policy", "nonsense");
            case "cross-origin-resource-policy" -> p.header("Cross-Origin-Resource-Policy", "nonsense");
            case "referrer-policy" -> p.header("Referrer-Policy", "unsafe-url");
            case "subresource-integrity" -> p.html("<html><head><script src=\"https://cdn.example.net/lib.js\"></script></head><body>x</body></html>");
            default -> { }
        }
        var s = site(p).validCertificates();
        switch (test) {
            case "redirection" -> s.httpProbe(hop("http://shop.example/", 200));
            case "https_downgrade" -> s.httpProbe(hop("http://shop.example/", 301, SHOP), hop(SHOP, 302, "http://shop.example/plain"),
                    hop("http://shop.example/plain", 200));
            case "cross-origin-resource-sharing" -> s.httpRedirectsToHttps().cors(HeaderMap.builder()
                    .add("Access-Control-Allow-Origin", SiteCapture.CorsProbe.ORIGIN).add("Access-Control-Allow-Credentials", "true").build());
            default -> s.httpRedirectsToHttps();
        }
        return s.build();
    }

    static Stream<Arguments> everyKind() {
        List<Arguments> out = new ArrayList<>();
        for (Check check : Checks.standard()) {
            for (FindingKind kind : Checks.declaredBy(check)) {
                out.add(arguments(check.name(), kind.id(), check, kind));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyKind")
    void eachKindCanBeEmittedByItsCheck(String checkName, String id, Check check, FindingKind kind) {
        Supplier<SiteCapture> capture = CAPTURES.get(kind);
        assertThat(capture).as("a capture that makes %s emit %s", checkName, id).isNotNull();

        List<Finding> findings = check.run(capture.get()).findings();

        assertThat(findings).as("findings of %s", checkName).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo(kind.id());
            assertThat(f.category()).isEqualTo(kind.category());
            if (!(kind instanceof SecurityHeaderFindings.Kind)) { // a header finding's pattern type is the Observatory's result
                assertThat(f.patternType()).isEqualTo(kind.patternType());
            }
        });
    }

    @Test
    void everyDeclaredKindHasACapture() {
        List<FindingKind> declared = Checks.standard().stream().flatMap(c -> Checks.declaredBy(c).stream()).map(FindingKind.class::cast).toList();

        assertThat(CAPTURES.keySet()).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(FindingKinds.all()).containsExactlyInAnyOrderElementsOf(declared);
    }
}
