package dev.veritas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.capture.LinkFacts;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkPriorityTest {
    private static final URI SITE = URI.create("https://www.harborlane.com/");

    private static Optional<Integer> rank(String href, String text) {
        return LinkPriority.rank(new LinkFacts(URI.create(href), text, true), SITE);
    }

    @ParameterizedTest(name = "\"{1}\" {0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "/login                | Log in           | 0",
            "/x                    | Sign in          | 0",
            "/my-account           | ''               | 0",
            "/auth/verify          | ''               | 0",
            "/checkout             | ''               | 1",
            "/x                    | Billing          | 1",
            "/cart                 | ''               | 2",
            "/x                    | Basket (2)       | 2",
            "/pricing              | ''               | 3",
            "/x                    | Plans            | 3",
            "/membership           | ''               | 3",
            "/privacy-policy       | ''               | 4",
            "/x                    | Datenschutz      | 4",
            "/terms                | ''               | 5",
            "/x                    | Legal notice     | 5",
            "/agb                  | ''               | 5",
            "/contact              | ''               | 6",
            "/x                    | Help centre      | 6",
            "/impressum            | ''               | 6",
            "/about                | ''               | 7",
            "/x                    | Who we are       | 7",
            "/x                    | Log in           | 0",
            "/x                    | Create account   | 0",
            "/who-we-are           | ''               | 7",
            "/x                    | Cancel my order  | 8",
            "/refunds              | ''               | 8",
            "/products/teapot      | Blue teapot      | 9",
            "/x                    | Our blog in French | 9",
            "/customer_login       | ''               | 0",
            "/catalog/outdoor      | Catalog outdoor  | 9"})
    void linksRankByWhatTheyLeadTo(String path, String text, int expected) {
        assertThat(rank("https://www.harborlane.com" + path, text)).contains(expected);
    }

    @Test
    void unsubscribingRanksWithCancellationNotWithPricing() {
        assertThat(rank("https://www.harborlane.com/newsletter/unsubscribe", "Unsubscribe")).contains(8);
        assertThat(rank("https://www.harborlane.com/subscribe", "Subscribe")).contains(3);
    }

    @Test
    void loginComesBeforeCheckoutBeforePolicyPagesBeforeTheRest() {
        List<String> order = List.of("/products/1", "/about", "/privacy", "/cart", "/login", "/checkout", "/terms", "/contact", "/pricing")
                .stream().sorted(Comparator.comparing(p -> rank("https://www.harborlane.com" + p, "").orElseThrow())).toList();

        assertThat(order).containsExactly("/login", "/checkout", "/cart", "/pricing", "/privacy", "/terms", "/contact", "/about", "/products/1");
    }

    @Test
    void otherHostsOfTheSameSiteAreFollowed() {
        assertThat(rank("https://help.harborlane.com/", "Support")).contains(6);
        assertThat(rank("http://harborlane.com/login", "")).contains(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.other-shop.com/login", "https://harborlane.com.evil.example/login", "mailto:hi@harborlane.com",
            "tel:+12075550143", "javascript:void(0)", "ftp://www.harborlane.com/file"})
    void linksOffTheSiteOrNotWebPagesAreNotFollowed(String href) {
        assertThat(rank(href, "Login")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/terms.pdf", "/img/logo.PNG", "/downloads/app.zip", "/static/site.css", "/static/app.js", "/feed.xml",
            "/catalogue.docx", "/fonts/a.woff2"})
    void filesAreNotFollowed(String path) {
        assertThat(rank("https://www.harborlane.com" + path, "Terms")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/logout", "/account/log-out", "/signout"})
    void loggingOutIsNeverFollowed(String path) {
        assertThat(rank("https://www.harborlane.com" + path, "")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sign out", "Log out", "Logout", "sign_out"})
    void loggingOutIsRecognisedByTheLinkTextToo(String text) {
        assertThat(rank("https://www.harborlane.com/session/end", text)).isEmpty();
    }

    @Test
    void pagesAreNotMistakenForFiles() {
        assertThat(rank("https://www.harborlane.com/docs/guide.html", "")).contains(LinkPriority.OTHER);
        assertThat(rank("https://www.harborlane.com/", "Home")).contains(LinkPriority.OTHER);
    }

    // ---- keys ----

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "https://www.harborlane.com,              www.harborlane.com/",
            "https://www.harborlane.com/,             www.harborlane.com/",
            "https://WWW.Harborlane.com/Shop/,        www.harborlane.com/Shop",
            "https://www.harborlane.com/shop#reviews, www.harborlane.com/shop",
            "https://www.harborlane.com/s?q=tea&p=2,  www.harborlane.com/s?q=tea&p=2",
            "http://www.harborlane.com/shop,          www.harborlane.com/shop",
            "https://www.harborlane.com:8443/shop,    www.harborlane.com:8443/shop",
            "https://www.harborlane.com/a%20b,        www.harborlane.com/a%20b"})
    void keysIdentifyAPageWhateverItsSpelling(String url, String key) {
        assertThat(LinkPriority.key(URI.create(url))).isEqualTo(key);
    }

    @Test
    void theDefaultPortIsTheSamePage() {
        assertThat(LinkPriority.key(URI.create("https://www.harborlane.com:443/shop")))
                .isEqualTo(LinkPriority.key(URI.create("https://www.harborlane.com/shop")));
        assertThat(LinkPriority.key(URI.create("http://www.harborlane.com:80/shop")))
                .isEqualTo(LinkPriority.key(URI.create("http://www.harborlane.com/shop")));
    }

    @Test
    void differentQueriesAreDifferentPages() {
        assertThat(LinkPriority.key(URI.create("https://www.harborlane.com/s?p=1")))
                .isNotEqualTo(LinkPriority.key(URI.create("https://www.harborlane.com/s?p=2")));
    }
}
