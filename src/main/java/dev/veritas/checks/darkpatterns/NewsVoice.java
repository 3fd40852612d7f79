package dev.veritas.checks.darkpatterns;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence reports news rather than speaks to a shopper. "Tickets sold out within minutes, the promoter said" and
 * "Analysts expect the phone to sell out quickly" use the words of scarcity and urgency, but a pressure message never cites a
 * source: it addresses the shopper about the thing in front of them. Reported speech therefore outweighs those words. The fine
 * print of sneaking, obstruction and forced action may itself say "said" or "reported", so there only the words of a report
 * about shops count ("members complained they could only cancel in person", "regulators are investigating hidden fees").
 */
final class NewsVoice {
    private static final Pattern REPORTING = Pattern.compile("\\b(?:said|says|told (?:reporters|the \\w+|us)|according to|reportedly|reported|analysts?|economists?|"
            + "officials?|spokes(?:man|woman|person)|organi[sz]ers|promoters?|the (?:minister|government|council|president|mayor|police)|scientists?|researchers?"
            + "|experts? (?:say|said|warn|warned|predict|believe)|warn(?:s|ed)? that|announced|(?:has|have) (?:reminded|warned|confirmed|announced)"
            + "|[a-z]+(?:ists|ians|ers|ors) (?:say|said|warn|warned|report|reported|estimate|estimated)"
            + "|(?:study|survey|report|research|analysis|poll|figures|data|census) (?:finds|found|shows|showed|suggests|suggested|reveals|revealed))\\b");
    private static final Set<PatternCategory> PRESSURE = Set.of(PatternCategory.SCARCITY, PatternCategory.URGENCY, PatternCategory.SOCIAL_PROOF);
    /** Words of a report about shops, which the fine print of a shop never uses about itself. */
    private static final Pattern ABOUT_SHOPS = Pattern.compile("\\b(?:complain(?:ed|s)?|alleged(?:ly)?|regulators?|watchdog|consumer (?:groups?|survey|rights)|investigat(?:e|es|ed|ing|ion))\\b");

    private NewsVoice() {
    }

    /** Whether a match of this type on this normalised text is reported news, not pressure on the reader. */
    static boolean reports(PatternType type, String normalized) {
        if (type == PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN) {
            return false;
        }
        return PRESSURE.contains(type.category()) ? REPORTING.matcher(normalized).find() || ABOUT_SHOPS.matcher(normalized).find()
                : ABOUT_SHOPS.matcher(normalized).find();
    }
}
