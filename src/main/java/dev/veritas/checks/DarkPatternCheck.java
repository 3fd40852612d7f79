package dev.veritas.checks;

import dev.veritas.audit.Finding;
import dev.veritas.audit.Severity;
import dev.veritas.capture.CheckboxFacts;
import dev.veritas.capture.ControlFacts;
import dev.veritas.capture.PageCapture;
import dev.veritas.capture.SiteCapture;
import dev.veritas.capture.TemporalFacts.Observation;
import dev.veritas.capture.TemporalFacts.Reading;
import dev.veritas.capture.TextSegment;
import dev.veritas.capture.TimerText;
import dev.veritas.checks.CheckOutcome.SignalReading;
import dev.veritas.checks.darkpatterns.DripPricing;
import dev.veritas.checks.darkpatterns.PatternType;
import dev.veritas.checks.darkpatterns.TextMatch;
import dev.veritas.checks.darkpatterns.MeaningBudget;
import dev.veritas.checks.darkpatterns.TextPlacement;
import dev.veritas.checks.darkpatterns.TextPatternClassifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 15 dark patterns of Mathur et al. (2019), from three kinds of evidence: what the text says, what the page
 * does with its controls (ticked extras, a decline option made tiny or faint), and what changes with time
 * (a countdown that restarts on reload, a stock count that never moves).
 */
public final class DarkPatternCheck implements Check {
    public static final String NAME = "dark_patterns";
    private static final int MAX_PER_TYPE = 5;
    /**
     * Most text an audit reads for wording: a real page has a few tens of thousands of characters of visible text, and
     * every character costs each of the rules a little, so a hostile page of thousands of distinct long segments would
     * otherwise spend minutes of CPU here (about 20 ms per 600-character segment, 2026-12-07).
     */
    static final int MAX_TEXT_CHARS = 200_000;
    /**
     * Texts per audit the sentence network may read (about 4 ms each): a real shop page hands it a few dozen at most; a page
     * built of thousands of half-suspicious segments would otherwise cost tens of seconds of CPU.
     */
    static final int MAX_MEANING_READINGS = 300;

    private static final Pattern DECLINE = Pattern.compile("^(no,? thanks?|no thank you|not now|maybe later|skip|decline|reject( all)?|"
            + "cancel|unsubscribe|opt[- ]?out|close|dismiss|continue without.*|no\\b.*|i don.?t want.*|i.?ll pass.*|×|x)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_ON = Pattern.compile("protect|warrant|insur|cover|upgrade|add\\b|extra|premium|gift ?wrap|donat|tip\\b|priority|express|plan\\b|\\$|€|£|\\+\\s?\\d",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKETING = Pattern.compile("newsletter|offers|promotion|marketing|e-?mails? (me|from)|sign me up|subscribe|partners|updates and|deals",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HARMLESS_TICK = Pattern.compile("remember me|keep me (signed|logged) in|stay signed|save (my|this) (card|address)|same as (billing|shipping)",
            Pattern.CASE_INSENSITIVE);
    /** Words that make a clock a deadline; "delivery time 10:30" or "price" alone do not. */
    private static final Pattern COUNTDOWN_CONTEXT = Pattern.compile(
            "\\bends?\\b|\\bending\\b|\\bleft\\b|\\bremain|\\bexpir|\\bhurry\\b|countdown|\\btimer\\b|\\bcloses?\\b|\\breserved\\b|\\bheld for\\b|\\bgone in\\b|\\bstarts? in\\b",
            Pattern.CASE_INSENSITIVE);

    private final TextPatternClassifier classifier;
    private final int maxTextChars;
    private final int maxMeaningReadings;

    public DarkPatternCheck(TextPatternClassifier classifier) {
        this(classifier, MAX_TEXT_CHARS, MAX_MEANING_READINGS);
    }

    DarkPatternCheck(TextPatternClassifier classifier, int maxTextChars, int maxMeaningReadings) {
        this.classifier = classifier;
        this.maxTextChars = maxTextChars;
        this.maxMeaningReadings = maxMeaningReadings;
    }

