package dev.veritas.checks.darkpatterns;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a sentence reports news rather than speaks to a shopper. "Tickets sold out within minutes, the promoter said" and
 * "Analysts expect the phone to sell out quickly" use the words of scarcity and urgency, but a pressure message never cites a
 * source: it addresses the shopper about the thing in front of them. Reported speech therefore outweighs those words. Rules
 * for sneaking, obstruction, forced action and misdirection are not affected, as their fine print is never news.
 */
final class NewsVoice {
    private static final Pattern REPORTING = Pattern.compile("\\b(?:said|says|told (?:reporters|the \\w+|us)|according to|reportedly|reported|analysts?|economists?|"
            + "officials?|spokes(?:man|woman|person)|organi[sz]ers|promoters?|the (?:minister|government|council|president|mayor|police)|scientists?|researchers?"
            + "|experts? (?:say|said|warn|warned|predict|believe)|warn(?:s|ed)? that|announced|(?:has|have) (?:reminded|warned|confirmed|announced)"
            + "|[a-z]+(?:ists|ians|ers|ors) (?:say|said|warn|warned|report|reported|estimate|estimated)"
            + "|(?:study|survey|report|research|analysis|poll|figures|data|census) (?:finds|found|shows|showed|suggests|suggested|reveals|revealed))\\b");
    private static final Set<PatternCategory> PRESSURE = Set.of(PatternCategory.SCARCITY, PatternCategory.URGENCY, PatternCategory.SOCIAL_PROOF);

    private NewsVoice() {
    }

    /** Whether a match of this type on this normalised text is reported news, not pressure on the reader. */
    static boolean reports(PatternType type, String normalized) {
        return PRESSURE.contains(type.category()) && type != PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN
                && REPORTING.matcher(normalized).find();
    }
}
