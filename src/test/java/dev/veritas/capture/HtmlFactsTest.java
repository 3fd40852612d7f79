package dev.veritas.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlFactsTest {
    private static final URI BASE = URI.create("https://shop.example/products/shirts");

    private static HtmlFacts parse(String body) {
        return HtmlFacts.parse("<!doctype html><html><head><title>Shirts</title></head><body>" + body + "</body></html>", BASE);
    }

    private static List<String> texts(HtmlFacts f) {
        return f.segments().stream().map(TextSegment::text).toList();
    }

    private static TextSegment segment(HtmlFacts f, String text) {
        return f.segments().stream().filter(s -> s.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no segment \"" + text + "\" in " + texts(f)));
    }

    // ---- segments ----

    @Test
    void inlineMarkupStaysInOneSegment() {
        HtmlFacts f = parse("<div><p>Only <b>3</b> left in <a href='/x'>stock</a>!</p><p>Second <em>paragraph</em></p></div>");

        assertThat(texts(f)).containsExactly("Only 3 left in stock!", "Second paragraph");
        assertThat(segment(f, "Only 3 left in stock!").tag()).isEqualTo("p");
    }

    @Test
    void textAroundABlockBecomesSegmentsOfItsOwn() {
        HtmlFacts f = parse("<div>Hello <span>world</span><p>Block</p> tail</div>");

        assertThat(texts(f)).containsExactly("Hello world", "Block", "tail");
        assertThat(segment(f, "Hello world").tag()).isEqualTo("div");
    }

    @Test
    void blocksInsideAnInlineElementAreSegmentsOfTheirOwn() {
        HtmlFacts f = parse("<a href='/p/1'><div>Linen shirt</div><div>$39</div></a>");

        assertThat(texts(f)).containsExactly("Linen shirt", "$39");
    }

    @Test
    void whitespaceIsCollapsed() {
        assertThat(texts(parse("<p>  Only\n\n   3   left </p>"))).containsExactly("Only 3 left");
    }

    @Test
    void scriptsStylesAndTemplatesAreNotText() {
        HtmlFacts f = parse("<script>var t = 'Only 3 left';</script><style>p{}</style><noscript>Enable JS</noscript>"
                + "<template><p>Later</p></template><select><option>Size M</option></select><p>Visible</p>");

        assertThat(texts(f)).containsExactly("Visible");
    }

    @Test
    void aSegmentIsAtMostSixHundredCharacters() {
        HtmlFacts f = parse("<p>" + "word ".repeat(1000) + "</p>");

        assertThat(f.segments()).singleElement().satisfies(s -> assertThat(s.text()).hasSize(600));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<p style='display:none'>Secret</p>                 | false",
            "<p style='display: none ;'>Secret</p>              | false",
            "<p style='visibility:hidden'>Secret</p>            | false",
            "<div hidden><p>Secret</p></div>                    | false",
            "<div style='DISPLAY:NONE'><p>Secret</p></div>      | false",
            "<p style='color:red'>Secret</p>                    | true",
            "<p>Secret</p>                                      | true"})
    void hiddenElementsAreMarkedInvisible(String html, boolean visible) {
        assertThat(segment(parse(html), "Secret").visible()).isEqualTo(visible);
    }

    @ParameterizedTest(name = "{0} → {1} px")
    @CsvSource(delimiter = '|', value = {
            "<p>Text</p>                                                        | 16",
            "<p style='font-size: 10px'>Text</p>                                | 10",
            "<div style='font-size:9.5px'><p>Text</p></div>                     | 9.5",
            "<div style='font-size:9px'><p style='font-size:20px'>Text</p></div> | 20",
            "<p style='font-size: 1.2em'>Text</p>                               | 16"})
    void inlineFontSizesAreRead(String html, double px) {
        assertThat(segment(parse(html), "Text").fontSizePx()).isEqualTo(px);
    }

    @Test
    void segmentsAreSeenAtLoadWithUnknownContrast() {
        TextSegment s = segment(parse("<p>Text</p>"), "Text");

        assertThat(s.moment()).isEqualTo(TextSegment.AT_LOAD);
        assertThat(s.contrast()).isZero();
        assertThat(s.selector()).isNotBlank().endsWith("p");
    }

    @Test
    void theTitleIsRead() {
        assertThat(parse("<p>x</p>").title()).isEqualTo("Shirts");
    }

    // ---- controls ----

    @Test
    void controlsAreLinksAndButtonsWithTheirText() {
        HtmlFacts f = parse("<a href='/cart'>Cart</a><button>Buy now</button><input type='submit' value='Send'>"
                + "<div role='button'>Choose</div><button aria-label='Close'></button><button></button>"
                + "<div class='newsletter-modal'><a href='#' style='opacity:0.2;font-size:10px'>No thanks</a></div>");

        assertThat(f.controls()).extracting(ControlFacts::text).containsExactly("Cart", "Buy now", "Send", "Choose", "Close", "No thanks");
        ControlFacts decline = f.controls().get(5);
        assertThat(decline.inDialog()).isTrue();
        assertThat(decline.opacity()).isEqualTo(0.2);
        assertThat(decline.fontSizePx()).isEqualTo(10);
        assertThat(f.controls().get(0).inDialog()).isFalse();
        assertThat(f.controls().get(0).opacity()).isEqualTo(1);
    }

    // ---- checkboxes ----

    @Test
    void aCheckboxIsLabelledByItsLabelElement() {
        HtmlFacts f = parse("<form><input type='checkbox' id='ins' name='insurance' checked><label for='ins'>Add insurance ($9)</label></form>");

        assertThat(f.checkboxes()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("Add insurance ($9)");
            assertThat(c.name()).isEqualTo("insurance");
            assertThat(c.type()).isEqualTo("checkbox");
            assertThat(c.checked()).isTrue();
            assertThat(c.inForm()).isTrue();
            assertThat(c.visible()).isTrue();
        });
    }

    @Test
    void checkboxLabelsComeFromAWrappingLabelAriaLabelOrTheParent() {
        HtmlFacts f = parse("<label><input type='checkbox' name='a'> Remember me</label>"
                + "<input type='checkbox' name='b' aria-label='Send me offers'>"
                + "<div><input type='radio' name='c' checked> Express delivery</div>"
                + "<div><input type='checkbox' id='d' name='d'> Gift note <label for='other'>not mine</label></div>");

        assertThat(f.checkboxes()).extracting(CheckboxFacts::label)
                .containsExactly("Remember me", "Send me offers", "Express delivery", "Gift note not mine");
        assertThat(f.checkboxes().get(2).type()).isEqualTo("radio");
        assertThat(f.checkboxes().get(2).checked()).isTrue();
        assertThat(f.checkboxes().get(0).checked()).isFalse();
        assertThat(f.checkboxes().get(0).inForm()).isFalse();
    }

    @Test
    void theTextAroundAnUnlabelledBoxIsClipped() {
        HtmlFacts f = parse("<input type='checkbox' name='x'>" + "<p>Lots of page text.</p>".repeat(5000));

        assertThat(f.checkboxes()).singleElement().satisfies(c -> assertThat(c.label()).startsWith("Lots of page text.").hasSize(200));
    }

    @Test
    void aControlWrappingTheWholePageHasAClippedText() {
        HtmlFacts f = parse("<div role='button'>" + "<p>Lots of page text.</p>".repeat(5000) + "</div>");

        assertThat(f.controls()).singleElement().satisfies(c -> assertThat(c.text()).hasSize(300));
    }

    @Test
    void selectorsArePathsOfTagsWithPositionsStoppingAtAnId() {
        HtmlFacts f = parse("<div id='main'><ul><li>One</li><li>Two <b>bold</b></li></ul></div><p>Alone</p>");

        assertThat(segment(f, "Two bold").selector()).isEqualTo("#main > ul > li:nth-of-type(2)");
        assertThat(segment(f, "One").selector()).isEqualTo("#main > ul > li:nth-of-type(1)");
        assertThat(segment(f, "Alone").selector()).isEqualTo("html > body > p");
    }

    @Test
    void aLabelWithQuotesInTheIdStillLabels() {
        HtmlFacts f = parse("<input type='checkbox' id='a\"b' checked><label for='a\"b'>Gift wrap</label>");

        assertThat(f.checkboxes()).extracting(CheckboxFacts::label).containsExactly("Gift wrap");
    }

    // ---- forms ----

    @Test
    void aLoginFormAsksForAPasswordAndSubmitsToItsResolvedAction() {
        HtmlFacts f = parse("<form action='/login' method='POST'><label for='e'>Email</label><input id='e' type='email' name='email'>"
                + "<input type='password' name='pw' placeholder='Password'><button>Sign in</button></form>");

        FormFacts form = f.forms().get(0);
        assertThat(form.action()).contains(URI.create("https://shop.example/login"));
        assertThat(form.method()).isEqualTo("post");
        assertThat(form.asksForPassword()).isTrue();
        assertThat(form.asksForCard()).isFalse();
        assertThat(form.asksForEmail()).isTrue();
        assertThat(form.inputs()).extracting(FormFacts.InputFacts::type).containsExactly("email", "password");
        assertThat(form.inputs().get(1).hint()).contains("password");
    }

    @Test
    void aCardFormIsRecognisedByNameAutocompleteOrLabel() {
        HtmlFacts f = parse("<form action='https://pay.example/charge'><input name='cardnumber'></form>"
                + "<form action='https://pay.example/charge'><input name='x' autocomplete='cc-number'></form>"
                + "<form action='https://pay.example/charge'><label for='c'>CVV</label><input id='c' name='y'></form>"
                + "<form action='https://pay.example/charge'><input name='nickname'></form>");

        assertThat(f.forms()).extracting(FormFacts::asksForCard).containsExactly(true, true, true, false);
    }

    @Test
    void aFormWithoutActionOrMethodSubmitsToThePageWithGet() {
        FormFacts form = parse("<form><input type='text' name='q'><textarea name='t'></textarea><select name='s'></select></form>").forms().get(0);

        assertThat(form.action()).contains(BASE);
        assertThat(form.method()).isEqualTo("get");
        assertThat(form.inputs()).extracting(FormFacts.InputFacts::type).containsExactly("text", "textarea", "select");
    }

    // ---- scripts ----

    @Test
    void scriptsKeepSourceIntegrityAndInlineText() {
        HtmlFacts f = parse("<script src=' https://cdn.example/lib.js ' integrity='sha384-abc' crossorigin='anonymous'></script>"
                + "<script type='module'>import x from './x.js';</script>");

        assertThat(f.scripts()).hasSize(2);
        ScriptFacts ext = f.scripts().get(0);
        assertThat(ext.src()).contains("https://cdn.example/lib.js");
        assertThat(ext.integrity()).contains("sha384-abc");
        assertThat(ext.crossorigin()).contains("anonymous");
        assertThat(ext.inlineText()).isEmpty();
        ScriptFacts inline = f.scripts().get(1);
        assertThat(inline.src()).isEmpty();
        assertThat(inline.integrity()).isEqualTo(Optional.empty());
        assertThat(inline.type()).isEqualTo("module");
        assertThat(inline.inlineText()).isEqualTo("import x from './x.js';");
    }

    // ---- links ----

    @Test
    void linksAreResolvedAgainstThePage() {
        HtmlFacts f = parse("<a href='/privacy'>Privacy</a><a href='../terms'>Terms</a><a href='sizes'>Sizes</a>"
                + "<a href='https://other.example/x?y=1#z'>Other</a><a href='mailto:hi@shop.example'>Mail</a>"
                + "<a href='/a b'>Space</a><a>No href</a><a href='/hidden' style='display:none'>Hidden</a>");

        assertThat(f.links()).extracting(l -> l.href().toString()).containsExactly(
                "https://shop.example/privacy", "https://shop.example/terms", "https://shop.example/products/sizes",
                "https://other.example/x?y=1#z", "mailto:hi@shop.example", "https://shop.example/a%20b", "https://shop.example/hidden");
        assertThat(f.links()).extracting(LinkFacts::text).startsWith("Privacy", "Terms");
        assertThat(f.links().get(6).visible()).isFalse();
        assertThat(f.links().get(0).visible()).isTrue();
    }

    // ---- hostile sizes ----

    @Test
    void aPageOfAHundredThousandElementsStaysBounded() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 25_000; i++) {
            html.append("<p>Item ").append(i).append(" <a href='/p/").append(i).append("'>link</a></p>")
                    .append("<input type='checkbox' name='c").append(i).append("'>")
                    .append("<form><input type='password'></form>");
        }
        html.append("</body></html>");

        HtmlFacts f = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> HtmlFacts.parse(html.toString(), BASE));

        assertThat(f.segments()).hasSize(HtmlFacts.MAX_SEGMENTS);
        assertThat(f.controls()).hasSize(HtmlFacts.MAX_ITEMS);
        assertThat(f.links()).hasSize(HtmlFacts.MAX_ITEMS);
        assertThat(f.checkboxes()).hasSize(HtmlFacts.MAX_ITEMS);
        assertThat(f.forms()).hasSize(HtmlFacts.MAX_ITEMS);
    }

    @Test
    void aHundredThousandNestedElementsStayBounded() {
        String html = "<html><body>" + "<div>t".repeat(100_000) + "</body></html>";

        HtmlFacts f = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> HtmlFacts.parse(html, BASE));

        assertThat(f.segments()).isNotEmpty().hasSizeLessThanOrEqualTo(HtmlFacts.MAX_SEGMENTS);
        assertThat(f.segments()).allSatisfy(s -> assertThat(s.selector().length()).isLessThanOrEqualTo(300));
    }

    @Test
    void manyLabelledCheckboxesStayBounded() {
        StringBuilder html = new StringBuilder("<html><body><form>");
        for (int i = 0; i < 20_000; i++) {
            html.append("<input type='checkbox' id='c").append(i).append("'><label for='c").append(i).append("'>Extra ").append(i).append("</label>");
        }
        html.append("</form></body></html>");

        HtmlFacts f = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> HtmlFacts.parse(html.toString(), BASE));

        assertThat(f.checkboxes()).hasSize(HtmlFacts.MAX_ITEMS);
        assertThat(f.checkboxes().get(1999).label()).isEqualTo("Extra 1999");
        assertThat(f.forms()).singleElement().satisfies(form -> assertThat(form.inputs()).hasSizeLessThanOrEqualTo(HtmlFacts.MAX_ITEMS));
    }

    // ---- where text sits, and how the page presents itself ----

    @Test
    void textKnowsItsLandmarkAndWhetherAnOfferSitsBesideIt() {
        HtmlFacts f = parse("<main><div class='card'><span class='price'>€24,00</span><p>Only 2 left</p></div>"
                + "<article><p>With just 18 months left in office, the mayor spoke.</p></article></main>"
                + "<nav><a href='/'>Home</a></nav><footer><p>Contact</p></footer><div class='modal'><p>Stay a while</p></div>"
                + "<div><p>Ends tonight</p><div><a href='/buy'>Buy now</a></div></div>");

        assertThat(segment(f, "Only 2 left")).satisfies(s -> {
            assertThat(s.region()).isEqualTo("main");
            assertThat(s.nearOffer()).isTrue();
        });
        assertThat(segment(f, "With just 18 months left in office, the mayor spoke.")).satisfies(s -> {
            assertThat(s.region()).isEqualTo("article");
            assertThat(s.nearOffer()).isFalse();
        });
        assertThat(segment(f, "Home").region()).isEqualTo("nav");
        assertThat(segment(f, "Contact").region()).isEqualTo("footer");
        assertThat(segment(f, "Stay a while").region()).isEqualTo("dialog");
        assertThat(segment(f, "Ends tonight")).satisfies(s -> {
            assertThat(s.region()).isEmpty();
            assertThat(s.nearOffer()).isTrue();
        });
    }

    @Test
    void aPriceDirectlyInTheMainContentDoesNotMakeEveryParagraphAnOffer() {
        HtmlFacts f = parse("<main><p>$5 coffee is back.</p><section><p>Only 3 left, he joked.</p></section></main>");

        assertThat(segment(f, "Only 3 left, he joked.").nearOffer()).isFalse();
    }

    @Test
    void theFormsOwnTextIncludesItsButtons() {
        HtmlFacts f = parse("<form action='/s' method='post'><label>Username</label><input name='u'>"
                + "<input type='password' name='p'><input type='submit' value='Verify'><p>Forgot your password?</p></form>");

        assertThat(f.forms()).singleElement().satisfies(form -> assertThat(form.text()).isEqualTo("Username Forgot your password? Verify"));
    }

    @Test
    void headingsLogosIconsAndTheDeclaredSiteNameAreRead() {
        HtmlFacts f = HtmlFacts.parse("<!doctype html><html><head><title>t</title><link rel='shortcut icon' href='//cdn.example/f.ico'>"
                + "<meta name='application-name' content='Tidewell'></head><body>"
                + "<h1>Welcome</h1><h3 style='display:none'>Hidden</h3><div id='top-logo'><img src='/i/tidewell_logo_2x.png' alt=''></div>"
                + "<button><img src='/i/g.png' alt='G'> Sign in with G</button><svg class='icon'></svg><span class='logo'>Tidewell</span>"
                + "</body></html>", BASE);

        BrandingFacts b = f.branding();
        assertThat(b.headings()).containsExactly("Welcome");
        assertThat(b.icons()).containsExactly(URI.create("https://cdn.example/f.ico"));
        assertThat(b.siteName()).contains("Tidewell");
        assertThat(b.marks()).containsExactly(
                new BrandMark(BrandMark.IMG, "https://shop.example/i/tidewell_logo_2x.png", "", "", "", true, "", true),
                new BrandMark(BrandMark.IMG, "https://shop.example/i/g.png", "G", "", "", false, "Sign in with G", true),
                new BrandMark(BrandMark.TEXT, "", "Tidewell", "", "logo", true, "", true));
    }
}
