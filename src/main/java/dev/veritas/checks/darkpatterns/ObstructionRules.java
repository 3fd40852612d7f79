package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.HARD_TO_CANCEL;

import java.util.List;

/**
 * Obstruction: a membership or subscription that can only be cancelled by calling, emailing or
 * writing. All three clues must be present; an order cancellation or return policy is not a
 * subscription, and "cancel online in your account" is the fair way, so neither is matched.
 */
final class ObstructionRules {
    /** Ways to leave that need a person: a call, a letter, an e-mail to be answered, a visit, a chat with an agent. */
    static final String PERSON_CHANNEL = "(?:call(?:ing)?(?! (?:for|me|time))|ring(?:ing)?|phon(?:e|ing)|telephon\\w*|give us a (?:call|ring|bell)|helpline|hotline|call cent(?:re|er)"
            + "|speak(?:ing)? (?:to|with)|talk(?:ing)? (?:to|with)|chat(?:ting)? (?:to|with)|live chat|via chat|e-?mail(?:ing)? (?:us|our|support|the|customer|member|cancel\\w*)"
            + "|send(?:ing)? (?:us )?(?:a |an |your )?(?:letter|written|signed|fax|form|e-?mail|request)|write to|writing to|in writing|by (?:post|mail|letter|fax)|(?:registered|certified|recorded) (?:mail|post|letter)"
            + "|visit(?:ing)? (?:any of )?(?:our|a|an|the|your)(?: home| local| nearest)? (?:stores?|shops?|branch\\w*|clubs?|offices?|gym|location|outlet)|in person|fill (?:in|out) a (?:cancel\\w* )?form|cancel\\w* form"
            + "|retention|loyalty team|member services|customer (?:service|care|support|services|loyalty)|support team"
            + "|\\d{3}[-. )]\\s?\\d{3}[-. ]\\d{4}|\\b0\\d{3,4}[ -]?\\d{3}[ -]?\\d{3,4}\\b|\\+\\d{1,3}[ \\d()-]{8,}|1-800|[\\w.]+@[\\w-]+\\.[a-z]{2,})";
    /** The fair ways to cancel: online, in the account or the app, in a click. */
    /** Said outright that nobody needs to be called: "No phone call is needed", "There is no need to phone or email us". */
    static final String NO_PERSON_NEEDED = "\\bno (?:phone )?calls? (?:is |are )?(?:needed|required|necessary)\\b|\\bwithout (?:calling|phoning|a (?:phone )?call)\\b"
            + "|\\b(?:no need|(?:don't|do not|won't|will not) need|(?:don't|do not) have) to (?:phone|call|ring|e-?mail|contact|speak|talk|write|chat)\\b";
    static final String SELF_SERVE = "\\b(?:online|in (?:your|my|the) account|from (?:your|my) account|account settings|my account|(?:with )?one[- ]click|in (?:one|two|a few) clicks|in the app|self[- ]serve"
            + "|manage (?:your |my )?subscription)\\b|" + NO_PERSON_NEEDED;

