package dev.veritas.checks.darkpatterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.Finding;
import dev.veritas.capture.CaptureSource;
import dev.veritas.capture.HeaderMap;
import dev.veritas.capture.network.HttpPageCapturer;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.RedirectHop;
import dev.veritas.capture.SiteCapture;
import dev.veritas.checks.DarkPatternCheck;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dark-pattern wording counts where pressure on a decision lives, on pages written for these tests. */
class TextPlacementTest {
    private static final String PROSE = "<p>" + "The council met on Tuesday to discuss the new library, which has been delayed twice since the spring. ".repeat(2)
            + "</p>";

    private static List<Finding> findings(String body) {
        URI u = URI.create("https://pages.example/");
        PageCapture p = HttpPageCapturer.fromResponse(u, u, 200, List.of(new RedirectHop(u, 200, Optional.empty())),
                HeaderMap.of(Map.of("Content-Type", List.of("text/html; charset=utf-8"))),
                ("<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8), false);
        SiteCapture c = new SiteCapture(u, CaptureSource.HTTP, Instant.parse("2025-06-02T10:00:00Z"), List.of(p), Optional.empty(),
                Optional.empty(), Map.of(), List.of());
        return new DarkPatternCheck().run(c).findings();
    }

    private static String article(String... paragraphs) {
        StringBuilder sb = new StringBuilder("<main><article><h1>News</h1>");
        for (int i = 0; i < 4; i++) {
            sb.append(PROSE);
        }
        for (String p : paragraphs) {
            sb.append("<p>").append(p).append("</p>");
        }
        return sb.append("</article></main>").toString();
    }

    @Test
    void pressureWordsInAnArticlesProsePressNoOne() {
        assertThat(findings(article("With just 18 months left in office, the mayor has little time to finish it.",
                "\"No, I would prefer not to make any change,\" she said.",
                "Tickets to the opening are in high demand, the organisers said.",
                "Readers noticed a sudden increase in 404 errors at 11:30 on Monday."))).isEmpty();
    }

    @Test
    void anOfferInsideAnArticleStillCounts() {
        List<Finding> f = findings(article() + "<aside class='promo'><div class='card'><span class='price'>$19.99</span>"
                + "<p>Only 2 left in stock</p><a href='/buy'>Buy now</a></div></aside>");

        assertThat(f).extracting(Finding::patternType).containsExactly("low_stock_message");
        assertThat(f.get(0).evidence().values()).containsEntry("beside_offer", true);
    }

    @Test
    void aLearnedLikenessCountsBesideAnOfferButNotAsAHeadlineElsewhere() {
        // No rule matches these; only the learned models do, and a likeness needs an offer to be pressure.
        String paraphrase = "Stock is running thin on this colour";
        assertThat(TextPatternClassifier.standard().classify(paraphrase)).hasValueSatisfying(m -> assertThat(m.source()).isEqualTo(TextMatch.Source.MODEL));

        List<Finding> besideOffer = findings("<main><div class='product'><h1>Tote</h1><p class='price'>€24.00</p><p>" + paraphrase
                + "</p><button>Add to cart</button></div></main>");
        List<Finding> headline = findings("<main><h2>" + paraphrase + "</h2><p>Our autumn lookbook is here.</p></main>");
        List<Finding> dialogSellingNothing = findings("<main><p>Autumn lookbook</p></main><div role='dialog'><p>" + paraphrase
                + "</p><button>Close</button></div>");

        assertThat(besideOffer).extracting(Finding::patternType).containsExactly("low_stock_message");
        assertThat(headline).isEmpty();
        assertThat(dialogSellingNothing).isEmpty();
    }

    @Test
    void aPopUpOnAnEditorialPageStillCounts() {
        List<Finding> f = findings(article() + "<div class='modal' role='dialog'><p>Get our newsletter</p>"
                + "<button>No thanks, I don't like saving money</button></div>");

        assertThat(f).extracting(Finding::patternType).containsExactly("confirmshaming");
    }

    @Test
    void aShopPageCountsShortMessagesAwayFromThePriceButNotItsFooter() {
        List<Finding> f = findings("<header><p class='bar'>Today only!</p></header><main><div class='product'><h1>Tote</h1>"
                + "<p class='price'>€24.00</p><p>Selling fast</p><button>Add to cart</button></div></main>"
                + "<footer><p>Hurry, our newsletter fills up fast</p></footer>");

        assertThat(f).extracting(Finding::patternType).containsExactlyInAnyOrder("limited_time_message", "high_demand_message");
    }

    @Test
    void aBareClockIsATimeShownNotACountdown() {
        assertThat(findings("<main><div class='video'><span>5:41:43</span><p>Highlights of the match</p></div></main>")).isEmpty();
        assertThat(findings("<main><p>Deal ends in 05:41:43</p></main>")).extracting(Finding::patternType).containsExactly("countdown_timer");
    }

    @Test
    void finePrintThatSignsPeopleUpCountsAtAnyLength() {
        String terms = "By placing this order you agree to join our Insider Club, which renews automatically at $39.95 per month until you cancel,"
                + " and you authorise us to charge the card on file each month, as described in the membership terms and conditions below.";

        assertThat(findings("<main><p>" + terms + "</p></main>")).extracting(Finding::patternType).containsExactly("hidden_subscription");
    }
}
