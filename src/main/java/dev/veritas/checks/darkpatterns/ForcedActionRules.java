package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.FORCED_ENROLLMENT;

import java.util.List;

/**
 * Forced action: consent to marketing bundled with the terms the shopper must accept, or an account
 * demanded before buying. "By placing your order you agree to our Terms" alone is ordinary and is not
 * matched; it takes the marketing consent or the purchase gate to fire.
 */
final class ForcedActionRules {
    private static final String MARKETING = "(?:e-?mails?|promotion\\w*|marketing|newsletters?|offers|text messages|sms|texts?|calls?|phone|news|updates)";

    /** What a shop can demand before letting the shopper go on: an account, a membership, an app, their address for marketing. */
    private static final String GATE = "(?:create (?:a |an |your )?(?:free )?(?:customer |member |shopping )?account|set up (?:a |an |your )?account|open (?:a |an )?account"
            + "|register(?:ing)?(?: for (?:a |an )?(?:free )?account)?|sign(?:ing)? up|sign(?:ing)? in(?: with [a-z]+)?|log(?:ging)? ?in(?: with [a-z]+)?"
            + "|join(?:ing)? (?:our |the |us|free|now)(?:[\\w-]+ ){0,2}|become a (?:member|subscriber|registered \\w+)|subscribe|enter your (?:e-?mail|phone|mobile|number)"
            + "|(?:download|install|get) (?:our|the) app|(?:agree|consent|opt in|opt-in)\\w* to (?:receive|receiving|get|getting|our) (?:[\\w-]+ ){0,2}?" + MARKETING
            + "|allow (?:us to send you|notifications|push)|follow us|share your (?:phone|number|contacts)"
            + "|be (?:logged|signed) in|be a (?:registered )?(?:member|customer|subscriber)"
            + "|(?:continue|sign in|log ?in|sign up) with (?:google|facebook|apple|amazon|twitter|email|your (?:google|facebook|apple) account)(?: or (?:google|facebook|apple|amazon|twitter|email))?"
            + "|(?:accept|agree to) (?:our |the )?(?:marketing|promotional|newsletter)(?: [\\w-]+){0,2})";
    /** What the shopper came to do. */
    private static final String GOAL = "(?:continue|proceed|go on|check ?out|checkout|buy|purchase|order|shop|browse|pay|book|start shopping|make a purchase"
            + "|place (?:an |your |the )?orders?|complete (?:your |the |this )?(?:order|purchase|booking|checkout|payment)|finish (?:your |the )?(?:order|checkout|purchase|booking|payment)"
            + "|placing (?:an |your )?order|ordering|buying|purchasing|checking out|booking|paying"
            + "|access|get access|gain access|unlock (?:this |the )?(?:page|site|store|shop|content|article|checkout|sale|products?)|unlock checkout"
            + "|(?:view|see|read|browse) (?:this|the|our|all|full|more|prices?|pricing|products?|range|page|content|article|rest|sale|items?|catalog(?:ue)?|delivery|shipping|stock|availability|sizes)"
            + "|keep (?:reading|browsing|shopping)|add (?:[\\w-]+ ){0,2}?to (?:your |the )?(?:cart|basket|bag|trolley)"
            + "|receive (?:your )?(?:order|confirmation|receipt|tickets?|download|voucher|code))";
    /**
     * A sign-in or sign-up offered for the shopper's own benefit, or with guest checkout beside it, is not a gate; nor is a
     * paid subscription to read (a paywall is a price, not a trick).
     */
    private static final String NOT_A_GATE = "\\b(?:optional|or (?:continue|check ?out|shop|buy|order) as (?:a )?guest|as a guest|guest checkout (?:is )?available|no account (?:needed|required|necessary)"
            + "|track|faster|quicker|save (?:your|items|time|for later)|wish ?list|earn|points|order history|your (?:orders|member price|price|discount|offers|points|saved|account)"
            // signing in to reach what one already owns: "Sign in with Google or email to access your purchased courses"
            + "|(?:sign|log)[- ]?in\\b[^.!?]{0,40}\\b(?:access|see|view|open|find|download) your (?:purchased|purchases|courses|library|downloads|tickets|bookings|subscriptions?|licen[cs]es?)"
            + "|member (?:price|pricing|discount)|for (?:\\d+ ?%|a discount|exclusive|offers|early access)|early access|first access|be the first"
            + "|subscribe (?:now )?to (?:continue|keep) reading|subscribers? only)\\b";