    private ObstructionRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "To cancel, please call us on 0800 123 4567", "Want to leave? Call our retention team", "Cancelling? Please ring 0345 678 9000":
                // cancelling what the shopper signed up to, only through a person. Cancelling an order, a booking or a return is a different
                // policy and is left to the rule above, which needs a subscription to be named.
                TextRule.of("obstruction.leave_through_a_person", HARD_TO_CANCEL, 0.7,
                                "\\b(?:to cancel|cancel(?:ling|ing|lation)?s?\\b(?: requests?)?|(?:want|wish|ready|planning|thinking of|need) to (?:cancel|leave|quit|stop|end it)|(?:want|ready) to go\\?|want out\\?"
                                        + "|unsubscrib\\w* from (?:the|your|our) (?:box|plan|service|club|membership|programme|program)|to (?:end|stop|close|quit|terminate) (?:it|this|your (?:account|plan|membership|subscription|contract|deliveries|box|service))"
                                        + "|can (?:only )?be (?:stopped|ended|terminated|cancell?ed|closed))\\b")
                        .requires("\\b" + PERSON_CHANNEL)
                        .requires("\\b(?:only|must|need to|needs? to|have to|has to|please|requires?|required|just|simply|can)\\b|\\b(?:are|is) (?:only )?(?:handled|processed|dealt with|done|taken)\\b|\\?|^\\W*(?:please )?(?:call|ring|phone|e-?mail|write to|contact|speak to|chat with|visit)\\b|^\\W*to (?:cancel|end|stop|unsubscribe|leave|quit|terminate)\\b")
                        .unless(SELF_SERVE + "|\\bcancel\\w* (?:or (?:amend|change|modify|return|edit) )?(?:an?|your|the|this|my|any) (?:[\\w-]+ )?(?:\\w+-)?(?:orders?|bookings?|reservations?|items?|purchases?|tickets?|flights?|stays?|appointments?)\\b"
                                + "|\\b(?:order|booking|reservation|appointment) cancel\\w*|\\b(?:returns?|refunds?|deliver(?:y|ies) slot|questions?|need help|for help|help (?:centre|center|desk|page)|queries)\\b"
                                + "|\\b(?:orders?|bookings?|reservations?|items?|purchases?|tickets?|appointments?) (?:can|may|must|will|need to) be (?:cancell?ed|changed|amended)\\b"
                                + "|\\bwithin \\d+ (?:hours?|minutes?|mins?|days?) of (?:purchase|purchasing|ordering|placing|booking|delivery|receipt|dispatch)\\b"
                                + "|\\b(?:free cancellation|cancellation policy|cancel\\w* (?:is )?free|no cancellation fees?)\\b"),
                TextRule.of("obstruction.cancel_by_contact_only", HARD_TO_CANCEL, 0.75,
                                "\\b(?:cancel\\w*|terminat\\w*|discontinue|end (?:your|the|my) (?:plan|membership|subscription|contract)|stop (?:your |the )?(?:auto-?\\w+|subscription|membership|plan|deliveries|shipments|box)|to (?:end|stop|quit) (?:it|this)|stop (?:the |your )?(?:automatic )?renewal|elect not to renew|opt out of (?:the |your )?(?:renewal|membership|subscription))\\b")
                        .requires("\\b(?:membership|subscription|auto(?:matic|-)? ?renew\\w*|auto-?ship\\w*|auto-?deliver\\w*|recurring|billed|billing|charged (?:monthly|every)|charges? (?:will )?continue|commitment|minimum term|contract|(?:your|the|my|end) plans?|(?:your|the) box|(?:rewards?|vip|loyalty|benefits?) (?:club|program(?:me)?|plan)|renewal|club member|(?:your|the|regular|monthly) (?:deliveries|shipments))")
                        .requires("\\b(?:call(?:ing)?|phon(?:e|ing)|telephone|contact(?:ing)? (?:our |the )?(?:[\\w-]+ )?(?:customer (?:service|care|support|services)|support|us|member services)"
                                + "|e-?mail(?:ing)? us|send us an e-?mail|e-?mail (?:your )?cancel\\w* (?:requests?|notice) to|chat with (?:an? )?(?:agent|representative|advisor|us)|live chat|speak(?:ing)? (?:with|to) (?:a |an |our )?(?:[\\w-]+ )?(?:specialist|agent|representative|advisor|team|member of)|retention|write to us|(?:registered|certified|recorded) (?:mail|post|letter)|signed (?:form|letter)|visit (?:any of )?(?:our|a|the) (?:stores?|branch\\w*|clubs?|offices?)"
                                + "|in person|by fax|by (?:post|mail|postal mail|letter)|in writing|writing to|\\d{3}[-. )]\\s?\\d{3}[-. ]\\d{4}|1-800|[\\w.]+@[\\w-]+\\.[a-z]{2,})")
                        .unless(NO_PERSON_NEEDED + "|\\bgo to\\b.{0,30}\\b(?:subscriptions?|settings|account|profile)\\b"
                                // the phone is what is subscribed to, or the cancellation is done: "your phone contract", "Phone subscription cancelled."
                                + "|\\b(?:phone|mobile|sim|broadband) (?:contract|subscription|plan|insurance|bill)\\b|\\bcancell?ed\\s*[.!]|\\bcan be cancell?ed within \\d+ days\\b"
                                + "|\\b(?:online|in (?:your|my) account|from (?:your|my) account|account settings|(?:with )?one[- ]click|in the app|self[- ]serve|manage (?:your |my )?subscription)\\b"),
                // Saying outright that cancelling online is impossible is the obstruction itself; the
                // "online" the rule above treats as the fair way is negated here.
                TextRule.of("obstruction.no_online_cancel", HARD_TO_CANCEL, 0.85,
                        "\\b(?:cannot|can ?not|can't|won't|will not|may not|is not|isn't|are not|aren't|not)\\b[^.]{0,30}\\bcancel\\w*\\b[^.]{0,25}\\b(?:online|by e-?mail|on (?:the|our) (?:web ?site|app)|in the app|in (?:your|the) account|via (?:the |our )?(?:app|web ?site|internet|online account)|through (?:the |our )?(?:app|web ?site))\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,20}\\b(?:cannot|can ?not|can't|won't|will not|may not)\\b[^.]{0,25}\\b(?:online|by e-?mail|in the app|in (?:your|the) account|on (?:the|our) (?:web ?site|app))\\b"
                                + "|\\b(?:online|web|in-app|app) cancel\\w* (?:is )?(?:not available|isn't available|unavailable|not possible|not supported)\\b"
                                // "You can't cancel from the app", "online cancellations aren't possible", "before we can process your request"
                                + "|\\b(?:can't|cannot|can not|won't be able to) cancel (?:from|in|on|through|via) (?:the|this|our) app\\b"
                                + "|\\bcancel\\w* (?:are|is) (?:not|n't) possible\\b|\\bcancel\\w*\\b[^.!?]{0,20}\\baren't possible\\b"
                                + "|\\btell us why you(?:'re| are) (?:leaving|cancel\\w*)\\b[^.!?]{0,20}\\bbefore we (?:can )?(?:process|cancel|close)\\b"
                                // "No online cancellation", "Cancellation by phone only", "Cancel by phone or in writing only"
                                + "|\\bno (?:online|web|in-app|app|self-service) cancel\\w*|\\bno (?:cancel\\w*|cancel button) (?:option|button|link)s? (?:online|in (?:your|the) account|on the (?:web ?site|app))\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,60}\\b(?:by|via|over the|through) (?:phone|telephone|post|mail|letter|fax|calling us)(?: or (?:by |via |in )?(?:phone|telephone|post|mail|letter|fax|writing))? only\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,60}\\b(?:phone|telephone)[- ]only\\b|\\bcancel\\w*\\b[^.]{0,40}\\bin writing only\\b"
                                + "|\\bcancel\\w*\\b[^.]{0,30}\\bonly\\b[^.]{0,20}\\bby (?:visiting|going to|coming (?:in)?to) (?:a|an|one of our|our|the|your) (?:stores?|shops?|branch\\w*|clubs?|offices?|gym)\\b"
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
                                + "\\b(?:by (?:phone|tele?phone|calling|post|mail|postal mail|post(?:al)? letter|letter|fax|registered mail|(?:recorded|certified|registered) post)|in writing|in person)\\b")
                        // a warning that helps: "Deleting your account does not cancel a subscription bought through the App Store"
                        .unless("\\b(?:delet\\w*|remov\\w*|uninstall\\w*) (?:your |the |this )?(?:account|app|profile)\\b[^.]{0,20}\\b(?:does not|doesn't|won't|will not) cancel\\b"
                                + "|\\b(?:bought|purchased|subscribed|made) (?:through|via|in|on) (?:the )?(?:app store|apple|itunes|google play|play store)\\b"),
                // Leaving made into a task or a narrow door: "please answer 6 quick questions to continue your cancellation", "Cancellation
                // requests are only accepted via the web form, available on weekdays between 10:00 and 11:00", "To close your account, email …
                // with … a signed cancellation form", "To turn off auto-renewal, contact our live chat team"
                TextRule.of("obstruction.cancel_made_a_task", HARD_TO_CANCEL, 0.75,
                                "\\bto cancel\\b[^.]{0,30}\\b(?:complete|answer|fill (?:in|out)|take)\\b[^.]{0,30}\\b(?:questions?|survey|questionnaire|interview)\\b"
                                        + "|\\b(?:answer|complete|fill (?:in|out)|take)\\b[^.]{0,30}\\b(?:questions?|survey|questionnaire|form|steps?)\\b[^.]{0,30}\\b(?:to|before (?:you|we) can) (?:continue |complete |finish |process |confirm |submit |start )?(?:your |the |with )?cancel\\w*"
                                        + "|\\bcancel\\w*\\b[^.]{0,40}\\b(?:only|exclusively)\\b[^.]{0,70}\\b(?:between \\d{1,2}(?::\\d\\d)?(?: ?[ap]\\.?m\\.?)? and \\d|on weekdays|working hours|business hours|office hours|on (?:mondays|tuesdays|wednesdays|thursdays|fridays|the first|the last))"
                                        + "|\\b(?:to (?:close|cancel|end|terminate|stop|leave)|cancel\\w*)\\b[^.]{0,130}\\b(?:signed|written|notari[sz]ed|printed|witnessed) (?:cancellation )?(?:form|letter|request|notice)\\b"
                                        + "|\\b(?:turn off|switch off|disable|stop|cancel) (?:the |your )?auto-?(?:matic )?-?renew\\w*\\b[^.]{0,30}\\b(?:contact|call|phone|chat|e-?mail|write|speak|visit)\\b")
                        .unless("\\bwithin \\d+ (?:hours?|days?) of (?:purchase|ordering|booking|delivery)\\b|\\b(?:orders?|bookings?) (?:can|may) be cancell?ed\\b"),

