package dev.veritas.checks;

import static dev.veritas.testing.Captures.cardForm;
import static dev.veritas.testing.Captures.loginForm;
import static dev.veritas.testing.Captures.page;
import static dev.veritas.testing.Captures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.checks.SiteTypeCheck.Classification;
import dev.veritas.checks.SiteTypeCheck.SiteType;
import dev.veritas.testing.Captures.PageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteTypeCheckTest {
    private static Classification classify(PageBuilder... pages) {
        return SiteTypeCheck.classify(site(pages).build());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ECOMMERCE | Linen shirt — Fashion Shop | Add to cart; Free shipping over $50; In stock; Price: $39; 30-day returns",
            "FINANCIAL | Online banking             | Check your account balance; Apply for a loan or a mortgage; Transfer money with your IBAN",
            "SAAS      | Plans and pricing          | Start your free trial; $12 per month; Connect the API and integrations; Your dashboard",
            "COMPANY   | Smith & Partners           | About us; Our team; Careers; Our services for clients; Founded in 1998; Contact us",
            "OTHER     | Hello                      | Welcome to my page; Thoughts on walking"})
    void theWordsOfAPageTellItsType(SiteType expected, String title, String texts) {
        Classification c = classify(page("https://www.site.com/").title(title).text(texts.split(";\\s*")));

        assertThat(c.type()).isEqualTo(expected);
        assertThat(c.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void tooFewHintsMeanOtherWithLowConfidence() {
        Classification c = classify(page("https://www.site.com/").title("Prices").text("A page"));

        assertThat(c).isEqualTo(new Classification(SiteType.OTHER, 0.3));
    }

    @Test
    void confidenceIsTheWinnersShareOfAllHints() {
        // ecommerce: cart, checkout, price = 3; saas: pricing = 1
        Classification c = classify(page("https://www.site.com/").text("cart", "checkout", "price", "pricing"));

        assertThat(c).isEqualTo(new Classification(SiteType.ECOMMERCE, 0.75));
    }

    @Test
    void aCardFormTipsTheBalanceToAShop() {
        Classification c = classify(page("https://www.site.com/pay").text("Your order").form(cardForm("https://www.site.com/pay")));

        assertThat(c.type()).isEqualTo(SiteType.ECOMMERCE);
    }

    @Test
    void aLoginFormAloneSaysLittle() {
        Classification c = classify(page("https://www.site.com/login").form(loginForm("https://www.site.com/login")));

        assertThat(c.type()).isEqualTo(SiteType.OTHER);
    }

    @Test
    void linkPathsAndTheAddressCount() {
        Classification c = classify(page("https://www.site.com/product/12").link("https://www.site.com/cart", "")
                .link("https://www.site.com/checkout", "").link("https://www.site.com/product/13", ""));

        assertThat(c.type()).isEqualTo(SiteType.ECOMMERCE);
    }

    @Test
    void wordsInsideOtherWordsDoNotCount() {
        Classification c = classify(page("https://www.site.com/").title("Cartography club")
                .text("Basketball results", "Bankruptcy law explained", "Capital letters", "Planets"));

        assertThat(c.type()).isEqualTo(SiteType.OTHER);
    }

    @Test
    void oneWordRepeatedEndlesslyCountsAtMostThirtyTimesAPage() {
        Classification c = classify(page("https://www.site.com/").text("sale ".repeat(200)).text("banking", "loan", "mortgage")
                .link("https://www.site.com/a", ""));

        assertThat(c.type()).isEqualTo(SiteType.ECOMMERCE);
        assertThat(c.confidence()).isEqualTo(Math.round(30.0 / 33 * 100) / 100.0);
    }

    @Test
    void theCheckReportsTheTypeAsDetailsWithoutASignal() {
        CheckOutcome o = new SiteTypeCheck().run(site(page("https://www.site.com/").text("Add to cart", "checkout", "price")).build());

        assertThat(o.name()).isEqualTo("site_type");
        assertThat(o.signal()).isEmpty();
        assertThat(o.findings()).isEmpty();
        assertThat(o.details()).hasValueSatisfying(d -> {
            assertThat(d.get("site_type").asText()).isEqualTo("ecommerce");
            assertThat(d.get("confidence").asDouble()).isEqualTo(1.0);
        });
    }

    @Test
    void wireNamesAreLowerCase() {
        assertThat(SiteType.ECOMMERCE.wire()).isEqualTo("ecommerce");
        assertThat(SiteType.OTHER.wire()).isEqualTo("other");
    }
}