    public DarkPatternCheck() {
        this(TextPatternClassifier.standard());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DarkPatternFinding> possibleFindings() {
        return List.of(DarkPatternFinding.values());
    }

    @Override
    public CheckOutcome run(SiteCapture capture) {
        if (capture.pages().stream().noneMatch(PageCapture::isHtml)) {
            return CheckOutcome.nothingToJudge(NAME);
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> perType = new HashMap<>();
        Set<String> seenTexts = new HashSet<>();
        Set<String> notPatterns = new HashSet<>();
        TextBudget textBudget = new TextBudget(maxTextChars, MeaningBudget.of(maxMeaningReadings));
        for (PageCapture page : capture.pages()) {
            text(page, findings, perType, seenTexts, notPatterns, textBudget);
            preselected(page, findings);
            hiddenDecline(page, findings);
            timers(page, findings);
            counters(page, findings);
        }
        drippedFees(capture, findings);
        double weight = 0;
        Map<String, Double> byType = new LinkedHashMap<>();
        for (Finding f : findings) {
            byType.merge(f.patternType(), f.severity().weight() * f.confidence(), (a, b) -> Math.min(1.0, a + b));
        }
        for (double w : byType.values()) {
            weight += w;
        }
        double score = 1 - Math.min(1, weight / 2.5);
        String summary = (findings.isEmpty() ? "no dark patterns found"
                : byType.size() + " kinds of dark pattern: " + String.join(", ", byType.keySet()))
                + (textBudget.leftTextUnread() ? String.format(Locale.ROOT, " (wording read in the first %,d characters of text only)", maxTextChars) : "")
                + (textBudget.meaning().spent() ? String.format(Locale.ROOT, " (meaning read for the first %,d candidate texts only)", maxMeaningReadings) : "");
        double confidence = capture.pages().stream().anyMatch(p -> !p.temporal().timers().isEmpty() || !p.screenshotIndexes().isEmpty()) ? 0.85 : 0.7;
        return CheckOutcome.of(NAME, new SignalReading(score, confidence, summary), findings);
    }

    private void text(PageCapture page, List<Finding> out, Map<String, Integer> perType, Set<String> seenTexts, Set<String> notPatterns,
                      TextBudget budget) {
        TextPlacement placement = TextPlacement.of(page);
        for (TextSegment s : page.segments()) {
            if (!s.visible() || s.text().length() < 3) {
                continue;
            }
            String key = s.text().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").strip();
            if (seenTexts.contains(key) || notPatterns.contains(s.text())) {
                continue;
            }
            if (!budget.take(s.text().length())) {
                return;
            }
            Optional<TextMatch> m = classifier.classify(s.text(), budget.meaning());
            if (m.isEmpty()) {
                // Pages repeat their text (menus, footers, product tiles, filler): the same words are judged once.
                notPatterns.add(s.text());
                continue;
            }
            TextMatch match = m.get();
            PatternType type = match.patternType();
            if (placement.outOfPlace(s, match).isPresent()) {
                continue; // the words, but not where pressure on a decision lives
            }
            seenTexts.add(key);
            if (perType.merge(type.wire(), 1, Integer::sum) > MAX_PER_TYPE) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            match.ruleId().ifPresent(r -> values.put("rule", r));
            match.matchedPhrase().ifPresent(p -> values.put("matched", p));
            if (!match.contributingTerms().isEmpty()) {
                values.put("terms", match.contributingTerms());
            }
            values.put("seen", s.moment().equals(TextSegment.LATER) ? "a few seconds after load" : "at load");
            if (!s.region().isEmpty()) {
                values.put("region", s.region());
            }
            values.put("beside_offer", s.nearOffer());
            out.add(FindingBuilder.finding(DarkPatternFinding.text(type)).confidence(match.confidence())
                    .title(type.title())
                    .description("“" + clip(s.text()) + "” — " + match.why() + ".")
                    .plainEnglish(type.plainEnglish())
                    .page(page.finalUrl()).evidence(s.text(), s.selector(), values)
                    .screenshot(shotFor(page, s.moment())).build());
        }
    }

    private static void drippedFees(SiteCapture capture, List<Finding> out) {
        PatternType type = PatternType.HIDDEN_COSTS;
        for (DripPricing.DrippedFee d : DripPricing.find(capture.pages())) {
            out.add(FindingBuilder.finding(DarkPatternFinding.HIDDEN_FEE).confidence(0.8)
                    .title("A fee appears only at checkout")
                    .description("The checkout page (" + d.checkout().finalUrl() + ") adds a " + d.fee() + " — “" + clip(d.segment().text())
                            + "” — that the cart (" + d.cart().finalUrl() + ") never mentioned.")
                    .plainEnglish("The price you agreed to in the cart is not the price you pay: a " + d.fee() + " is added at the last step.")
                    .page(d.checkout().finalUrl())
                    .evidence(d.segment().text(), d.segment().selector(), Map.of("fee", d.fee(), "cart", d.cart().finalUrl().toString()))
                    .screenshot(d.checkout().firstScreenshot()).build());
        }
    }

    private static void preselected(PageCapture page, List<Finding> out) {
        for (CheckboxFacts box : page.checkboxes()) {
            if (!box.checked() || !box.type().equals("checkbox") || HARMLESS_TICK.matcher(box.label()).find()) {
                continue;
            }
            boolean addOn = ADD_ON.matcher(box.label()).find();
            boolean marketing = MARKETING.matcher(box.label()).find();
            if (!addOn && !marketing) {
                continue;
            }
            PatternType type = addOn ? PatternType.PRESSURED_SELLING : PatternType.FORCED_ENROLLMENT;
            out.add(FindingBuilder.finding(DarkPatternFinding.PRESELECTED_OPTION).category(type.category().wire()).patternType(type.wire())
                    .severity(addOn ? Severity.HIGH : Severity.MEDIUM).confidence(0.85)
                    .title(addOn ? "A paid extra is ticked for you" : "You are signed up for marketing unless you untick it")
                    .description("The checkbox “" + clip(box.label()) + "” on " + page.finalUrl() + " is already ticked when the page loads.")
                    .plainEnglish(addOn ? "The shop ticked an extra for you; if you do not notice and untick it, you pay for it."
                            : "The shop ticked the box that signs you up; if you do not untick it, you have agreed without choosing to.")
                    .page(page.finalUrl()).evidence(box.label(), box.selector(), Map.of("checked", true, "in_form", box.inForm()))
                    .screenshot(page.firstScreenshot()).build());
        }
    }

    private void hiddenDecline(PageCapture page, List<Finding> out) {
        int found = 0;
        for (ControlFacts c : page.controls()) {
            String text = c.text().strip();
            if (text.length() > 80 || !c.visible() || !(DECLINE.matcher(text).matches() || isConfirmshaming(text))) {
                continue; // a control not shown at all (a closed dialog's button) hides nothing from anyone
            }
            List<String> problems = new ArrayList<>();
            if (c.fontSizePx() > 0 && c.fontSizePx() < 11) {
                problems.add("tiny text (" + Math.round(c.fontSizePx()) + " px)");
            }
            if (c.contrast() > 0 && c.contrast() < 2.5) {
                problems.add("faint (contrast " + c.contrast() + ":1)");
            }
            if (c.opacity() < 0.3) {
                problems.add("nearly transparent");
            }
            if (problems.isEmpty() || found >= MAX_PER_TYPE) {
                continue;
            }
            found++;
            out.add(FindingBuilder.finding(DarkPatternFinding.HIDDEN_DECLINE).confidence(0.85)
                    .title("The way to say no is hidden")
                    .description("The option “" + clip(text) + "” is made hard to see: " + String.join(", ", problems) + ".")
                    .plainEnglish("The button or link to decline is deliberately small or faint so you do not notice it; declining is always allowed.")
                    .page(page.finalUrl()).evidence(text, c.selector(), Map.of("font_size_px", c.fontSizePx(), "contrast", c.contrast(),
                            "opacity", c.opacity(), "in_dialog", c.inDialog()))
                    .screenshot(page.firstScreenshot()).build());
        }
    }

    private boolean isConfirmshaming(String text) {
        return classifier.classify(text).map(m -> m.patternType() == PatternType.CONFIRMSHAMING).orElse(false);
    }

    private static void timers(PageCapture page, List<Finding> out) {
        for (Observation o : page.temporal().timers()) {
            Optional<Reading> load = o.at(Reading.LOAD);
            Optional<Reading> later = o.at(Reading.LATER);
            Optional<Reading> reload = o.at(Reading.RELOAD);
            if (load.isEmpty() || load.get().value().isEmpty() || later.isEmpty() || later.get().value().isEmpty()) {
                continue;
            }
            long v0 = load.get().value().get();
            long v1 = later.get().value().get();
            double elapsed = (later.get().atMillis() - load.get().atMillis()) / 1000.0;
            boolean countdownWords = COUNTDOWN_CONTEXT.matcher(o.context()).find();
            // A timer showing only minutes ("2h 15m") or hours may rightly stand still or jump by its step.
            long step = TimerText.resolutionSeconds(load.get().text());
            String verdict = null;
            double confidence = 0;
            if (reload.isPresent() && reload.get().value().isPresent()) {
                double sinceLoad = (reload.get().atMillis() - load.get().atMillis()) / 1000.0;
                double expected = v0 - sinceLoad;
                long v2 = reload.get().value().get();
                if (v1 < v0 && v2 > expected + 2.5 + (step - 1)) {
                    verdict = "restarts when the page is reloaded: it showed " + load.get().text() + " at load, " + later.get().text()
                            + " after " + fmt(elapsed) + " s, and " + reload.get().text() + " again after a reload " + fmt(sinceLoad) + " s after the first load";
                    confidence = 0.95;
                }
            }
            if (verdict == null && v1 == v0 && elapsed >= Math.max(2, step + 1) && countdownWords) {
                verdict = "does not move: it showed " + load.get().text() + " at load and still " + later.get().text() + " " + fmt(elapsed) + " s later";
                confidence = 0.8;
            } else if (verdict == null && v1 != v0 && countdownWords) {
                double ran = v0 - v1;
                if (ran < 0) {
                    verdict = "runs backwards for a countdown: " + load.get().text() + " became " + later.get().text() + " in " + fmt(elapsed) + " s";
                    confidence = 0.8;
                } else if (Math.abs(ran - elapsed) > 2 + 0.25 * elapsed + (step - 1)) {
                    verdict = "runs at the wrong speed: " + fmt(ran) + " s passed on the timer in " + fmt(elapsed) + " s of real time";
                    confidence = 0.75;
                }
            }
            if (verdict == null) {
                continue;
            }
            Map<String, Object> readings = new LinkedHashMap<>();
            for (Reading r : o.readings()) {
                readings.put(r.moment(), Map.of("text", r.text(), "at_ms", r.atMillis(), "seconds", r.value().orElse(-1L)));
            }
            out.add(FindingBuilder.finding(DarkPatternFinding.FAKE_COUNTDOWN).confidence(confidence)
                    .title("Fake countdown timer")
                    .description("The countdown “" + clip(o.context()) + "” " + verdict + ".")
                    .plainEnglish("The deadline is not real: the timer " + (verdict.startsWith("restarts") ? "starts again every time the page loads"
                            : verdict.startsWith("does not move") ? "never counts down" : "does not keep real time") + ", so there is no need to hurry.")
                    .page(page.finalUrl()).evidence(o.context(), o.selector(), readings)
                    .screenshot(page.firstScreenshot()).build());
        }
    }

    private static void counters(PageCapture page, List<Finding> out) {
        for (Observation o : page.temporal().counters()) {
            Optional<Reading> load = o.at(Reading.LOAD);
            Optional<Reading> later = o.at(Reading.LATER);
            Optional<Reading> reload = o.at(Reading.RELOAD);
            if (load.isEmpty() || load.get().value().isEmpty() || reload.isEmpty() || reload.get().value().isEmpty()) {
                continue;
            }
            long v0 = load.get().value().get();
            long v2 = reload.get().value().get();
            boolean scarcity = o.context().toLowerCase(Locale.ROOT).matches(".*\\b(left|remaining|stock|available)\\b.*");
            String verdict;
            if (v0 == v2 && later.flatMap(Reading::value).map(v -> v == v0).orElse(true)) {
                if (!scarcity) {
                    continue; // a steady "N people viewing" proves little either way
                }
                verdict = "stayed at " + v0 + " at load, a few seconds later and after a reload";
            } else if (scarcity && v2 > v0) {
                verdict = "went up from " + v0 + " to " + v2 + " on a reload, which real stock does not do";
            } else if (!scarcity && v0 != v2) {
                verdict = "changed from " + v0 + " to " + v2 + " on a simple reload";
            } else {
                continue;
            }
            PatternType type = scarcity ? PatternType.LOW_STOCK_MESSAGE : PatternType.ACTIVITY_NOTIFICATION;
            Map<String, Object> readings = new LinkedHashMap<>();
            for (Reading r : o.readings()) {
                readings.put(r.moment(), Map.of("text", r.text(), "at_ms", r.atMillis(), "value", r.value().orElse(-1L)));
            }
            out.add(FindingBuilder.finding(DarkPatternFinding.FAKE_SCARCITY).category(type.category().wire()).patternType(type.wire()).confidence(scarcity && v0 == v2 ? 0.6 : 0.75)
                    .title(scarcity ? "Stock count that never changes" : "Made-up activity count")
                    .description("The claim “" + clip(o.context()) + "” " + verdict + ".")
                    .plainEnglish(scarcity ? "The “only a few left” number looks fixed in the page rather than counted from real stock."
                            : "The number of other shoppers changes at random, so it is not a real count.")
                    .page(page.finalUrl()).evidence(o.context(), o.selector(), readings)
                    .screenshot(page.firstScreenshot()).build());
        }
    }

    private static Optional<Integer> shotFor(PageCapture page, String moment) {
        List<Integer> shots = page.screenshotIndexes();
        if (shots.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(moment.equals(TextSegment.LATER) && shots.size() > 1 ? shots.get(1) : shots.get(0));
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 160 ? t.substring(0, 159) + "…" : t;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Characters of text an audit may still read for wording (once a segment does not fit, nothing more is read), and the
     * texts the sentence network may still read.
     */
    private static final class TextBudget {
        private int left;
        private boolean exhausted;
        private final MeaningBudget meaning;

        TextBudget(int chars, MeaningBudget meaning) {
            this.left = chars;
            this.meaning = meaning;
        }

        MeaningBudget meaning() {
            return meaning;
        }

        boolean take(int chars) {
            if (exhausted || chars > left) {
                exhausted = true;
                return false;
            }
            left -= chars;
            return true;
        }

        boolean leftTextUnread() {
            return exhausted;
        }
    }
}
