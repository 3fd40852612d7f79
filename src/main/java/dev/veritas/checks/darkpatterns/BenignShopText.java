package dev.veritas.checks.darkpatterns;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ordinary shop wording the learned model must not flag on its own: shipping offers, return policies,
 * plain stock status, deadlines with a real date, reviews in the first person, rating counts, account
 * and cookie chrome. The model learned from a few hundred segments and can over-read words such as
 * "free" or a number; these vetoes keep model-only findings off text shoppers see as normal. They do
 * not apply to rule matches, which already encode what makes a text manipulative.
 */
public final class BenignShopText {
    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    /** A text in the shopper's voice ("I …", "My …"): a review — or a decline button, which speaks as the shopper too. */
    private static final Pattern FIRST_PERSON = Pattern.compile("^\\W*(?:i|we|my|our)\\b");
    /** What only a review says: "I bought two", "We love it", "Very happy with my purchase". */
    private static final Pattern REVIEW_VOICE = Pattern.compile(
            "\\b(?:i|we) (?:bought|ordered|purchased|love|loved|received|got|have|had|was|am|would|will|chose|picked|use|used|tried|recommend)\\b"
                    + "|\\b(?:happy|pleased|satisfied|delighted|thrilled) with (?:my|our) (?:purchase|order|choice)\\b");
    private static final List<Pattern> VETOES = List.of(
            Pattern.compile("\\bfree (?:\\w+ ){0,2}?(?:shipping|delivery|returns?|exchanges?|click (?:&|and) collect)\\b"),
            Pattern.compile("\\b(?:shipping|delivery|dispatch\\w*|ships)\\b.{0,40}\\b(?:within|in|over|from|on orders|days?)\\b"),
            Pattern.compile("\\b(?:returns?|refunds?|exchanges?)\\b.{0,60}\\b(?:within|days|policy|free|easy)\\b"),
            Pattern.compile("^\\W*(?:in stock|out of stock|sold out|available(?: now)?|pre-?order|back-?order\\w*|coming soon|add to (?:cart|bag|basket))\\W*$"),
            Pattern.compile("\\b(?:ends?|until|till|through|thru|valid|expires?|by)\\b.{0,25}(?:\\b" + MONTH + " \\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?" + MONTH
                    + "|\\b\\d{1,2}/\\d{1,2}\\b)"),
            FIRST_PERSON,
            REVIEW_VOICE,
            Pattern.compile("\\b\\d[\\d,.]{0,14} (?:reviews?|ratings?|stars?|answered questions)\\b|\\bout of 5\\b"),
            Pattern.compile("\\b(?:cookies?|privacy|sign in|log in|my account|password|accessibility)\\b"),
            // What is gone presses no one: "Tier 1 SOLD OUT", "Size 8 – sold out", "Frame out of stock in this colour"
            // (not "almost sold out", "selling out fast")
            Pattern.compile("^(?!.*\\b(?:almost|nearly|about to|going to|will|soon|fast|quickly|before|only|last|hurry|selling)\\b)[^.!?]{0,40}\\b(?:sold out|out of stock)\\W*(?:in [\\w ]{1,20})?\\W*$"),
            // A plain decline is how a fair shop words "no"; only the shaming additions are a pattern.
            Pattern.compile("^\\W*(?:no|nope|no,? thanks?|no,? thank you|not now|maybe later|skip|close|dismiss|cancel)\\W*$"),
            // ... and so is a decline that only says what the shopper does not need ("No thanks, I don't need a bag").
            Pattern.compile("^\\W*(?:no|nope|no,? thanks?|no,? thank you|not now|skip)\\W+i (?:don't|do not) (?:need|want|mind|require)\\b"),
            // The shop confirming what the shopper did, and counts of things that are not stock
            Pattern.compile("\\b(?:has|have) been added to your (?:cart|bag|basket|trolley|order|wish ?list)\\b|\\byou can remove it\\b"
                    + "|\\bas you (?:selected|chose|requested|asked|picked|ticked)\\b"),
            Pattern.compile("^\\W*(?:stock|qty|quantity|available|availability)\\s*:\\s*\\d+\\W*$"),
            Pattern.compile("\\b\\d+ (?:more )?(?:steps?|fields?|questions?|pages?) (?:left|remaining|to go)\\b"),
            // A review that drops its "I": "Bought this for my son, he loves it"
            Pattern.compile("^\\W*(?:bought|ordered|purchased|got|received) (?:this|these|it|them|one|two|a|an)\\b[^.!?]{0,40}\\b(?:my|our|me|us)\\b"),
            // A fact about a release, not a count running down: "Limited release: only 1,200 bottles produced"
            Pattern.compile("\\blimited (?:release|edition|run)\\b[^.!?]{0,40}\\b(?:produced|made|pressed|printed|numbered|released|of \\d)"),
            // The shopper's own account: "Your subscription: only 3 days left in this billing period"
            Pattern.compile("\\byour (?:subscription|trial|plan|membership|session|billing|account)\\b"),
            Pattern.compile("\\b(?:have|has) (?:reviewed|rated)\\b|\\blast (?:checked|updated|refreshed|synced)\\b"));

    private static final Pattern PLAIN_DECLINE_FIRST = Pattern.compile("^\\W*(?:no|nope|no,? thanks?|no,? thank you|not now|maybe later|skip)\\b\\W");

    private BenignShopText() {
    }

    /**
     * Whether the text opens with a plain "no" ("No thanks, I'll assemble it myself"). What follows decides whether it
     * shames, and the learned models read every "No thanks, I …" alike, so such a text is left to the rules, which know
     * the shaming turns ("I'd rather pay full price").
     */
    public static boolean opensWithPlainDecline(String normalized) {
        return PLAIN_DECLINE_FIRST.matcher(normalized).find();
    }

    /** The veto that applies to this normalised text, as the phrase it matched. */
    public static Optional<String> veto(String normalized) {
        return veto(normalized, Optional.empty());
    }

    /**
     * The veto for a text the learned models read as {@code readAs}. A decline that shames is written in the shopper's own
     * voice ("I'd rather not smell amazing", "I'll risk paying the full excess myself"), so a text read as confirmshaming is not
     * vetoed for speaking in the first person; the other vetoes still apply.
     */
    public static Optional<String> veto(String normalized, Optional<PatternType> readAs) {
        boolean decline = readAs.equals(Optional.of(PatternType.CONFIRMSHAMING));
        for (Pattern p : VETOES) {
            if (decline && p == FIRST_PERSON) {
                continue;
            }
            Matcher m = p.matcher(normalized);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
