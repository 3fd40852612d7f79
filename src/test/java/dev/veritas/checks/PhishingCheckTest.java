package dev.veritas.checks;

import static dev.veritas.testing.Captures.cardForm;
import static dev.veritas.testing.Captures.form;
import static dev.veritas.testing.Captures.input;
import static dev.veritas.testing.Captures.loginForm;
import static dev.veritas.testing.Captures.page;
import static dev.veritas.testing.Captures.site;
import static dev.veritas.testing.Outcomes.ids;
import static dev.veritas.testing.Outcomes.only;
import static dev.veritas.testing.Outcomes.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.BrandMark;
import dev.veritas.capture.BrandingFacts;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TextSegment;
import dev.veritas.testing.Captures.PageBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhishingCheckTest {
    /** A shop whose address the URL model finds ordinary. */
    private static final String SHOP = "https://www.fashionshop.com/";
    private static final String LOGIN = "https://www.fashionshop.com/login";
    private final PhishingCheck check = new PhishingCheck();

    private CheckOutcome run(PageBuilder... pages) {
        return check.run(site(pages).build());
    }

    private static BrandingFacts headings(String... headings) {
        return new BrandingFacts(List.of(headings), List.of(), List.of(), Optional.empty());
    }

    @Test
    void anOrdinaryShopHasNoPhishingSignals() {
        CheckOutcome o = run(page(SHOP).title("Fashion Shop").text("New arrivals", "Free returns within 30 days"),
                page(LOGIN).title("Sign in").form(loginForm(LOGIN)));

        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("no phishing signals");
    }

    // ---- forms ----

    @Test
    void aPasswordFormPostingToAnotherSiteIsCritical() {
        CheckOutcome o = run(page(LOGIN).form(loginForm("https://collect.formsink.net/p.php")));

        Finding f = only(o, "phishing.credential_form_cross_site");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.patternType()).isEqualTo("credential_harvesting");
        assertThat(f.title()).contains("a password");
        assertThat(f.description()).contains("formsink.net");
        assertThat(f.evidence().values()).containsEntry("action", "https://collect.formsink.net/p.php").containsEntry("method", "post");
        assertThat(score(o)).isLessThanOrEqualTo(0.1);
    }

    @Test
    void aCardFormPostingToAnotherSiteIsCritical() {
        CheckOutcome o = run(page("https://www.fashionshop.com/checkout").form(cardForm("https://pay.cardsink.net/c.php")));

        Finding f = only(o, "phishing.card_form_cross_site");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.title()).contains("card details");
        assertThat(score(o)).isLessThanOrEqualTo(0.1);
    }

    @Test
    void aPasswordFormPostingToAnotherHostOfTheSameSiteIsFine() {
        CheckOutcome o = run(page(LOGIN).form(loginForm("https://accounts.fashionshop.com/session")));

        assertThat(o.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.stripe.com/v1/tokens", "https://www.paypal.com/cgi-bin/webscr", "https://checkout-live.adyen.com/pay",
            "https://secure.mollie.com/pay"})
    void aCardFormPostingToAKnownPaymentProcessorIsFine(String action) {
        CheckOutcome o = run(page("https://www.fashionshop.com/checkout").form(cardForm(action)));

        assertThat(ids(o)).doesNotContain("phishing.card_form_cross_site");
    }

    @Test
    void aPasswordFormOnAPlainHttpPageIsInsecure() {
        CheckOutcome o = run(page("http://www.fashionshop.com/login").form(loginForm(null)));

        Finding f = only(o, "phishing.credential_form_insecure");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.description()).contains("plain HTTP");
        assertThat(score(o)).isLessThanOrEqualTo(0.2);
    }

    @Test
    void aSecurePageSendingACardFormOverPlainHttpIsInsecure() {
        CheckOutcome o = run(page("https://www.fashionshop.com/checkout").form(cardForm("http://www.fashionshop.com/pay")));

        assertThat(ids(o)).containsExactly("phishing.credential_form_insecure");
    }

    @Test
    void aPasswordFormSentWithGetPutsThePasswordInTheAddress() {
        CheckOutcome o = run(page(LOGIN).form(form(LOGIN, "get", input("text", "user"), input("password", "pw"))));

        Finding f = only(o, "phishing.credential_form_get");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(score(o)).isEqualTo(0.5);
    }

    @Test
    void aCardFormSentWithGetIsNotAPasswordInTheAddress() {
        CheckOutcome o = run(page("https://www.fashionshop.com/checkout")
                .form(form("https://www.fashionshop.com/pay", "get", input("text", "cardnumber"))));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aFormWhoseActionIsAScriptIsJudgedByThePage() {
        // <form action="javascript:void(0)">: the page's own script sends the fields; there is no plain-HTTP or GET submission.
        CheckOutcome o = run(page(LOGIN).form(form("javascript:void(0)", "get", input("email", "email"), input("password", "pw"))));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aScriptedFormOnAPlainHttpPageIsStillInsecure() {
        CheckOutcome o = run(page("http://www.fashionshop.com/login").form(form("javascript:void(0)", "post", input("password", "pw"))));

        assertThat(ids(o)).contains("phishing.credential_form_insecure").doesNotContain("phishing.credential_form_cross_site");
    }

    @Test
    void formsWithoutPasswordOrCardFieldsAreNotJudged() {
        CheckOutcome o = run(page(SHOP).form(form("http://search.other-engine.net/q", "get", input("text", "q"), input("email", "email"))));

        assertThat(o.findings()).isEmpty();
    }

    // ---- brands ----

    @Test
    void aBrandInTheTitleOfAPageAskingForAPasswordIsImpersonation() {
        CheckOutcome o = run(page(LOGIN).title("PayPal: Log in to your account").form(loginForm(LOGIN)));

        Finding f = only(o, "phishing.brand_impersonation");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.patternType()).isEqualTo("brand_impersonation");
        assertThat(f.evidence().values()).containsEntry("brand", "PayPal").containsEntry("host", "www.fashionshop.com");
        assertThat(f.description()).contains("(title").contains("paypal.com");
        assertThat(f.plainEnglish()).contains("Do not enter your PayPal password");
        assertThat(score(o)).isZero();
        assertThat(o.signal().orElseThrow().summary()).contains("brand impersonation");
    }

    @Test
    void aSignInHeadingNamingABrandBesideALoginFormIsImpersonation() {
        CheckOutcome o = run(page(LOGIN).title("Sign in").branding(headings("Sign in to your PayPal account")).form(loginForm(LOGIN)));

        Finding f = only(o, "phishing.brand_impersonation");
        assertThat(f.description()).contains("sign_in_phrase");
        assertThat(score(o)).isZero();
    }

    @Test
    void aBrandNamedInAParagraphOfALoginPageIsNotImpersonation() {
        CheckOutcome o = run(page(LOGIN).title("Sign in — Fashion Shop").text("Sign in to your PayPal account to see your payments")
                .form(loginForm(LOGIN)));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aBrandInTheTitleOfACardFormIsImpersonation() {
        CheckOutcome o = run(page("https://www.fashionshop.com/billing").title("Netflix — update your payment").form(cardForm("https://www.fashionshop.com/billing")));

        assertThat(only(o, "phishing.brand_impersonation").evidence().values()).containsEntry("brand", "Netflix");
    }

    @Test
    void aHiddenBrandMentionDoesNotCount() {
        CheckOutcome o = run(page(LOGIN).title("Sign in")
                .segment(new TextSegment("Sign in to your PayPal account", "p", "#x", 16, false, 0, TextSegment.AT_LOAD))
                .form(loginForm(LOGIN)));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void theBrandOnItsOwnDomainIsNotImpersonation() {
        CheckOutcome o = run(page("https://www.paypal.com/signin").title("Log in to your PayPal account")
                .text("Log in to your PayPal account").form(loginForm("https://www.paypal.com/signin")));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aShortHeadlineNamingABrandOnAPageAskingNothingIsNoFinding() {
        CheckOutcome o = run(page("https://www.fashionshop.com/blog/paypal-fees").title("PayPal fees explained"));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aPageShowingABrandAsItsNameWithoutAFormIsOnlyALowFindingThatLeavesTheScore() {
        CheckOutcome o = run(page("https://www.fashionshop.com/offers").title("PayPal")
                .branding(new BrandingFacts(List.of(), List.of(new BrandMark(BrandMark.IMG, "https://www.fashionshop.com/pp.svg", "PayPal", "", "logo",
                        true, "", true)), List.of(), Optional.empty())));

        Finding f = only(o, "phishing.brand_in_title");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.confidence()).isEqualTo(0.5);
        assertThat(score(o)).isEqualTo(1.0);
    }

    @Test
    void aBrandMerelyMentionedInTheTextWithoutAFormIsNothing() {
        CheckOutcome o = run(page(SHOP).title("Fashion Shop").text("We ship with UPS and DHL", "Pay with PayPal or Mastercard"));

        assertThat(o.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sign in with Google", "Continue with Apple", "Log in with Facebook", "Sign up using Microsoft",
            "Or connect with LinkedIn"})
    void aSignInOptionOfAnotherCompanyBesideALoginFormIsNotImpersonation(String option) {
        CheckOutcome o = run(page(LOGIN).title("Sign in — Fashion Shop").text("Welcome back", option).form(loginForm(LOGIN)));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void signingInWithYourAccountOfABrandIsStillImpersonation() {
        CheckOutcome o = run(page(LOGIN).title("Sign in").branding(headings("Sign in with your Microsoft account")).form(loginForm(LOGIN)));

        assertThat(only(o, "phishing.brand_impersonation").evidence().values()).containsEntry("brand", "Microsoft");
    }

    @Test
    void aCheckoutNamingCardNetworksWalletsAndCarriersIsNotImpersonation() {
        CheckOutcome o = run(page("https://www.fashionshop.com/checkout").title("Checkout — Fashion Shop")
                .text("We accept Mastercard, American Express and PayPal", "Apple Pay and Google Pay welcome", "Shipped by UPS or FedEx")
                .form(cardForm("https://www.fashionshop.com/checkout")));

        assertThat(o.findings()).isEmpty();
    }

    // ---- the address ----

    @Test
    void aDeceptivePublicAddressIsFlaggedWithItsReasons() {
        String url = "http://paypal.com.secure-login.verify-account.tk/signin";
        SiteCapture c = site(page(url).title("Welcome")).build();

        CheckOutcome o = check.run(c);

        Finding f = only(o, "phishing.suspicious_url");
        assertThat(f.patternType()).isEqualTo("deceptive_url");
        assertThat(f.severity()).as("an address alone is medium evidence").isEqualTo(Severity.MEDIUM);
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(f.evidence().text()).contains(url);
        assertThat(f.evidence().values()).containsKeys("probability", "signals").containsEntry("asks_for_secrets", false);
        assertThat(f.description()).contains("% phishing-like");
        assertThat(score(o)).isLessThanOrEqualTo(1 - f.confidence() * 0.4 + 1e-9);
    }

    @Test
    void aDeceptiveAddressThatAsksForAPasswordWeighsMore() {
        String url = "http://paypal.com.secure-login.verify-account.tk/signin";
        SiteCapture c = site(page(url).title("Welcome").form(loginForm("/login"))).build();

        CheckOutcome o = check.run(c);

        Finding f = ids(o).contains("phishing.suspicious_url") ? o.findings().stream().filter(x -> x.checkId().equals("phishing.suspicious_url")).findFirst().orElseThrow() : null;
        assertThat(f).isNotNull();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence().values()).containsEntry("asks_for_secrets", true);
        assertThat(score(o)).isLessThanOrEqualTo(1 - f.confidence() * 0.8 + 1e-9);
    }

    @Test
    void pagesTheCrawlOpenedOnTheSameSiteAreNotAddressChecked() {
        CheckOutcome o = run(page("https://www.harborlane.com/"), page("https://login.harborlane.com/"));
        assertThat(ids(o)).doesNotContain("phishing.suspicious_url");
    }

    @Test
    void eachHostIsAssessedOnce() {
        String host = "http://paypal.com.secure-login.verify-account.tk";
        CheckOutcome o = run(page(host + "/signin"), page(host + "/verify"));

        assertThat(ids(o)).containsExactly("phishing.suspicious_url");
    }

    @Test
    void theSamePathOnAPublicIpAddressIsFlagged() {
        CheckOutcome o = run(page("http://45.77.12.9/paypal/webscr/login.php?cmd=_login-run"));

        assertThat(ids(o)).contains("phishing.suspicious_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://192.168.13.7/paypal/webscr/login.php?cmd=_login-run",
            "http://10.0.0.5/admin/login.php",
            "http://127.0.0.1:8080/login",
            "http://[::1]:8080/paypal/webscr/login.php",
            "http://[fd12:3456::1]/paypal/webscr/login.php?cmd=_login-run",
            "http://100.101.102.103:3000/paypal/webscr/login.php",
            "http://169.254.10.1/login.php",
            "http://localhost:8080/login",
            "http://nas.local:8080/login",
            "http://grafana.internal/login",
            "http://nas:8080/paypal/webscr/login.php"})
    void localNetworkAddressesSkipTheUrlModel(String url) {
        CheckOutcome o = run(page(url));

        assertThat(ids(o)).doesNotContain("phishing.suspicious_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "10.1.2.3", "127.0.0.1", "[::1]", "[fd00::1]", "100.64.0.1", "169.254.169.254", "localhost",
            "LOCALHOST", "printer.local", "db.internal", "intranet"})
    void localHostsAreRecognisedWithoutResolvingNames(String host) {
        assertThat(PhishingCheck.isPrivateAddress(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "45.77.12.9", "[2606:4700::1111]", "www.fashionshop.com", "paypal.com.secure-login.tk"})
    void publicHostsAreNotLocal(String host) {
        assertThat(PhishingCheck.isPrivateAddress(host)).isFalse();
    }
}
