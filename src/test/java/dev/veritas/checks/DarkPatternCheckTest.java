package dev.veritas.checks;

import static dev.veritas.capture.TemporalFacts.Reading.LATER;
import static dev.veritas.capture.TemporalFacts.Reading.LOAD;
import static dev.veritas.capture.TemporalFacts.Reading.RELOAD;
import static dev.veritas.testing.Captures.checkbox;
import static dev.veritas.testing.Captures.control;
import static dev.veritas.testing.Captures.counterReading;
import static dev.veritas.testing.Captures.observed;
import static dev.veritas.testing.Captures.page;
import static dev.veritas.testing.Captures.site;
import static dev.veritas.testing.Captures.timerReading;
import static dev.veritas.testing.Outcomes.ids;
import static dev.veritas.testing.Outcomes.only;
import static dev.veritas.testing.Outcomes.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.veritas.checks.darkpatterns.TextPatternClassifier;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.CheckboxFacts;
import dev.veritas.capture.TemporalFacts.Observation;
import dev.veritas.capture.TextSegment;
import dev.veritas.testing.Captures.PageBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DarkPatternCheckTest {
    private static final String PRODUCT = "https://www.fashionshop.com/product/linen-shirt";
    private final DarkPatternCheck check = new DarkPatternCheck();

    private CheckOutcome run(PageBuilder... pages) {
        return check.run(site(pages).build());
    }

    private static PageBuilder product() {
        return page(PRODUCT).title("Linen shirt");
    }

    @Test
    void honestShopTextHasNoDarkPatterns() {
        CheckOutcome o = run(product().text("Linen shirt, relaxed fit", "Free shipping on orders over $100", "Add to cart",
                "Returns accepted within 30 days"));

        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("no dark patterns found");
    }

    @Test
    void theSentenceNetworkReadsOnlyAsManyTextsAsTheAuditsBudgetAllows() {
        String paraphrase = "Stock is running thin on this colour";  // the learned models', not a rule's
        dev.veritas.checks.darkpatterns.MeaningBudget one = dev.veritas.checks.darkpatterns.MeaningBudget.of(1);

        assertThat(TextPatternClassifier.standard().classify(paraphrase, one)).isPresent();
        assertThat(one.spent()).isFalse();
        assertThat(TextPatternClassifier.standard().classify(paraphrase, one)).as("past the budget the n-gram model decides alone").isEmpty();
        assertThat(one.spent()).isTrue();

        CheckOutcome spent = new DarkPatternCheck(TextPatternClassifier.standard(), DarkPatternCheck.MAX_TEXT_CHARS, 0)
                .run(site(product().text("Linen shirt", paraphrase)).build());
        assertThat(spent.findings()).isEmpty();
        assertThat(spent.signal().orElseThrow().summary()).isEqualTo("no dark patterns found (meaning read for the first 0 candidate texts only)");
    }

    @Test
    void aHostilePageOfEndlessDistinctTextIsReadOnlyUpToTheTextBudget() {
        // thousands of distinct segments of "1,2,3,…" cost each rule most; the check stops reading at its budget
        DarkPatternCheck smallBudget = new DarkPatternCheck(TextPatternClassifier.standard(), 6_000, DarkPatternCheck.MAX_MEANING_READINGS);
        // short segments, so the page still reads as a shop page and not as an article
        int segments = 6_000 / 50 + 10;
        String[] filler = new String[segments];
        for (int i = 0; i < segments; i++) {
            StringBuilder b = new StringBuilder(i + ":");
            while (b.length() < 50) {
                b.append(b.length() % 10).append(',');
            }
            filler[i] = b.toString();
        }
        String pressure = "Only 3 left in stock - order soon!";
        String[] pressureFirst = java.util.stream.Stream.concat(java.util.stream.Stream.of(pressure), java.util.Arrays.stream(filler)).toArray(String[]::new);
        String[] pressureLast = java.util.stream.Stream.concat(java.util.Arrays.stream(filler), java.util.stream.Stream.of(pressure)).toArray(String[]::new);

        CheckOutcome first = smallBudget.run(site(product().text(pressureFirst)).build());
        CheckOutcome last = smallBudget.run(site(product().text(pressureLast)).build());
        CheckOutcome whole = run(product().text(pressureLast));

        assertThat(first.findings()).extracting(Finding::checkId).contains("dark_patterns.text.low_stock_message");
        assertThat(last.findings()).isEmpty();
        assertThat(last.signal().orElseThrow().summary()).isEqualTo("no dark patterns found (wording read in the first 6,000 characters of text only)");
        assertThat(whole.findings()).extracting(Finding::checkId).contains("dark_patterns.text.low_stock_message");
        assertThat(whole.signal().orElseThrow().summary()).doesNotContain("characters of text only");
    }

    @Test
    void aCaptureWithoutHtmlGivesNoSignal() {
        CheckOutcome o = run(page("https://www.fashionshop.com/feed.json").header("Content-Type", "application/json"));

        assertThat(o.signal()).isEmpty();
    }

    // ---- fees that appear only at checkout ----

    private static PageBuilder cart(String... text) {
        return page("https://www.fashionshop.com/cart").title("Your cart").text(text);
    }

    private static PageBuilder checkout(String... text) {
        return page("https://www.fashionshop.com/checkout").title("Checkout").text(text);
    }

    @Test
    void aFeeTheCartNeverNamedIsAHiddenCost() {
        CheckOutcome o = run(cart("Linen shirt $49.00", "Subtotal $49.00"),
                checkout("Linen shirt $49.00", "Service and handling fee", "$6.95", "Total to pay $55.95"));

        Finding f = only(o, "dark_patterns.hidden_fee");
        assertThat(f.patternType()).isEqualTo("hidden_costs");
        assertThat(f.category()).isEqualTo("sneaking");
        assertThat(f.description()).contains("service and handling fee").contains("/cart");
        assertThat(f.pageUrl()).contains("https://www.fashionshop.com/checkout");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Subtotal $49.00. A service fee of $2 is added to every order. | Service fee $2.00",
        "Subtotal $49.00 | Shipping $5.95",
        "Subtotal $49.00 | Sales tax $3.10",
    })
    void aFeeTheCartAnnouncedOrShippingAndTaxAreNotHiddenCosts(String cartText, String checkoutText) {
        CheckOutcome o = run(cart(cartText), checkout(checkoutText));

        assertThat(ids(o)).doesNotContain("dark_patterns.hidden_fee");
    }

    @Test
    void withoutTheCartThereIsNothingToCompareWith() {
        assertThat(ids(run(product().text("Linen shirt"), checkout("Service fee $2.00")))).doesNotContain("dark_patterns.hidden_fee");
    }

    // ---- text ----

    @Test
    void aTextFindingCarriesItsEvidence() {
        CheckOutcome o = run(product().text("Only 3 left in stock - order soon!").screenshots(4, 5));

        Finding f = only(o, "dark_patterns.text.low_stock_message");
        assertThat(f.category()).isEqualTo("scarcity");
        assertThat(f.patternType()).isEqualTo("low_stock_message");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.description()).contains("“Only 3 left in stock - order soon!”");
        assertThat(f.evidence().text()).contains("Only 3 left in stock - order soon!");
        assertThat(f.evidence().selector()).contains("p:nth-of-type(1)");
        assertThat(f.evidence().values()).containsKey("rule").containsEntry("seen", "at load");
        assertThat(f.pageUrl()).contains(PRODUCT);
        assertThat(f.screenshotIndex()).hasValue(4);
        assertThat(score(o)).isLessThan(1.0);
    }

    @Test
    void textThatAppearedLaterPointsAtTheLaterScreenshot() {
        CheckOutcome o = run(product().screenshots(4, 5)
                .segment(new TextSegment("43 people are viewing this item right now", "div", "#toast", 14, true, 4.5, TextSegment.LATER)));

        Finding f = only(o, "dark_patterns.text.activity_notification");
        assertThat(f.evidence().values()).containsEntry("seen", "a few seconds after load");
        assertThat(f.screenshotIndex()).hasValue(5);
    }

    @Test
    void invisibleAndTinyTextsAreSkipped() {
        CheckOutcome o = run(product()
                .segment(new TextSegment("Only 3 left in stock - order soon!", "p", "#hidden", 16, false, 0, TextSegment.AT_LOAD))
                .text("ok"));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void theSameClaimWithOtherNumbersIsReportedOnce() {
        CheckOutcome o = run(product().text("Only 3 left in stock - order soon!"),
                page("https://www.fashionshop.com/product/mug").text("Only 7 left in stock - order soon!"));

        assertThat(ids(o)).containsExactly("dark_patterns.text.low_stock_message");
    }

    @Test
    void eachTypeIsReportedAtMostFiveTimes() {
        CheckOutcome o = run(product().text("Only 3 left in stock - order soon!", "HURRY! JUST 1 ITEM LEFT", "Low stock: 4 remaining",
                "Almost sold out in size 10", "Very few left at this price", "Only 2 left in this colour", "Just 1 left in your size"));

        assertThat(o.findings()).hasSize(5).allMatch(f -> f.patternType().equals("low_stock_message"));
    }

    // ---- controls ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tiny text     | 9  | 1.0 | 0   | tiny text (9 px)",
            "faint         | 14 | 1.0 | 1.6 | faint (contrast 1.6:1)",
            "transparent   | 14 | 0.1 | 0   | nearly transparent"})
    void aDeclineOptionMadeHardToSeeIsVisualInterference(String what, double size, double opacity, double contrast, String problem) {
        CheckOutcome o = run(product().control(control("Accept all")).control(control("No thanks", size, opacity, contrast)));

        Finding f = only(o, "dark_patterns.hidden_decline");
        assertThat(f.patternType()).isEqualTo("visual_interference");
        assertThat(f.category()).isEqualTo("misdirection");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.description()).contains("“No thanks”").contains(problem);
        assertThat(f.evidence().values()).containsEntry("font_size_px", size).containsEntry("opacity", opacity);
    }

    @Test
    void aConfirmshamingDeclineMadeTinyIsFlagged() {
        CheckOutcome o = run(product().control(control("No thanks, I'd rather pay full price", 9, 1, 0)));

        assertThat(ids(o)).contains("dark_patterns.hidden_decline");
    }

    @Test
    void aDeclineOptionOfNormalSizeIsFine() {
        CheckOutcome o = run(product().control(control("No thanks")).control(control("Reject all", 12, 1, 4.5)));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aTinyControlThatIsNotADeclineIsNotFlagged() {
        CheckOutcome o = run(product().control(control("Size guide", 9, 1, 0)));

        assertThat(o.findings()).isEmpty();
    }

    // ---- pre-ticked boxes ----

    @Test
    void aPreTickedPaidExtraIsPressuredSelling() {
        CheckOutcome o = run(product().checkbox(checkbox("Add 2-year protection plan ($19.99)", true)));

        Finding f = only(o, "dark_patterns.preselected_option");
        assertThat(f.patternType()).isEqualTo("pressured_selling");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.evidence().text()).contains("Add 2-year protection plan ($19.99)");
        assertThat(f.evidence().values()).containsEntry("checked", true);
    }

    @Test
    void aPreTickedMarketingOptInIsForcedEnrollment() {
        CheckOutcome o = run(product().checkbox(checkbox("Send me the newsletter with offers", true)));

        Finding f = only(o, "dark_patterns.preselected_option");
        assertThat(f.patternType()).isEqualTo("forced_enrollment");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Remember me", "Keep me signed in", "Save my card for next time", "Same as billing address"})
    void harmlessPreTickedBoxesAreFine(String label) {
        assertThat(run(product().checkbox(checkbox(label, true))).findings()).isEmpty();
    }

    @Test
    void anUntickedExtraOrARadioButtonIsNotPreselection() {
        CheckOutcome o = run(product().checkbox(checkbox("Add gift wrap (+$4)", false))
                .checkbox(new CheckboxFacts("Express shipping $9", "ship", "radio", true, true, true, "#r")));

        assertThat(o.findings()).isEmpty();
    }

    // ---- timers ----

    private static Observation timer(String context, String load, long laterMs, String later) {
        return observed(context, timerReading(LOAD, 0, load), timerReading(LATER, laterMs, later));
    }

    private static Observation timer(String context, String load, long laterMs, String later, long reloadMs, String reload) {
        return observed(context, timerReading(LOAD, 0, load), timerReading(LATER, laterMs, later), timerReading(RELOAD, reloadMs, reload));
    }

    private CheckOutcome runTimer(Observation o) {
        return run(product().timer(o).screenshots(0, 1));
    }

    @Test
    void aCountdownThatRestartsOnReloadIsFake() {
        CheckOutcome o = runTimer(timer("Offer ends in 09:59", "09:59", 3000, "09:56", 8000, "09:59"));

        Finding f = only(o, "dark_patterns.fake_countdown");
        assertThat(f.patternType()).isEqualTo("countdown_timer");
        assertThat(f.category()).isEqualTo("urgency");
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.confidence()).isEqualTo(0.95);
        assertThat(f.description()).contains("restarts when the page is reloaded");
        assertThat(f.plainEnglish()).contains("starts again every time the page loads");
        @SuppressWarnings("unchecked")
        Map<String, Object> reload = (Map<String, Object>) f.evidence().values().get("reload");
        assertThat(reload).containsEntry("text", "09:59").containsEntry("seconds", 599L);
    }

    @Test
    void aCountdownThatDoesNotMoveIsFake() {
        Finding f = only(runTimer(timer("Sale ends in 05:00", "05:00", 3000, "05:00")), "dark_patterns.fake_countdown");

        assertThat(f.description()).contains("does not move");
        assertThat(f.confidence()).isEqualTo(0.8);
        assertThat(f.plainEnglish()).contains("never counts down");
    }

    @Test
    void aCountdownThatRunsBackwardsIsFake() {
        Finding f = only(runTimer(timer("Hurry, deal ends in", "05:00", 3000, "05:03")), "dark_patterns.fake_countdown");

        assertThat(f.description()).contains("runs backwards");
    }

    @Test
    void aCountdownAtTheWrongSpeedIsFake() {
        Finding f = only(runTimer(timer("Offer ends in", "05:00", 3000, "04:40")), "dark_patterns.fake_countdown");

        assertThat(f.description()).contains("wrong speed");
        assertThat(f.plainEnglish()).contains("does not keep real time");
    }

    @Test
    void aGenuineCountdownIsNotFlagged() {
        CheckOutcome o = runTimer(timer("Offer ends in", "10:00", 3000, "09:57", 8000, "09:52"));

        assertThat(o.findings()).isEmpty();
        assertThat(score(o)).isEqualTo(1.0);
    }

    @Test
    void aGenuineCountdownReadASecondLateIsNotFlagged() {
        CheckOutcome o = runTimer(timer("Offer ends in", "10:00", 3200, "09:57", 8400, "09:53"));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aClockWithoutCountdownWordsThatDoesNotMoveIsNotFlagged() {
        CheckOutcome o = runTimer(timer("Opens at 09:00", "09:00", 3000, "09:00"));

        assertThat(o.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} then {3}")
    @CsvSource(delimiter = '|', value = {
            "Sale ends in        | 2 days 4 hours | 3000 | 2 days 4 hours",
            "Offer ends in       | 2h 15m         | 3000 | 2h 15m",
            "Offer ends in       | 2h 15m         | 3000 | 2h 14m",
            "Deal ends in        | 45 minutes     | 3000 | 44 minutes"})
    void aCountdownShowingOnlyMinutesOrHoursMayStandStillOrStepByItsUnit(String context, String load, long laterMs, String later) {
        CheckOutcome o = runTimer(timer(context, load, laterMs, later));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aMinuteCountdownThatRestartsOnReloadIsStillFake() {
        CheckOutcome o = runTimer(timer("Offer ends in", "15 minutes", 3000, "14 minutes", 70_000, "15 minutes"));

        assertThat(ids(o)).containsExactly("dark_patterns.fake_countdown");
    }

    @Test
    void aTimerWithoutALaterReadingIsNotJudged() {
        CheckOutcome o = runTimer(observed("Offer ends in", timerReading(LOAD, 0, "05:00"), timerReading(RELOAD, 8000, "05:00")));

        assertThat(o.findings()).isEmpty();
    }

    // ---- counters ----

    private static Observation counter(String context, String load, String later, String reload) {
        return new Observation("#count", context, List.of(counterReading(LOAD, 0, load), counterReading(LATER, 3000, later),
                counterReading(RELOAD, 8000, reload)));
    }

    @Test
    void aStockCountThatNeverChangesIsFlagged() {
        CheckOutcome o = run(product().counter(counter("Only 3 left in stock", "Only 3 left", "Only 3 left", "Only 3 left")));

        Finding f = only(o, "dark_patterns.fake_scarcity");
        assertThat(f.patternType()).isEqualTo("low_stock_message");
        assertThat(f.confidence()).isEqualTo(0.6);
        assertThat(f.description()).contains("stayed at 3");
    }

    @Test
    void aStockCountThatGoesUpOnReloadIsFlagged() {
        Finding f = only(run(product().counter(counter("Only 3 left in stock", "Only 3 left", "Only 3 left", "Only 5 left"))),
                "dark_patterns.fake_scarcity");

        assertThat(f.confidence()).isEqualTo(0.75);
        assertThat(f.description()).contains("went up from 3 to 5");
    }

    @Test
    void aStockCountThatGoesDownIsNotFlagged() {
        CheckOutcome o = run(product().counter(counter("Only 3 left in stock", "Only 3 left", "Only 3 left", "Only 2 left")));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aViewerCountThatChangesOnReloadIsMadeUp() {
        Finding f = only(run(product().counter(counter("12 people are viewing this", "12 people", "12 people", "17 people"))),
                "dark_patterns.fake_scarcity");

        assertThat(f.patternType()).isEqualTo("activity_notification");
        assertThat(f.category()).isEqualTo("social_proof");
        assertThat(f.description()).contains("changed from 12 to 17");
    }

    @Test
    void aSteadyViewerCountIsNotFlagged() {
        CheckOutcome o = run(product().counter(counter("12 people are viewing this", "12 people", "12 people", "12 people")));

        assertThat(o.findings()).isEmpty();
    }

    @Test
    void aCounterWithoutAReloadReadingIsNotJudged() {
        CheckOutcome o = run(product().counter(new Observation("#c", "Only 3 left in stock",
                List.of(counterReading(LOAD, 0, "Only 3 left"), counterReading(LATER, 3000, "Only 3 left")))));

        assertThat(o.findings()).isEmpty();
    }

    // ---- the signal ----

    @Test
    void theSignalDropsWithMoreKindsOfFindings() {
        double none = score(run(product().text("Linen shirt")));
        double one = score(run(product().text("Only 3 left in stock - order soon!")));
        double two = score(run(product().text("Only 3 left in stock - order soon!", "43 people are viewing this item right now")));
        double three = score(run(product().text("Only 3 left in stock - order soon!", "43 people are viewing this item right now")
                .checkbox(checkbox("Add 2-year protection plan ($19.99)", true))));

        assertThat(none).isEqualTo(1.0);
        assertThat(one).isLessThan(none);
        assertThat(two).isLessThan(one);
        assertThat(three).isLessThan(two);
    }

    @Test
    void theSignalIsOneMinusTheSeverityWeightedConfidenceOverTwoAndAHalf() {
        CheckOutcome o = run(product().checkbox(checkbox("Add 2-year protection plan ($19.99)", true)));

        // one HIGH (0.75) finding at confidence 0.85
        assertThat(score(o)).isEqualTo(1 - 0.75 * 0.85 / 2.5, offset(1e-9));
        assertThat(o.signal().orElseThrow().summary()).isEqualTo("1 kinds of dark pattern: pressured_selling");
    }

    @Test
    void manyFindingsOfOneTypeWeighAtMostOne() {
        PageBuilder p = product();
        for (int i = 0; i < 5; i++) {
            p.checkbox(checkbox("Add protection plan " + i + " ($19.99)", true));
        }

        assertThat(score(run(p))).isEqualTo(1 - 1.0 / 2.5, offset(1e-9));
    }

    @Test
    void manyKindsDriveTheSignalToZero() {
        PageBuilder p = product().text("Only 3 left in stock - order soon!", "43 people are viewing this item right now",
                        "To cancel your membership you must call customer service on 1-800-555-0100",
                        "Membership auto-renews with a yearly fee", "Booking fee: £3.95")
                .checkbox(checkbox("Add 2-year protection plan ($19.99)", true))
                .control(control("No thanks", 8, 1, 0))
                .timer(timer("Offer ends in", "09:59", 3000, "09:56", 8000, "09:59"));

        assertThat(score(run(p))).isZero();
    }

    @Test
    void timersOrScreenshotsMakeTheCheckSurer() {
        assertThat(run(product().text("x")).signal().orElseThrow().confidence()).isEqualTo(0.7);
        assertThat(run(product().text("x").screenshots(0)).signal().orElseThrow().confidence()).isEqualTo(0.85);
    }
}