                // Fifth round: cancelling made a longer task: "Your cancellation isn't complete until you answer 5 more questions", "Step 3 of 5:
                // Tell us why you're leaving (required)", "Turning off Automatic Renewal requires verification by our support team", "To finish
                // cancelling, contact us through chat within 48 hours", "Cancellation requests sent by email or in-app cannot be processed"
                TextRule.of("obstruction.cancel_needs_more_steps", HARD_TO_CANCEL, 0.75,
                                "\\bcancel\\w*\\b[^.!?]{0,20}\\b(?:isn't|is not|won't be|will not be|not) (?:complete|final|finished|processed|confirmed) until\\b"
                                        + "|\\b(?:why you(?:'re| are) (?:leaving|cancell?ing|going)|reason for (?:leaving|cancell?ing|cancell?ation))\\b[^.!?]{0,5}\\(?(?:required|mandatory)\\b"
                                        + "|\\b(?:turning off|cancell?ing|stopping|ending) (?:the |your )?(?:auto(?:matic)?[- ]?renew(?:al)?|subscription|membership|plan)\\b[^.!?]{0,15}\\brequires? (?:a )?(?:verification|approval|call|review|confirmation) (?:by|from|with) (?:our |the )?(?:support|team|agent|staff|specialist)"
                                        + "|\\bto (?:finish|complete) cancell?ing\\b[^.!?]{0,15}\\b(?:contact|call|chat|e-?mail|write|speak)\\b"
                                        + "|\\bcancel\\w* (?:requests? )?(?:sent|made|submitted) (?:by|via|through) [\\w -]{2,20}\\b(?:cannot|can't|won't|will not|are not|aren't) (?:be )?(?:processed|accepted|honou?red)\\b")
                        .maxLength(200));
    }
}
