package dev.veritas.checks;

import static dev.veritas.testing.Captures.page;
import static dev.veritas.testing.Captures.site;
import static dev.veritas.testing.Outcomes.ids;
import static dev.veritas.testing.Outcomes.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.testing.Captures.PageBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransparencyCheckTest {
    private static final String HOME = "https://www.fashionshop.com/";
    private final TransparencyCheck check = new TransparencyCheck();

    private CheckOutcome run(PageBuilder... pages) {
        return check.run(site(pages).build());
    }

    private static PageBuilder home() {
        return page(HOME).title("Fashion Shop");
    }

    @Test
    void linksToPolicyTermsAndContactMakeAFullSignal() {
        CheckOutcome o = run(home().link(HOME + "legal/privacy", "Privacy policy").link(HOME + "legal/tos", "Terms of service")
                .link(HOME + "help", "Contact us"));

        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("privacy policy, terms and contact details found");
    }

    @Test
    void linksAreRecognisedByTheirPathAlone() {
        CheckOutcome o = run(home().link(HOME + "privacy-policy", "Legal").link(HOME + "terms-and-conditions", "")
                .link(HOME + "contact", "→"));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void germanLinksCountToo() {
        CheckOutcome o = run(home().link(HOME + "ds", "Datenschutz").link(HOME + "agb", "AGB").link(HOME + "impressum", "Impressum"));

        assertThat(o.findings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:hello@fashionshop.com", "tel:+12075550143"})
    void aMailOrPhoneLinkIsAWayToContact(String href) {
        CheckOutcome o = run(home().link(HOME + "privacy", "Privacy").link(HOME + "terms", "Terms").link(href, "Write to us"));

        assertThat(ids(o)).doesNotContain("transparency.no_contact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Questions? Write to hello@fashionshop.com", "Call us on +1 (207) 555-0143, Monday to Friday",
            "Phone: 020 7946 0958"})
    void anEmailAddressOrAPhoneNumberInTheTextIsAWayToContact(String text) {
        CheckOutcome o = run(home().text(text));

        assertThat(ids(o)).doesNotContain("transparency.no_contact");
    }

    @Test
    void aLongNumberThatIsNotCalledAPhoneIsNoContact() {
        CheckOutcome o = run(home().text("Order reference 4512 8876 0031 2209"));

        assertThat(ids(o)).contains("transparency.no_contact");
    }

    @Test
    void visitingThePolicyPageItselfCounts() {
        CheckOutcome o = run(home(), page(HOME + "privacy").text("How we use your data"), page(HOME + "terms"), page(HOME + "contact"));

        assertThat(o.findings()).isEmpty();
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({
            "privacy, transparency.no_privacy_policy, MEDIUM, 0.65",
            "terms,   transparency.no_terms,          LOW,    0.80",
            "contact, transparency.no_contact,        MEDIUM, 0.65"})
    void eachMissingPieceIsAFinding(String missing, String id, Severity severity, double expectedScore) {
        PageBuilder p = home();
        if (!missing.equals("privacy")) {
            p.link(HOME + "privacy", "Privacy");
        }
        if (!missing.equals("terms")) {
            p.link(HOME + "terms", "Terms");
        }
        if (!missing.equals("contact")) {
            p.link(HOME + "contact", "Contact");
        }

        CheckOutcome o = run(p);

        assertThat(ids(o)).containsExactly(id);
        Finding f = o.findings().get(0);
        assertThat(f.severity()).isEqualTo(severity);
        assertThat(f.category()).isEqualTo("transparency");
        assertThat(f.pageUrl()).contains(HOME);
        assertThat(score(o)).isEqualTo(expectedScore, offset(1e-9));
        assertThat(o.signal().orElseThrow().summary()).startsWith("missing: ");
    }

    @Test
    void aSiteThatSaysNothingAboutItselfHasAllThreeFindings() {
        CheckOutcome o = run(home().text("Buy now"));

        assertThat(ids(o)).containsExactly("transparency.no_privacy_policy", "transparency.no_terms", "transparency.no_contact");
        assertThat(score(o)).isEqualTo(0.1, offset(1e-9));
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("missing: privacy policy, terms, contact details");
    }

    @Test
    void morePagesMakeTheCheckSurer() {
        assertThat(run(home()).signal().orElseThrow().confidence()).isEqualTo(0.6);
        assertThat(run(home(), page(HOME + "about")).signal().orElseThrow().confidence()).isEqualTo(0.8);
    }

    @Test
    void withoutAnHtmlPageThereIsNothingToJudge() {
        CheckOutcome o = run(page(HOME + "feed.json").header("Content-Type", "application/json"));

        assertThat(o.signal()).isEmpty();
        assertThat(o.findings()).isEmpty();
        assertThat(check.run(site().target(HOME).build()).signal()).isEmpty();
    }
}
