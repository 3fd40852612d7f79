package dev.veritas.checks.darkpatterns;

import dev.veritas.capture.PageCapture;
import dev.veritas.capture.TemporalFacts.Observation;
import dev.veritas.capture.TemporalFacts.Reading;
import dev.veritas.capture.TextSegment;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a piece of text that reads like a dark pattern sits where dark patterns live. A dark pattern is pressure on
 * a decision: a short message attached to an offer (a price or a buy button in the same small block), a pop-up or
 * banner, a button, a timer that ticks. The same words in an article's prose ("just 18 months left in power", "a
 * sudden increase in 404 errors") press no one to buy anything.
 *
 * <p>A page is read as editorial when its main content is prose: several long passages. There only text attached to
 * an offer, shown in a dialog, or a countdown that visibly ticks counts. Elsewhere (shops, landing pages) short
 * messages count anywhere but in navigation and footers; fine print that signs people up or hides how to cancel counts
 * at any length.
 */
public final class TextPlacement {
    /** A passage of at least this many characters is prose (characters, not words: Chinese and Japanese have no spaces). */
    static final int PROSE_CHARS = 150;
    /** This many prose passages make a page editorial. */
    static final int EDITORIAL_PASSAGES = 4;
    /** Pressure messages are short: 95% of the labelled ones have at most 21 words. */
    static final int MESSAGE_WORDS = 30;
    static final int MESSAGE_CHARS = 240;
    private static final Set<String> PROSE_TAGS = Set.of("p", "li", "blockquote", "dd", "td", "figcaption", "div", "section", "article", "span");
    private static final Set<PatternType> FINE_PRINT = Set.of(PatternType.HIDDEN_SUBSCRIPTION, PatternType.HARD_TO_CANCEL,
            PatternType.FORCED_ENROLLMENT, PatternType.SNEAK_INTO_BASKET, PatternType.HIDDEN_COSTS, PatternType.TRICK_QUESTIONS);
    private static final Set<String> CHROME = Set.of("nav", "footer");
    /** Words that make a clock a deadline; a bare "5:41:43" beside a video is a length, not a countdown. */
    private static final Pattern DEADLINE = Pattern.compile("\\b(ends?|ending|left|remain\\w*|expir\\w*|hurry|countdown|timer|closes?|reserved|held|"
            + "gone|starts? in|deal|offer|sale|discount|price|last chance|only|within|until|before)\\b", Pattern.CASE_INSENSITIVE);

    private final PageCapture page;
    private final boolean editorial;

    private TextPlacement(PageCapture page, boolean editorial) {
        this.page = page;
        this.editorial = editorial;
    }

    public static TextPlacement of(PageCapture page) {
        long passages = page.segments().stream().filter(TextSegment::visible)
                .filter(s -> s.text().length() >= PROSE_CHARS && PROSE_TAGS.contains(s.tag()) && !s.nearOffer()).count();
        return new TextPlacement(page, passages >= EDITORIAL_PASSAGES);
    }

    public boolean editorial() {
        return editorial;
    }

    /**
     * Why a match does not count where its text sits, or empty when it does. A match of the learned models has no phrase a
     * reader can check, only a likeness, so it counts only where pressure is unmistakably attached to a decision: beside an
     * offer (a price or buy button in the same small block) or in a timer that ticks. Headlines and teasers on any page
     * ("This strategy game will keep you up all night!") and dialogs that sell nothing (an editor's "Something's wrong, a
     * mini-history of this post") resemble pressure messages; a rule's phrase is needed to report them there.
     */
    public Optional<String> outOfPlace(TextSegment s, TextMatch match) {
        if (match.source() == TextMatch.Source.MODEL && !s.nearOffer() && !ticking(s)) {
            return Optional.of("a learned likeness with no phrase to show, attached to no offer");
        }
        return outOfPlace(s, match.patternType());
    }

    /** Why the text does not count where it sits, or empty when it does. */
    public Optional<String> outOfPlace(TextSegment s, PatternType type) {
        int words = s.text().strip().split("\\s+").length;
        boolean message = words <= MESSAGE_WORDS && s.text().length() <= MESSAGE_CHARS;
        boolean finePrint = FINE_PRINT.contains(type);
        if (!message && !finePrint) {
            return Optional.of("a long passage, not a message");
        }
        boolean ticks = ticking(s);
        if (type == PatternType.COUNTDOWN_TIMER && !ticks && !s.nearOffer() && !DEADLINE.matcher(s.text()).find()) {
            return Optional.of("a time shown, not a countdown");
        }
        if (s.nearOffer() || s.region().equals("dialog") || ticks) {
            return Optional.empty();
        }
        if (editorial) {
            return Optional.of("article text on an editorial page, attached to no offer");
        }
        if (CHROME.contains(s.region()) && !finePrint) {
            return Optional.of("in the page's " + s.region());
        }
        return Optional.empty();
    }

    /** A timer seen changing between two readings whose text is this segment's, or part of it. */
    private boolean ticking(TextSegment s) {
        for (Observation o : page.temporal().timers()) {
            Optional<Reading> load = o.at(Reading.LOAD);
            Optional<Reading> later = o.at(Reading.LATER);
            boolean moved = load.isPresent() && later.isPresent() && !load.get().text().equals(later.get().text());
            if (moved && (s.text().contains(load.get().text()) || o.context().contains(s.text()))) {
                return true;
            }
        }
        return false;
    }
}
