package dev.veritas.checks.phishing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.network.HttpPageCapturer;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.RedirectHop;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who a page poses as, judged from what a visitor sees of its identity, on pages written for these tests: cloned
 * sign-in pages under brand-free names, and honest pages that mention brands, sign people in, or sell.
 */
class ImpersonationTest {
    private static final String LOGIN_FORM = "<form action='post.php' method='post'><input name='user' placeholder='Email or phone'>"
            + "<input type='password' name='pass' placeholder='Password'><button>Log in</button></form>";

    static PageCapture page(String url, String html) {
        URI u = URI.create(url);
        return HttpPageCapturer.fromResponse(u, u, 200, List.of(new RedirectHop(u, 200, Optional.empty())),
                HeaderMap.of(Map.of("Content-Type", List.of("text/html; charset=utf-8"))), html.getBytes(StandardCharsets.UTF_8), false);
    }

    private static Optional<Impersonation.Pose> pose(String url, String head, String body) {
        return Impersonation.of(page(url, "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>"));
    }

    // ---- cloned sign-in pages, whatever their host name ----

    @Test
    void aKnownBrandInTheTitleOfASignInPageOnABrandFreeHostIsAPose() {
        Optional<Impersonation.Pose> p = pose("https://maple-corner-2210.example/", "<title>Log in – Dropbox</title>", LOGIN_FORM);

        assertThat(p).hasValueSatisfying(x -> {
            assertThat(x.as().name()).isEqualTo("Dropbox");
            assertThat(x.asksForSecrets()).isTrue();
            assertThat(x.as().places()).contains("title");
        });
    }

    @Test
    void aLogoImageNamedByItsFileIsEnoughWithoutAnyBrandText() {
        Optional<Impersonation.Pose> p = pose("https://maple-corner-2210.example/", "<title>Sign in</title>",
                "<div class='header'><img class='logo' src='img/linkedin_logo_2x.png' alt=''></div>" + LOGIN_FORM);

        assertThat(p).hasValueSatisfying(x -> {
            assertThat(x.as().name()).isEqualTo("LinkedIn");
            assertThat(x.as().places()).containsExactly("logo");
        });
    }

    @Test
    void anIconServedFromTheBrandsOwnDomainShowsWhoTheCopyImitates() {
        Optional<Impersonation.Pose> p = pose("https://maple-corner-2210.example/",
                "<title>Sign in</title><link rel='icon' href='https://static.licdn.com/favicon.ico'>", LOGIN_FORM);

        assertThat(p).hasValueSatisfying(x -> assertThat(x.as().places()).containsExactly("icon"));
    }

    @Test
    void aServiceVeritasDoesNotKnowIsCaughtFromItsSignInPhraseOnAHostNotNamedAfterIt() {
        Optional<Impersonation.Pose> p = pose("https://maple-corner-2210.example/", "<title>Sign in</title>",
                "<h1>Sign in to Quillbox</h1>" + LOGIN_FORM);

        assertThat(p).hasValueSatisfying(x -> {
            assertThat(x.as().name()).isEqualTo("Quillbox");
            assertThat(x.as().brand()).isEmpty();
        });
    }

    @Test
    void aServiceVeritasDoesNotKnowNamedOnlyInTheTitleIsNotEnough() {
        assertThat(pose("https://maple-corner-2210.example/", "<title>Sign in · Quillbox</title>", LOGIN_FORM)).isEmpty();
    }

    @Test
    void aOneTimeCodeIsASecretToo() {
        Optional<Impersonation.Pose> p = pose("https://maple-corner-2210.example/", "<title>Instagram</title>",
                "<h1>Verify your account</h1><form action='code.php' method='post'><input name='code' autocomplete='one-time-code'"
                        + " placeholder='6-digit code'><button>Confirm</button></form>");

        assertThat(p).hasValueSatisfying(x -> assertThat(x.secrets()).isEqualTo("a one-time code"));
    }

    @Test
    void aPasswordAskedInAPlainTextBoxIsASecretToo() {
        Optional<Impersonation.Pose> p = pose("https://maple-corner-2210.example/", "<title>Free followers</title>",
                "<form action='get.php' method='post'><input name='username' placeholder='Your Instagram username'>"
                        + "<input name='password' placeholder='Your Instagram password'><input type='submit' value='Get followers'></form>");

        assertThat(p).hasValueSatisfying(x -> {
            assertThat(x.as().name()).isEqualTo("Instagram");
            assertThat(x.secrets()).isEqualTo("a password");
        });
    }

