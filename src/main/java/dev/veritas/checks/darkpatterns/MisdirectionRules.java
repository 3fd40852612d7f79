package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.CONFIRMSHAMING;
import static dev.veritas.checks.darkpatterns.PatternType.PRESSURED_SELLING;
import static dev.veritas.checks.darkpatterns.PatternType.TRICK_QUESTIONS;
import static dev.veritas.checks.darkpatterns.PatternType.VISUAL_INTERFERENCE;
import static dev.veritas.checks.darkpatterns.RuleParts.DECLINE;

import java.util.List;

/**
 * Misdirection: decline options worded to shame, choices worded to confuse, and pushed extras.
 * Confirmshaming lives on buttons and links, so its rules only look at short texts: a review saying
 * "I'd rather pay more for quality" inside a paragraph is an opinion, not a decline button.
 */
final class MisdirectionRules {
    private static final int BUTTON = 120;
    private static final String BENEFIT = "(?:sav(?:e|ing|ings)|discounts?|deals?|free\\b|offers?|money|winning|bargains?|rewards?|gifts?|coupons?|"
            + "\\d+ ?%|perks|promotions?|lucky|fun|cash|points|exclusive\\w*|specials?|cheap\\w*|lower prices?)";

    private MisdirectionRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "No thanks, I'd rather pay full price", "I like paying full price", "I want to pay more"
                TextRule.of("misdirection.shame_pay_more", CONFIRMSHAMING, 0.95,
                                "\\bi(?:'d| would| will|'ll|'m| am)?\\s+(?:\\w+\\s+){0,2}?(?:to\\s+)?(?:pay(?:ing)?|spend(?:ing)?)\\s+(?:the\\s+)?(?:full|more|regular|retail|extra|top|original|normal|higher|too much)\\b"
                                        + "|\\bi(?:'ll| will|'d| would)? (?:rather )?(?:stay|stick|keep|remain)\\w* (?:at |with |on |paying )?(?:the )?(?:full|regular|normal) price\\b")
                        .maxLength(BUTTON),
                // "No thanks, I don't want to save money", "I don't like free stuff", "No, I don't feel lucky"
                TextRule.of("misdirection.shame_refuse_benefit", CONFIRMSHAMING, 0.95,
                                "\\bi (?:do not|don't|dont|never) (?:want|like|need|care about|enjoy|deserve|love)(?: to)?(?: \\w+){0,3}? " + BENEFIT
                                        + "|\\bi (?:do not|don't|dont) feel lucky\\b"
                                        + "|\\bi (?:hate|dislike|despise) (?:\\w+ ){0,2}?" + BENEFIT)
                        .unless("\\bgift (?:receipt|wrap\\w*|box|message|card|note|bag)\\b")
                        .maxLength(BUTTON),
                // "No thanks, I'll be the last to know", "I'll just walk", "I'll shop without a discount"
                TextRule.of("misdirection.shame_walk_away", CONFIRMSHAMING, 0.9,
                                "\\b(?:i'll|i will|i'd rather|i would rather|let me)\\s+(?:just\\s+)?(?:walk|kick rocks|be the last to know|miss out|shop without|go without"
                                        + "|stay (?:uninformed|in the dark|behind|broke|ugly|bored)|pass on (?:sav\\w*|free\\w*|(?:the|this|these) (?:deals?|discounts?|offers?|savings?)))"
                                        + "|\\blet (?:this|the|my) (?:offer|deal|discount|savings?|chance|opportunity) (?:sail|slip|pass|go|float|walk|fly)\\b"
                                        + "|\\b(?:free stuff|free things|discounts?|savings?|deals?|saving money|winning|free gifts?|fun) (?:isn't|is not|aren't|are not) for me\\b"
                                        + "|\\bi(?:'d| would) (?:like|prefer|rather have) (?:\\w+ ){0,2}?0 ?% off\\b"
                                        + "|\\b(?:i'm|i am) not interested in " + BENEFIT
                                        + "|\\bi(?:'d| would) rather not (?:\\w+ ){0,2}?" + BENEFIT
                                        // "Decline and lose my 20% discount", "No, I'll give up my reward"
                                        + "|(?:^\\W*(?:" + DECLINE + "|decline)\\b.{0,20}?|\\bi(?:'ll| will| want to)? )(?:lose|forfeit|give up|throw away|waste) (?:my|the|this|these|all|free) (?:\\w+ ){0,2}?" + BENEFIT)
                        .maxLength(BUTTON),

                // "Order without free membership", "Continue without protection": the unwanted option made to sound like a loss
                TextRule.of("misdirection.without_benefit", VISUAL_INTERFERENCE, 0.7,
                                "\\b(?:continue|order|checkout|check out|proceed|buy|shop|purchase|register|join|pay)(?:ing)? without (?:the |my |a |an |your |any )?"
                                        + "(?:free |extra |exclusive |member |vip )*(?:membership|protection|warranty|discount|insurance|gift|savings?|offer|coverage|upgrade|benefits?|rewards?|deal|perks)\\b")
                        .maxLength(BUTTON),

                // "Uncheck the box if you prefer not to receive emails": ticking means refusing
                TextRule.of("misdirection.check_to_refuse", TRICK_QUESTIONS, 0.85,
                        "\\b(?:un)?(?:check|tick|select|mark)(?:ed)?\\s+(?:this|the|here|below|the following)?\\s*(?:box|checkbox)?\\s*(?:if|unless)\\s+you\\s+"
                                + "(?:do not|don't|would not|wouldn't|prefer not|would prefer not|would rather not|no longer|wish not|do not wish|don't wish|don't want|do not want)\\b"),
                // "If you do not wish to be contacted, ensure the box is not checked"
                TextRule.of("misdirection.negated_checkbox", TRICK_QUESTIONS, 0.8,
                        "\\bif you (?:do not|don't|would not|wouldn't|prefer not to)\\b.{0,100}\\b(?:box|checkbox)\\b.{0,30}"
                                + "\\b(?:not (?:checked|ticked|selected)|unchecked|unticked|is checked|is ticked|tick|check)\\b"),

                // "Add our warranty for just $3.85", "Why not add fabric protection", "Yes! Upgrade my purchase"
                TextRule.of("misdirection.protection_upsell", PRESSURED_SELLING, 0.75,
                        "\\b(?:add|get|include|buy)\\b.{0,60}\\b(?:warranty|protection plan|protection|insurance|accident(?:al)? (?:damage )?(?:cover(?:age)?|protection)|care ?plan|coverage)\\b"
                                + ".{0,50}\\b(?:for (?:just|only)|just|only) [$£€]?\\d"),
                TextRule.of("misdirection.upsell_nudge", PRESSURED_SELLING, 0.7,
                        "\\bwhy not (?:add|upgrade|treat yourself|make it|grab|get)\\b"
                                + "|\\bupgrade (?:now |today )?(?:for|to \\w+ for) (?:just|only) [$£€]?\\d"
                                + "|\\b(?:don't|do not) forget (?:to add |about )?(?:the |your )?(?:essentials?|accessories|protection|warranty|insurance|batteries|care plan)\\b"
                                + "|\\b(?:you're|you are) missing out on (?:these|this|our|great|amazing|the)\\b"
                                + "|\\bprotect your (?:purchase|order|investment|new \\w+)\\b"),
                TextRule.of("misdirection.yes_upgrade", PRESSURED_SELLING, 0.7,
                                "^\\W*yes\\b[!,.]*\\s*(?:please\\s*)?[,!]?\\s*(?:upgrade|add|protect|include|insure|double|make it)\\b")
                        .maxLength(BUTTON));
    }
}