    private ForcedActionRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "Create an account to continue", "Sign up with email to start shopping", "Please log in to add this item to your bag", "You'll
                // need to register before placing an order", "To buy, you must join our mailing list": something demanded before buying
                TextRule.of("forced.gate_before_goal", FORCED_ENROLLMENT, 0.75,
                                "\\b" + GATE + "\\b[^.!?]{0,25}?\\b(?:to|before (?:you (?:can )?)?|in order to|so (?:that )?you can|(?:and )?then you can|first,? then)\\s?" + GOAL + "\\b"
                                        + "|\\bto " + GOAL + "\\b[^.!?]{0,25}?,?\\s(?:(?:you(?:'ll| will)? (?:must|need to|have to|'ll need to|will need to|are required to)|you must|you need to|please|first|just)\\s)?(?:first )?" + GATE + "\\b")
                        .unless(NOT_A_GATE),
                // "Sorry, you need an account to do that", "Want to check out? Create an account first.", "Registered customers only – please log in":
                // in a short message, an account (or a sign-up) named as a necessity for buying, in any order
                TextRule.of("forced.account_is_a_must", FORCED_ENROLLMENT, 0.7,
                                "\\b(?:accounts?|regist(?:er|ered|ration)|sign(?:ed)?[- ]?(?:up|in)|log(?:ged)?[- ]?in|login|members? only|membership|newsletter|loyalty (?:programme|program|scheme|club)|verify your (?:e-?mail|phone|number))\\b")
                        .requires("\\b(?:need|needs|must|required|requires|require|only|have to|has to|mandatory|sorry|unless)\\b"
                                + "|\\b(?:account|register|sign up|log ?in)\\b[^.!?]{0,15}\\bfirst\\b|\\bfirst,? (?:create|register|sign up|log ?in)\\b")
                        .requires("\\b(?:check ?out|checkout|buy|buying|order|ordering|purchas\\w*|continue|continuing|shop|shopping|cart|basket|bag|do that|proceed|pay|prices?)\\b|\\b(?:registered|signed-?in|logged-?in) (?:customers|users|members) only\\b")
                        .unless(NOT_A_GATE + "|\\b(?:trade|business|wholesale|b2b)\\b|\\b(?:returns?|reviews?|comments?|invoices?)\\b|\\bif you (?:want|wish|like|prefer)\\b"
                                + "|\\b(?:don't|do not|doesn't|does not|no|not|never|without) (?:need|needed|required|necessary|have to)\\b|\\bno need\\b|\\b\\d+ ?% off\\b|\\bdiscount\\b"
                                + "|\\b(?:when|while|if|once) you(?:'re| are) (?:signed|logged) in\\b|\\bauto-?renew\\w*|\\brenews\\b"
                                // an FAQ answering its own question "no": "Do I need a membership to shop? No, but members save more"
                                + "|\\?\\s*(?:no|nope|not at all|not necessarily)\\b")
                        .maxLength(120),
                // "An account is required to buy this item", "Checkout requires a member account", "Only registered customers can place orders",
                // "Consent to marketing communications is a condition of purchase", "You can't check out without an account"
                TextRule.of("forced.account_required", FORCED_ENROLLMENT, 0.75,
                                "\\b(?:(?:customer |member(?:ship)? |user |registered |free )?account|registration|sign-?up|log-?in|membership|marketing consent|(?:marketing |e-?mail |newsletter |sms )?opt-?in|consent to (?:marketing|receive \\w+)"
                                        + "|newsletter (?:sign-?up|subscription)|(?:e-?mail|sms|text) (?:sign-?up|opt-?in|subscription))(?: creation)? (?:is )?(?:required|mandatory|compulsory|needed|necessary|obligatory)"
                                        + "\\b[^.!?]{0,10}?\\b(?:to|for|before|when)\\b[^.!?]{0,15}?\\b(?:continu|proceed|check|order|buy|purchas|book|pay|complet|shop|all orders|every order|plac)"
                                        + "|\\((?:account|registration|sign-?up|membership|marketing consent)(?: creation)? (?:is )?(?:required|mandatory)\\)"
                                        + "|\\b(?:checkout|check-?out|ordering|purchasing|buying|booking|placing an order|orders?|purchases?) (?:requires?|needs?) (?:an? |your )?(?:(?:free |customer |member(?:ship)? |registered |user )?account|registration|membership|sign-?up|log-?in|marketing consent)\\b"
                                        + "|\\bonly (?:(?:registered|signed-?in|logged-?in|verified|subscribed|member) (?:customers|users|members|shoppers|subscribers|accounts)|members|account holders|subscribers) (?:can|may) (?:buy|order|purchase|check ?out|place orders?|book|shop|see prices)\\b"
                                        + "|\\b(?:checkout|check-?out|ordering|buying|purchasing|booking|prices?|pricing) (?:is|are) (?:only )?(?:available|open|visible|shown) (?:only )?to (?:registered|signed-?in|logged-?in|verified)? ?(?:users|customers|members|account holders|subscribers)\\b"
                                        + "|\\byou (?:need|must have|have to have|require) (?:an? |to have an? )?(?:account|membership|registered account|member account) (?:to|before you can|in order to) " + GOAL + "\\b"
                                        + "|\\b(?:a |the )?condition of (?:purchase|sale|ordering|your order|entry|checkout|buying)\\b"
                                        + "|\\b(?:can't|cannot|can not|unable to|not able to) (?:check ?out|order|buy|purchase|book|continue|proceed|shop)\\b[^.!?]{0,20}\\bwithout (?:an? |creating an? |registering|signing up|joining|logging in|signing in)"
                                        + "|\\b(?:see|view|unlock|get) (?:the |our )?(?:prices?|pricing)\\W{1,3}(?:create (?:an |a free )?account|register|sign up|log ?in|join)\\b"
                                        + "|\\b(?:send|e-?mail|text) me\\b[^.!?]{0,40}\\b(?:" + MARKETING + "|deals|offers)\\b[^.!?]{0,30}\\(?(?:required|mandatory)\\b"
                                        + "|\\bguest checkout (?:is |isn't |is not )?(?:unavailable|not available|isn't available|disabled|not possible|not offered)\\b")
                        .requires("\\b(?:account|regist|sign|log|member|consent|marketing|newsletter|e-?mail|sms|text|join|subscri|guest|send me|offers|deals|news|promotion)")
                        .unless(NOT_A_GATE + "|\\b(?:trade|business|wholesale|b2b) (?:pricing|prices|customers|accounts?)\\b"),
                // "I agree to the Terms & Conditions & to receive emails & other promotional offers"
                TextRule.of("forced.terms_bundle_marketing", FORCED_ENROLLMENT, 0.75,
                        "\\b(?:agree|accept|consent)\\w*\\b.{0,150}\\b(?:terms|conditions|privacy)\\b.{0,150}\\b(?:to receive|receive|to get|be contacted|contact me|authori[sz]e)\\b.{0,80}\\b" + MARKETING + "\\b"
                                + "|\\b(?:receive|get)\\b.{0,40}\\b" + MARKETING + "\\b.{0,60}\\b(?:and|&) (?:i )?(?:agree|accept)\\w* (?:to )?(?:the |your |our )?(?:terms|conditions)\\b"),
                // "By creating an account you agree to receive marketing emails"
                TextRule.of("forced.agree_by_continuing", FORCED_ENROLLMENT, 0.8,
                        "\\bby (?:creating an account|signing up|registering|placing (?:an|your) order|continuing|checking out|subscribing|entering)\\b.{0,60}\\byou (?:also )?(?:agree|consent) to (?:receive|be (?:sent|contacted)|our (?:marketing|newsletter))")
                        // Signing up for the newsletter itself, with a way out, is the honest form of the same sentence
                        .unless("\\bby subscribing\\b|\\bunsubscribe (?:at )?any ?time\\b|\\bunsubscribe anytime\\b|\\bnot (?:a )?(?:condition|requirement) of (?:any )?purchase\\b"),
                // "To continue, agree to receive marketing emails from us and our partners"
                TextRule.of("forced.agree_to_continue", FORCED_ENROLLMENT, 0.8,
                        "\\bto (?:continue|proceed|check ?out|complete (?:your )?(?:order|purchase|booking)|access|download|view|see)\\b.{0,30}\\b(?:you must |please |you need to )?(?:agree|consent|accept|opt in)\\w*\\b.{0,20}\\b(?:to )?receive\\b.{0,40}\\b" + MARKETING + "\\b"
                                + "|\\byou (?:must|need to|have to) (?:agree|consent|opt in)\\w* (?:to )?(?:receive|receiving|being sent)\\b.{0,40}\\b" + MARKETING + "\\b"
                                // "☑ I agree to receive marketing emails and texts (required to continue)"
                                + "|\\b(?:agree|consent)\\w* to (?:receive|receiving|be sent)\\b.{0,40}\\b" + MARKETING + "\\b.{0,40}\\b(?:required|mandatory|compulsory)\\b"),
                // "Register now to view the rest of this page", "You must sign up to continue browsing", "Download our app to complete
                // your order", "Sign in with Facebook to unlock your discount": an account or an app demanded for what needs neither
                TextRule.of("forced.account_to_read_or_buy", FORCED_ENROLLMENT, 0.75,
                        "\\b(?:sign up|register|create an account|create a free account|join(?: now| free)?|download (?:our|the) app|install (?:our|the) app|get (?:our|the) app"
                                + "|(?:sign|log) ?in with (?:your )?[a-z]+)\\b(?: now| today| first| free)?\\W{0,3}\\b(?:to|and) (?:continue (?:browsing|reading|shopping)|keep (?:browsing|reading|shopping)"
                                + "|(?:view|see|read|access|unlock) (?:the )?(?:rest|remainder|full|all|more)\\b|complete (?:your |the )?(?:order|purchase|checkout|booking)|check ?out\\b|place (?:your |an )?order"
                                + "|unlock (?:your |this |the |an? )?(?:\\d+ ?% )?(?:discount|deal|offer|coupon|price|savings?|code))"
                                + "|\\b(?:need|must|have) to (?:create an account|register|sign up) (?:and|&) (?:agree|consent|opt in)\\w*\\b"
                                // "Log in to reveal the discount price", "Please register to add items to your cart", "To read reviews, please
                                // create a free account", "Enable notifications to continue"
                                + "|\\b(?:log ?in|sign ?in|sign up|register|create (?:a free |an )?account|join)\\b\\W{0,3}\\bto (?:reveal|see|view|unlock|get) (?:the |your |our |member |sale |discount(?:ed)? |special )*(?:price|prices|pricing|discount|deal)s?\\b"
                                + "|\\b(?:register|sign up|create (?:a free |an )?account|log ?in)\\b\\W{0,3}\\bto (?:add (?:\\w+ ){0,2}?to (?:your |the )?(?:cart|basket|bag|trolley)|(?:read|see|view) (?:the |all )?reviews)\\b"
                                + "|\\bto (?:read|see|view) (?:the |all )?(?:reviews|prices|rest)\\b\\W{0,3}(?:please |you must |you need to )?(?:create|register|sign up|log ?in)\\b"
                                + "|\\b(?:enable|allow|turn on) (?:push |browser )?notifications (?:to|in order to) (?:continue|proceed|access|read|view|see|shop)\\b"
                                // "Log in or create a Club account to add wine to your basket", "Log in or register to see which sizes are
                                // available", "Enter your email to spin the wheel and continue to the store", "Rate us 5 stars to continue"
                                + "|\\b(?:log ?in|sign ?in) or (?:register|sign up|create (?:an? )?(?:[\\w-]+ ){0,2}account)\\b\\W{0,3}\\bto (?:add|see|view|check|buy|continue|get|use|shop)\\b"
                                + "|\\b(?:enter your e-?mail|give us your e-?mail|rate us|leave (?:us )?a review|follow us|share (?:this|us))\\b[^.!?]{0,40}\\b(?:to|and) (?:continue|proceed|keep|enter|access)\\b")
                        // "Sign in to see your member price": a discount for members, the ordinary price being there for everyone
                        .unless("\\b(?:your (?:member |members' |loyalty )?price|member(?:s'?)? (?:price|pricing|discount|rate)|members save|faster|quicker|next time|optional)\\b|\\bas (?:a )?guest\\b"),
                // "You must create an account to checkout", "Sign up to see the price"
                TextRule.of("forced.account_to_buy", FORCED_ENROLLMENT, 0.65,
                        "\\b(?:you must|you need to|you have to|required to|please) (?:first )?(?:create an account|register|sign up|sign in|log ?in|become a member|join)\\b.{0,30}\\bto (?:continue to checkout|checkout|check out|purchase|buy|see (?:the |our |sale |member )?prices?|view (?:the |our |sale |member )?prices?|complete your (?:order|purchase)|place (?:an|your) order)\\b"
                                + "|\\b(?:sign up|register|log ?in|create an account|join) to (?:see|view|unlock) (?:the |our |member |sale )?prices?\\b"
                                + "|\\bguest checkout (?:is )?(?:unavailable|not available|disabled|not possible)\\b|\\bno guest checkout\\b"
                                + "|\\bcreate an account to (?:[\\w-]+ ){0,5}?(?:complete|place|finish|continue) (?:your |the |an |with )?(?:purchase|order|booking|checkout)\\b.{0,20}\\((?:required|mandatory)\\)"),
                // Marketing consent or an account demanded as the price of an ordinary step: "Please enter your phone number and accept SMS
                // marketing to access your account", "To start watching, allow StreamLine to send you personalised offers", "To get your price,
                // you must agree to be contacted by our insurance partners", "To check out you'll need to create a Harlow & Reed account",
                // "Create a Freshly account and add a payment card to see this week's menu", "Verify your mobile number and allow WhatsApp offers
                // to place the order"
                TextRule.of("forced.consent_as_entry_price", FORCED_ENROLLMENT, 0.75,
                                "\\b(?:accept|allow|agree to|consent to|opt in to|sign up for|join)\\b[^.]{0,40}?\\b(?:marketing|offers|promotions|newsletters?|deals|to be contacted|contact from|calls from|to send you)\\b[^.]{0,30}?\\bto (?:access|place|see|view|start|continue|check ?out|get|complete|use|watch|download|unlock|book|order|buy|proceed)\\b"
                                        + "|\\bto (?:check ?out|get (?:your|a|the) (?:price|quote)|start (?:watching|shopping|listening|reading|playing)|see (?:the |this |our |your )?[\\w' -]{0,25}|access (?:your|the|this) \\w+|place (?:an |the |your )?order|continue|order|buy|book)\\b[^.]{0,15}?,?\\s(?:you(?:'ll| will)? (?:must|need to|have to|be required to)|you must|you need to|please|first)\\s(?:first )?(?:agree|accept|allow|consent|create|register|sign up|opt in)\\b[^.]{0,40}\\b(?:account|marketing|offers|contacted|partners|newsletter|to send you|promotions)\\b"
                                        + "|\\bto (?:start (?:watching|shopping|listening|reading|playing)|get (?:your|a|the) (?:price|quote)|check ?out|see (?:the |your )?prices?)\\b[^.]{0,10}?,?\\s(?:allow|accept|agree to|consent to)\\b[^.]{0,40}\\b(?:marketing|offers|promotions|contacted|to send you)\\b"
                                        + "|\\bcreate (?:an? |your )?(?:[\\w&'-]+ ){0,3}account\\b[^.]{0,40}\\bto (?:see|view|browse|access|check ?out|order|buy|shop|book)\\b")
                        .unless("\\boptional\\b|\\b(?:or )?(?:continue|check ?out|shop|buy|order) as (?:a )?guest\\b|\\bfaster\\b|\\bnext time\\b"),

                // Fifth round: "Create a My Account profile to continue checkout", "Sign up to continue. We'll create your account and send you our
                // latest deals.", "To see your quote, enter your phone number and agree to calls from our licensed partners"
                TextRule.of("forced.profile_or_contact_to_continue", FORCED_ENROLLMENT, 0.7,
                                "^\\W*(?:create|set up|make) (?:an? |your )?[\\w ]{0,15}(?:profile|account|id)\\b to (?:continue|proceed|check ?out|complete)\\b(?! faster| quicker| more quickly)"
                                        + "|^\\W*sign up to (?:continue|proceed|check ?out|see|view|unlock)\\b[^?]{0,80}\\b(?:deals|offers|newsletter|marketing|promotions|updates)\\b"
                                        + "|\\bto (?:see|get|view|unlock|access) (?:your|the|a) (?:quote|price|prices|results?|offer|deal|discount)\\b[^.!?]{0,60}\\bagree to (?:calls|texts|marketing|e-?mails|messages|contact)\\b")
                        .maxLength(200));
    }
}
