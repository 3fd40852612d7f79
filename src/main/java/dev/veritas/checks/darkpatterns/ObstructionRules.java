package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.HARD_TO_CANCEL;

import java.util.List;

/**
 * Obstruction: a membership or subscription that can only be cancelled by calling, emailing or
 * writing. All three clues must be present; an order cancellation or return policy is not a
 * subscription, and "cancel online in your account" is the fair way, so neither is matched.
 */
final class ObstructionRules {
    private ObstructionRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                TextRule.of("obstruction.cancel_by_contact_only", HARD_TO_CANCEL, 0.75,
                                "\\b(?:cancel\\w*|terminat\\w*|discontinue|end (?:your|the|my) (?:plan|membership|subscription|contract)|stop (?:your |the )?(?:auto-?\\w+|subscription|membership|plan|deliveries|shipments|box)|to (?:end|stop|quit) (?:it|this)|stop (?:the |your )?(?:automatic )?renewal|elect not to renew|opt out of (?:the |your )?(?:renewal|membership|subscription))\\b")
                        .requires("\\b(?:membership|subscription|auto(?:matic|-)? ?renew\\w*|auto-?ship\\w*|auto-?deliver\\w*|recurring|billed|billing|charged (?:monthly|every)|charges? (?:will )?continue|commitment|minimum term|contract|(?:your|the|my|end) plans?|(?:your|the) box|(?:rewards?|vip|loyalty|benefits?) (?:club|program(?:me)?|plan)|renewal|club member)")
                        .requires("\\b(?:call(?:ing)?|phon(?:e|ing)|telephone|contact(?:ing)? (?:our |the )?(?:[\\w-]+ )?(?:customer (?:service|care|support|services)|support|us|member services)"
                                + "|e-?mail(?:ing)? us|send us an e-?mail|e-?mail (?:your )?cancel\\w* (?:requests?|notice) to|chat with (?:an? )?(?:agent|representative|advisor|us)|live chat|speak(?:ing)? (?:with|to) (?:a |an |our )?(?:[\\w-]+ )?(?:specialist|agent|representative|advisor|team|member of)|retention|write to us|(?:registered|certified|recorded) (?:mail|post|letter)|signed (?:form|letter)|visit (?:any of )?(?:our|a|the) (?:stores?|branch\\w*|clubs?|offices?)"
                                + "|in person|by fax|by (?:post|mail|postal mail|letter)|in writing|writing to|\\d{3}[-. )]\\s?\\d{3}[-. ]\\d{4}|1-800|[\\w.]+@[\\w-]+\\.[a-z]{2,})")
                        .unless("\\bno (?:phone )?calls? (?:needed|required|necessary)\\b|\\bwithout (?:calling|a (?:phone )?call)\\b|\\bgo to\\b.{0,30}\\b(?:subscriptions?|settings|account|profile)\\b"
                                + "|\\b(?:online|in (?:your|my) account|from (?:your|my) account|account settings|(?:with )?one[- ]click|in the app|self[- ]serve|manage (?:your |my )?subscription)\\b"),
                // Saying outright that cancelling online is impossible is the obstruction itself; the
                // "online" the rule above treats as the fair way is negated here.
                TextRule.of("obstruction.no_online_cancel", HARD_TO_CANCEL, 0.85,
                        "\\b(?:cannot|can ?not|can't|won't|will not|may not|is not|isn't|are not|aren't|not)\\b[^.]{0,30}\\bcancel\\w*\\b[^.]{0,25}\\b(?:online|by e-?mail|on (?:the|our) (?:web ?site|app)|in the app|in (?:your|the) account)\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,20}\\b(?:cannot|can ?not|can't|won't|will not|may not)\\b[^.]{0,25}\\b(?:online|by e-?mail|in the app|in (?:your|the) account|on (?:the|our) (?:web ?site|app))\\b"
                                + "|\\b(?:online|web|in-app|app) cancel\\w* (?:is )?(?:not available|isn't available|unavailable|not possible|not supported)\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,20}\\b(?:requires?|needs?) (?:a )?(?:phone |telephone )?call\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,30}\\b(?:requires?|needs?)\\b[^.]{0,30}\\bwritten notice\\b|\\bto cancel\\b[^.]{0,40}\\bin person\\b"
                                + "|\\bcancel\\w* (?:requests? )?(?:by|via|through|over) (?:e-?mail|online|the app|the web ?site|phone)\\b[^.]{0,10}\\b(?:are|is) not (?:accepted|possible|allowed|processed)\\b"
                                + "|\\b(?:do not|don't|cannot|can't|will not|won't) (?:process|accept|take) cancel\\w* (?:via|by|through|over|online)\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,40}\\b(?:by (?:sending )?(?:a )?(?:written notice|letter|fax)|(?:registered|certified|recorded) (?:mail|post|delivery))\\b"
                                + "|\\b(?:only|exclusively)\\b[^.]{0,20}\\bcancel\\w*\\b[^.]{0,30}\\b(?:by (?:phone|tele?phone|calling|post|mail|letter|fax|sending (?:a |us )?(?:[\\w-]+ )?(?:letter|form|fax))|in writing|in person|written)\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,30}\\b(?:only|exclusively)\\b[^.]{0,20}\\b(?:by (?:phone|tele?phone|calling|post|mail|letter)|in writing|in person)\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,20}\\b(?:is not|isn't|not|are not|aren't) (?:available|possible|supported)\\b[^.]{0,20}\\b(?:online|in (?:your|my) account|on (?:the|our) (?:web ?site|app)|in the app)\\b"
                                // "Cancellation requests must be made by phone", "Memberships may be cancelled in person at the club"
                                + "|\\bcancel\\w*\\b[^.]{0,30}\\b(?:must|need to|has to|have to|can only|may only|may) be (?:made|submitted|done|requested|sent|cancel\\w*)\\b[^.]{0,20}"
                                + "\\b(?:by (?:phone|tele?phone|calling|post|mail|postal mail|post(?:al)? letter|letter|fax|registered mail|(?:recorded|certified|registered) post)|in writing|in person)\\b"));
    }
}
