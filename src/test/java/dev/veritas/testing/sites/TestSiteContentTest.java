package dev.veritas.testing.sites;

import static dev.veritas.testing.sites.TestClients.getString;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sites' content, fetched from a running server the way a crawler would: every link resolves, nothing is loaded
 * from elsewhere, honest sites carry no dark-pattern wording, and each site holds what its README promises.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestSiteContentTest {
    /** Wording of urgency, scarcity, social proof and confirmshaming; none of it may appear on an honest site. */
    private static final Pattern DARK_WORDING = Pattern.compile("(?i)\\b(hurry|only|left in stock|limited|today"
            + "|ends in|ends soon|offer ends|countdown|people are|viewing|just bought|just purchased|selling fast"
            + "|demand|last chance|don't miss|act now|no thanks|while stocks|almost gone|going fast|sells out"
            + "|sold out|expires?|deadline)\\b");

    private final HttpClient client = TestClients.trustingCa(TestCa.shared());
    private final Map<TestSite, TestSiteServer> servers = new LinkedHashMap<>();
    private final Map<TestSite, Map<String, Document>> crawls = new LinkedHashMap<>();

    @BeforeAll
    void crawlEverySite() throws Exception {
        for (TestSite site : TestSite.values()) {
            TestSiteServer server = TestSiteServer.start(site);
            servers.put(site, server);
            crawls.put(site, crawl(server));
        }
    }

    @AfterAll
    void stop() {
        servers.values().forEach(TestSiteServer::close);
    }

    @ParameterizedTest
    @EnumSource(TestSite.class)
    void everySiteHasAtLeastFourLinkedPagesEachValidLooking(TestSite site) {
        Map<String, Document> pages = crawls.get(site);

        assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
        assertThat(pages).allSatisfy((path, page) -> {
            assertThat(page.select("head > meta[charset]").attr("charset")).as(path).isEqualToIgnoringCase("utf-8");
            assertThat(page.title()).as(path).isNotBlank();
            assertThat(page.select("html").attr("lang")).as(path).isEqualTo("en");
            assertThat(page.select("link[rel=stylesheet]")).as(path).isNotEmpty();
            assertThat(page.select("link[rel=icon]").attr("href")).as(path).isEqualTo("/favicon.ico");
            assertThat(page.select("h1")).as(path).hasSize(1);
        });
    }

    @ParameterizedTest
    @EnumSource(TestSite.class)
    void nothingIsLoadedOrLinkedFromAnotherHost(TestSite site) {
        assertThat(crawls.get(site)).allSatisfy((path, page) -> {
            for (Element e : page.select("[src], link[href], a[href]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                assertThat(url).as(path + ": " + e.outerHtml()).matches("(/[^/].*|/|#.*|mailto:.*|tel:.*)");
            }
            for (Element form : page.select("form")) {
                if (site != TestSite.PHISHING_CLONE) {
                    assertThat(form.attr("action")).as(path).startsWith("/");
                }
            }
        });
    }

    @ParameterizedTest
    @EnumSource(TestSite.class)
    void everyLinkedResourceIsServed(TestSite site) throws Exception {
        TestSiteServer server = servers.get(site);
        Set<String> resources = new TreeSet<>();
        crawls.get(site).values().forEach(page -> page.select("[src], link[href]")
                .forEach(e -> resources.add(e.hasAttr("src") ? e.attr("src") : e.attr("href"))));

        assertThat(resources).isNotEmpty();
        for (String path : resources) {
            HttpResponse<byte[]> response = client.send(TestClients.get(server.httpsUrl(path)),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isNotEmpty();
        }
        for (String asset : List.of("/favicon.ico", "/robots.txt")) {
            if (site == TestSite.HONEST_SHOP || site == TestSite.DARK_SHOP) {
                assertThat(getString(client, server.httpsUrl(asset)).statusCode()).as(asset).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestSite.class, names = {"HONEST_SHOP", "WEAK_HEADERS"})
    void honestSitesCarryNoDarkPatternWording(TestSite site) {
        assertThat(crawls.get(site)).allSatisfy((path, page) -> {
            assertThat(DARK_WORDING.matcher(page.text()).results().map(r -> r.group()).toList()).as(path).isEmpty();
            assertThat(page.select("input[checked]")).as(path + ": nothing pre-checked").isEmpty();
        });
    }

    @Test
    void honestShopUsesNothingItsCspWouldBlock() {
        assertThat(crawls.get(TestSite.HONEST_SHOP)).allSatisfy((path, page) -> {
            assertThat(page.select("style, [style]")).as(path + ": inline style").isEmpty();
            assertThat(page.select("script:not([src])")).as(path + ": inline script").isEmpty();
            assertThat(page.select("script[src]")).as(path).allSatisfy(s -> assertThat(s.attr("src")).startsWith("/"));
            assertThat(page.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on"))).as(path + ": event-handler attributes").isEmpty();
        });
        assertThat(crawls.get(TestSite.HONEST_SHOP).keySet())
                .containsExactlyInAnyOrder("/", "/cart", "/checkout", "/privacy", "/terms", "/contact", "/about");
    }

    @Test
    void honestShopStatesItsShippingReturnsAndContactDetails() {
        Map<String, Document> pages = crawls.get(TestSite.HONEST_SHOP);

        assertThat(pages.get("/").text()).contains("Free shipping on orders over $50", "In stock", "$18.00",
                "30 days");
        assertThat(pages.get("/terms").select("#returns").text()).isEqualTo("Returns");
        assertThat(pages.get("/contact").text()).contains("14 Harbor Lane", "Portland, ME 04101",
                "hello@harborlanegoods.example", "+1 (207) 555-0143");
        assertThat(pages.get("/checkout").select("#newsletter").hasAttr("checked")).isFalse();
    }

    @Test
    void darkShopShowsEveryPatternInTheElementItsReadmeNames() throws Exception {
        List<String[]> rows = readmePatternRows();
        Map<String, Document> pages = crawls.get(TestSite.DARK_SHOP);

        assertThat(rows).hasSizeGreaterThanOrEqualTo(12);
        assertThat(rows.stream().map(r -> r[1]).distinct()).as("pattern types").hasSizeGreaterThanOrEqualTo(11);
        for (String[] row : rows) {
            String page = row[2].equals("/") ? "/" : row[2];
            Element element = pages.get(page).selectFirst(row[3].replace("`", ""));
            assertThat(element).as(row[1] + " " + row[3] + " on " + page).isNotNull();
            assertThat(element.text()).as(row[1] + " " + row[3]).contains(row[4]);
        }
    }

    @Test
    void darkShopPatternsHaveTheirDomShape() throws Exception {
        Map<String, Document> pages = crawls.get(TestSite.DARK_SHOP);
        TestSiteServer server = servers.get(TestSite.DARK_SHOP);
        String css = getString(client, server.httpsUrl("/css/shop.css")).body();
        String js = getString(client, server.httpsUrl("/js/shop.js")).body();

        assertThat(pages.get("/").select("#countdown-timer").text()).isEqualTo("09:59");
        assertThat(js).contains("countDown('countdown-timer', 9 * 60 + 59);", "countDown('reserve-timer', 4 * 60 + 59);", "}, 1000);");
        assertThat(pages.get("/checkout").select("#reserve-timer").text()).isEqualTo("04:59");
        assertThat(pages.get("/").select("#purchase-toast").hasAttr("hidden")).isTrue();
        assertThat(js).contains("toast.hidden = false; }, 1000);");
        assertThat(pages.get("/").select("#newsletter-modal").hasAttr("hidden")).as("visible at load").isFalse();
        assertThat(pages.get("/").select("#vip-decline").hasClass("decline-link")).isTrue();
        assertThat(css).contains(".decline-link { font-size: 8px; color: #eeeeee; background: #ffffff;");
        assertThat(pages.get("/cart").select("input[type=checkbox][checked]").eachAttr("id"))
                .containsExactly("protection-plan", "weekly-offers");
        assertThat(pages.get("/cart").select(".cart-total").text()).doesNotContain("6.95");
    }

    @Test
    void phishingCloneNamesTheBrandPostsCredentialsAwayAndHasNoTransparencyPages() throws Exception {
        Map<String, Document> pages = crawls.get(TestSite.PHISHING_CLONE);
        TestSiteServer server = servers.get(TestSite.PHISHING_CLONE);
        Document login = pages.get("/");
        Document card = pages.get("/verify-card");

        assertThat(login.title()).isEqualTo("Log in to your PayPal account");
        assertThat(login.select("#brand-logo").attr("alt")).isEqualTo("PayPal");
        assertThat(login.select("#urgency-banner").text()).contains("will be suspended");
        Element form = login.selectFirst("#login-form");
        assertThat(URI.create(form.attr("action")).getHost()).isEqualTo("paypa1-account-verify.example");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.select("input[type=password]")).hasSize(1);
        assertThat(card.select("#card-form input").eachAttr("autocomplete")).contains("cc-number", "cc-exp", "cc-csc");
        assertThat(URI.create(card.selectFirst("#card-form").attr("action")).getHost())
                .isEqualTo("paypa1-account-verify.example");
        for (String path : List.of("/privacy", "/terms", "/contact", "/about", "/legal")) {
            assertThat(getString(client, server.httpsUrl(path)).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(pages.values()).allSatisfy(page -> assertThat(page.select("a").eachText())
                .noneMatch(t -> t.matches("(?i).*(privacy|terms|legal|contact|imprint).*")));
    }

    @Test
    void weakHeadersBakeryHasItsTransparencyPages() {
        Map<String, Document> pages = crawls.get(TestSite.WEAK_HEADERS);

        assertThat(pages.keySet()).containsExactlyInAnyOrder("/", "/menu", "/about", "/contact", "/privacy");
        assertThat(pages.get("/contact").text()).contains("8 Mill Street", "orders@crumbandco.example",
                "+1 (802) 555-0178");
        assertThat(pages.values()).allSatisfy(page -> assertThat(page.select("script")).isEmpty());
    }

    /** Breadth-first over same-site page links from {@code /}, as a crawler would; path → parsed page. */
    private Map<String, Document> crawl(TestSiteServer server) throws Exception {
        Map<String, Document> pages = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            if (pages.containsKey(path)) {
                continue;
            }
            HttpResponse<String> response = getString(client, server.httpsUrl(path));
            assertThat(response.statusCode()).as("linked page " + path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("text/html; charset=utf-8");
            Document page = Jsoup.parse(response.body(), server.httpsUrl(path));
            pages.put(path, page);
            for (Element link : page.select("a[href]")) {
                String href = link.attr("href");
                if (href.startsWith("/") && !href.startsWith("//")) {
                    queue.add(href.replaceAll("[#?].*", ""));
                }
            }
        }
        return pages;
    }

    /** The rows of dark-shop's README pattern table: category, pattern_type, page, element, text. */
    private List<String[]> readmePatternRows() throws Exception {
        String readme = Files.readString(SiteConfig.load(TestSite.DARK_SHOP).root().resolve("README.md"),
                StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : readme.lines().toList()) {
            String[] cells = line.split("\\|");
            if (cells.length == 6 && cells[4].contains("`")) {
                String[] row = new String[5];
                for (int i = 0; i < 5; i++) {
                    row[i] = cells[i + 1].strip();
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
