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

    private ForcedActionRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "I agree to the Terms & Conditions & to receive emails & other promotional offers"
                TextRule.of("forced.terms_bundle_marketing", FORCED_ENROLLMENT, 0.75,
                        "\\b(?:agree|accept|consent)\\w*\\b.{0,150}\\b(?:terms|conditions|privacy)\\b.{0,150}\\b(?:to receive|receive|to get|be contacted|contact me|authori[sz]e)\\b.{0,80}\\b" + MARKETING + "\\b"
                                + "|\\b(?:receive|get)\\b.{0,40}\\b" + MARKETING + "\\b.{0,60}\\b(?:and|&) (?:i )?(?:agree|accept)\\w* (?:to )?(?:the |your |our )?(?:terms|conditions)\\b"),
                // "By creating an account you agree to receive marketing emails"
                TextRule.of("forced.agree_by_continuing", FORCED_ENROLLMENT, 0.8,
                        "\\bby (?:creating an account|signing up|registering|placing (?:an|your) order|continuing|checking out|subscribing|entering)\\b.{0,60}\\byou (?:also )?(?:agree|consent) to (?:receive|be (?:sent|contacted)|our (?:marketing|newsletter))"),
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
                                + "|\\b(?:enable|allow|turn on) (?:push |browser )?notifications (?:to|in order to) (?:continue|proceed|access|read|view|see|shop)\\b"),
                // "You must create an account to checkout", "Sign up to see the price"
                TextRule.of("forced.account_to_buy", FORCED_ENROLLMENT, 0.65,
                        "\\b(?:you must|you need to|you have to|required to|please) (?:first )?(?:create an account|register|sign up|sign in|log ?in|become a member|join)\\b.{0,30}\\bto (?:continue to checkout|checkout|check out|purchase|buy|see (?:the |our |sale |member )?prices?|view (?:the |our |sale |member )?prices?|complete your (?:order|purchase)|place (?:an|your) order)\\b"
                                + "|\\b(?:sign up|register|log ?in|create an account|join) to (?:see|view|unlock) (?:the |our |member |sale )?prices?\\b"
                                + "|\\bguest checkout (?:is )?(?:unavailable|not available|disabled|not possible)\\b|\\bno guest checkout\\b"
                                + "|\\bcreate an account to (?:[\\w-]+ ){0,5}?(?:complete|place|finish|continue) (?:your |the |an |with )?(?:purchase|order|booking|checkout)\\b.{0,20}\\((?:required|mandatory)\\)"));
    }
}