    @Test
    void aBrandNameSplitInTwoStillNamesTheBrand() {
        assertThat(pose("https://maple-corner-2210.example/", "<title>Tik Tok Login</title>", LOGIN_FORM))
                .hasValueSatisfying(x -> assertThat(x.as().name()).isEqualTo("TikTok"));
    }

    @Test
    void aLookAlikeHostOfAKnownBrandIsNotItsOwn() {
        assertThat(pose("https://dropbox-files-share.example/", "<title>Dropbox</title>", LOGIN_FORM)).isPresent();
    }

    // ---- honest pages ----

    @Test
    void theBrandOnItsOwnDomainIsItself() {
        assertThat(pose("https://www.dropbox.com/login", "<title>Log in – Dropbox</title>", LOGIN_FORM)).isEmpty();
    }

    @Test
    void aNewsArticleAboutABrandWithTheSitesOwnLoginIsNoPose() {
        String head = "<title>Facebook changes how you log in, again | The Daily Courier</title><meta property='og:site_name' content='The Daily Courier'>";
        String body = "<header><a href='/' class='logo'><img src='/img/courier.svg' alt='The Daily Courier'></a>" + LOGIN_FORM + "</header>"
                + "<article><h1>Facebook changes how you log in, again</h1><p>Facebook said on Tuesday that people who sign in to Facebook"
                + " will soon need a second step.</p><img src='/img/fb-screenshot.png' alt='Facebook login screen'></article>";

        assertThat(pose("https://www.dailycourier.example/tech/facebook-login", head, body)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sign in with Google", "Continue with Apple", "Log in with Facebook", "Connect with LinkedIn"})
    void signingInThroughAnotherCompanyIsNoPose(String option) {
        String body = "<h1>Welcome back</h1>" + LOGIN_FORM + "<a class='sso' href='/sso'><img src='/img/provider-logo.svg' alt='logo'> " + option + "</a>";

        assertThat(pose("https://app.northwind.example/login", "<title>Sign in · Northwind</title>", body)).isEmpty();
    }

    @Test
    void aSelfHostedBlogsLoginPageNamesTheSoftwareItRuns() {
        String body = "<h1><a href='https://wordpress.org/'>Powered by WordPress</a></h1>" + LOGIN_FORM;

        assertThat(pose("https://jane-writes.example/wp-login.php", "<title>Log In ‹ Sunny Mornings — WordPress</title>", body)).isEmpty();
    }

    @Test
    void aCheckoutShowingCardNetworksAndWalletsIsNoPose() {
        String body = "<h1>Checkout</h1><img src='/img/visa.svg' alt='Visa'><img src='/img/mastercard-logo.svg' alt='Mastercard'>"
                + "<img src='/img/paypal.svg' alt='PayPal'><form action='/pay' method='post'><input name='cardnumber' autocomplete='cc-number'>"
                + "<input name='cvc' autocomplete='cc-csc'><button>Pay</button></form>";

        assertThat(pose("https://www.teapot-shop.example/checkout", "<title>Checkout — Teapot Shop</title>", body)).isEmpty();
    }

    @Test
    void aSiteWhoseAddressResemblesItsNameIsGivenTheBenefitOfTheDoubt() {
        assertThat(pose("https://quillbox-eu.example/", "<title>Sign in · Quillbox</title>", "<h1>Sign in to Quillbox</h1>" + LOGIN_FORM)).isEmpty();
    }

    @Test
    void aPageThatAsksForNothingIsNotedOnlyWhenItShowsTheBrandAsItsNameTwice() {
        assertThat(pose("https://maple-corner-2210.example/", "<title>PayPal fees explained</title>", "<p>What it costs.</p>")).isEmpty();
        assertThat(pose("https://maple-corner-2210.example/", "<title>PayPal</title>", "<img class='logo' src='/pp.svg' alt='PayPal'>"))
                .hasValueSatisfying(x -> assertThat(x.asksForSecrets()).isFalse());
    }
}
