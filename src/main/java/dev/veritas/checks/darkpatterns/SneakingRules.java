package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.HIDDEN_COSTS;
import static dev.veritas.checks.darkpatterns.PatternType.HIDDEN_SUBSCRIPTION;
import static dev.veritas.checks.darkpatterns.PatternType.SNEAK_INTO_BASKET;

import java.util.List;

/**
 * Sneaking: costs, items and subscriptions the shopper did not choose. Most of it shows only in the
 * checkout DOM; these rules catch the wording that gives it away. An item the shopper just added
 * ("Added to your cart") is a confirmation, not sneaking, so only additions the shop made are matched.
 */
final class SneakingRules {
    private static final String CART = "(?:cart|basket|bag|order|trolley)";
    private static final String FEE = "(?:service|processing|convenience|booking|admin(?:istration)?|platform|care (?:&|and) handling|small order|resort|destination|amenity|cleaning|"
            + "checkout|payment|facility|packaging|protection|order handling|handling)";

    private SneakingRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "Shipping Insurance  Remove Insurance": an extra already in the basket, with only a way out
                TextRule.of("sneaking.remove_preadded_extra", SNEAK_INTO_BASKET, 0.8,
                        "\\bremove (?:shipping |package |order |delivery |purchase |parcel )?(?:insurance|protection|warranty|donation|gift wrap\\w*|care plan)\\b"),
                // "We've added a care kit to your basket", "automatically added to your cart"
                TextRule.of("sneaking.added_for_you", SNEAK_INTO_BASKET, 0.85,
                        "\\b(?:automatically|by default) (?:been )?added (?:\\w+ ){0,4}?to your " + CART + "\\b"
                                + "|\\bwe(?:'ve| have)? (?:automatically |also |already )?added\\b.{0,60}\\bto your " + CART + "\\b"
                                + "|\\badded to your " + CART + " (?:automatically|for you|by default|for your convenience)\\b"
                                + "|\\b(?:shipping|package|delivery|parcel) (?:insurance|protection) (?:has been|was|is|will be) (?:automatically )?(?:added|included)\\b"
                                // "Priority handling (+$2.95) has been included in your order": a priced extra, not the shopper's own item
                                + "|\\+\\s?[$£€]\\s?\\d[\\d.,]*\\W{0,3}(?:has been|have been|was|were|is) (?:automatically )?(?:added|included) (?:to|in) your " + CART + "\\b"
                                + "|\\b(?:we(?:'ve| have)|has been|have been|was) (?:automatically )?included (?:this |it |these )?for you\\b"
                                + "|\\badded (?:with|to go with|alongside) your (?:item|order|purchase)\\b"
                                + "|\\bwe(?:'ve| have)? (?:popped|put|placed|slipped|thrown|included)\\b.{0,60}\\b(?:in|into|to) your " + CART + "\\b"
                                + "|\\b(?:bonus|free|extra) (?:item|gift|trial)s? added\\b.{0,40}[$£€₹]\\s?\\d"
                                + "|[$£€]\\s?\\d[\\d.,]*\\W{0,5}(?:added|included) automatically\\b"
                                + "|\\b(?:insurance|protection|handling|warranty|donation|gift wrap\\w*|care plan|priority \\w+|express \\w+|(?:care|cleaning|starter|accessory) kit)\\b.{0,30}?\\b(?:has been|have been|was|is) (?:automatically )?(?:added|included) (?:to|in) your " + CART + "\\b"),
                // "A magazine subscription was added to your cart", "Item protection ($3.49) included in your cart": an extra nobody
                // picked, reported as already in the basket ("Gift wrap (+$3) added to your order" confirms the shopper's own choice)
                // "We added a tip of 15% for your courier", "Magazine trial added to basket", "Carbon offset (+€1.50) added to your booking",
                // "Your order includes a Protection Pack (+$5.99)", "Priority bundle added for you": things a shopper rarely picks, put there
                TextRule.of("sneaking.extra_added_for_you", SNEAK_INTO_BASKET, 0.75,
                        "\\bwe(?:'ve| have)? added (?:a |an |your )?(?:tip|gratuity|donation|service charge|insurance|protection|warranty|carbon offset|magazine|subscription|trial)\\b"
                                + "|\\b(?:trial|subscription|magazine|donation|offset|tip|gratuity|membership)\\b(?:[^.!?]|\\.\\d){0,25}?\\badded to (?:your |the )?(?:basket|cart|bag|booking|order|trolley|reservation)\\b"
                                + "|\\byour (?:order|basket|cart|booking|bag|trolley|reservation) (?:now )?includes (?:a |an )?(?:[^.!?]|\\.\\d){0,40}?\\(\\+\\s?[$£€₹]\\s?\\d"
                                + "|\\b(?:bundle|upgrade|extra|add-?on|insurance|protection|boarding|seat selection|warranty)\\b.{0,30}\\badded for you\\b"
                                + "|\\bfree (?:sample|gift|trial)s? added\\b.{0,40}[$£€₹]\\s?\\d")
                        .unless("\\b(?:optional|would you like|you can add|remove\\w* from)\\b"),
                TextRule.of("sneaking.extra_already_in_basket", SNEAK_INTO_BASKET, 0.8,
                        "\\b(?:donations?|subscriptions?|magazines?|memberships?|insurance|protection|warranty|warranties|care plans?|gift wrap\\w*|tips?|"
                                + "(?:extended|item|purchase|device|shipping|package|delivery|travel|damage) (?:cover|coverage|guarantee))\\b"
                                + "(?:[^.!?]|\\.\\d){0,40}?\\b(?:(?:(?:has|have) been|was|were) (?:automatically )?(?:added|included) (?:to|in|into|with)|(?:is |are )?included in) your " + CART + "\\b")
                        .unless("\\b(?:optional|if you (?:want|wish|like)|you can add|would you like|add (?:it|one|them) (?:to|for)|remove\\w* from)\\b"),
                // "Convenience fee of 4.5% will be added when you pay", "*Additional facility fee applies at checkout": a charge the
                // price does not show, announced for the last step
                TextRule.of("sneaking.fee_added_at_payment", HIDDEN_COSTS, 0.7,
                        "\\b(?:fees?|charges?|surcharges?)\\b(?:[^.!?]|\\.\\d){0,40}?\\b(?:will be|are|is|gets?|get|to be)? ?(?:added|applied|calculated|charged|applies|apply|shown)\\b"
                                + "[^.!?]{0,15}?\\b(?:at (?:the )?checkout|when you pay|on the (?:payment|final|last|next) (?:page|step|screen)|at (?:the )?(?:payment|final|last) step|at payment|during payment)\\b")
                        .unless("\\bno (?:hidden |extra |additional |service |booking )?(?:fees?|charges?|surcharges?)\\b|\\bwaived?\\b|\\b(?:shipping|delivery|postage|tax(?:es)?|vat|duties)\\b"
                                + "|\\bincluded in (?:the |our )?(?:price|total)\\b"),
                // "Pay $1 today. Subscription continues at $29.99 every 4 weeks", "… membership, billed monthly thereafter"
                TextRule.of("sneaking.token_price_then_recurring", HIDDEN_SUBSCRIPTION, 0.75,
                        "\\b(?:pay|just|only|for|today)\\b[^.!?]{0,10}[$£€]\\s?\\d[^!?]{0,60}\\b(?:subscription|membership|plan|delivery|deliveries|box)\\w* (?:then )?(?:continues|renews|continuing|renewing|rolls over)\\b[^.!?]{0,20}[$£€]\\s?\\d"
                                + "|\\b(?:billed|charged|renew(?:s|ed)?) (?:monthly|weekly|annually|yearly|every \\d+ (?:days|weeks|months)) thereafter\\b"
                                + "|\\b(?:sample|trial|gift|freebie|one-?time \\w+)\\b[^.!?]{0,30}\\bincludes? (?:a |an |our )?(?:\\w+ )?(?:membership|subscription)\\b"
                                // "… a free trial of Glow Club, then £24.99 per month", "Try it for 7 days, then $79.99/quarter automatically"
                                + "|\\b(?:trial|sample|free (?:bottle|gift|box|month|week)|for \\d+ days)\\b.{0,80}\\bthen [$£€₹]\\s?\\d[\\d.,]*\\s*(?:/\\s?|per |a |each |every )(?:month|mo|week|wk|quarter|year|yr)\\b"
                                // "Joining the Rewards Plus program ($9.99/mo) is included with this order"
                                + "|\\b(?:membership|subscription|program(?:me)?|club|plan)\\b[^.]{0,30}[$£€₹]\\s?\\d[\\d.,]*\\s*/\\s?(?:mo|month|wk|week|yr|year)\\b[^.]{0,25}\\bincluded (?:with|in) (?:this|your) (?:order|purchase)\\b"
                                + "|\\bsubscription (?:is )?(?:billed|charged) (?:monthly|weekly|annually|yearly) after\\b"
                                + "|\\b(?:purchase|order|checkout)\\b.{0,10}\\b(?:enrolls|enrols|signs|subscribes) you (?:up )?(?:in|to|for|into)\\b"),
                // "Service Charge: $14.99", "Care & Handling $2.99": a fee beyond price, tax and shipping
                TextRule.of("sneaking.extra_fee", HIDDEN_COSTS, 0.65,
                                // Anchored on "fee"/"charge" and looking back for the kind of fee: much cheaper than
                                // trying every fee name at every position. No \\b before the name, as
                                // scraped totals run words together ("$69.99iService Charge").
                                "\\b(?:fee|charge|surcharge)s?\\b(?<=" + FEE + " (?:fee|charge|surcharge)s?)(?:\\s*\\([^)]{0,20}\\))?\\W{0,4}(?:[$£€₹₦]|usd|gbp|eur|aud|cad)\\s?\\d"
                                        + "|\\b(?:care (?:&|and) handling)\\W{0,4}[$£€]\\s?\\d")
                        .unless("\\bno (?:hidden |extra |additional |service |booking )?(?:fees?|charges?|surcharges?)\\b|\\bwaived?\\b|\\bfree\\b.{0,10}\\bfee"
                                + "|(?<!not )\\bincluded in (?:the |our )?(?:price|total|fare|rate)s?\\b|\\bitemi[sz]ed\\b|\\bshown (?:upfront|up front|before you (?:book|pay|buy))\\b"),
                // "Resort fee of $35/night payable at hotel, not included in price shown": a mandatory fee left out of the price
                TextRule.of("sneaking.fee_not_in_price", HIDDEN_COSTS, 0.75,
                                "\\b" + FEE + " (?:fee|charge|surcharge)s?\\b.{0,60}\\b(?:not included in (?:the )?(?:price|rate|total|fare)s?|payable (?:at|on) (?:the )?(?:hotel|property|arrival|check-?in|venue|pick-?up|collection)|(?:collected|paid|charged) (?:at|on) (?:the )?(?:hotel|property|arrival|check-?in|venue)|added at checkout|charged separately"
                                + "|(?:added|applied|charged) (?:on|at) (?:the )?(?:payment page|checkout|final step|last step|payment))\\b")
                        .unless("\\bno (?:hidden |extra |additional )?(?:fees?|charges?)\\b|\\bwaived?\\b"),
                // "After 1 year, subscription auto renews with fee", "free 60 day VIP trial membership with this order"
                TextRule.of("sneaking.auto_renew_with_fee", HIDDEN_SUBSCRIPTION, 0.7,
                        "\\b(?:auto(?:matically|-)? ?renew\\w*|renews? automatically)\\b.{0,40}(?:\\b(?:fee|charge[ds]?|billed|price|rate)\\b|[$£€]\\s?\\d)"),
                TextRule.of("sneaking.trial_with_order", HIDDEN_SUBSCRIPTION, 0.8,
                        "\\b(?:free|complimentary|\\$0|risk[- ]free|bonus)\\b.{0,20}\\btrial (?:membership|subscription)\\b.{0,60}\\b(?:with (?:this|your|every|each) (?:order|purchase)|included|cancel any ?time)"
                                + "|\\b(?:with (?:this|your) (?:order|purchase)),? (?:you(?:'ll| will)? (?:also )?(?:get|receive|join)|includes?) (?:a )?(?:free )?(?:\\d+[- ]day )?trial\\b"),
                // "By opting in ... you agree that we may send you further Directories ... at a charge of £3.75"
                TextRule.of("sneaking.opt_in_becomes_paid", HIDDEN_SUBSCRIPTION, 0.75,
                        "\\bby (?:opting in|signing up|joining|accepting|ticking|checking)\\b.{0,160}\\b(?:agree|consent)\\b.{0,200}\\b(?:at a (?:charge|cost) of|you will be (?:billed|charged)|per month|monthly fee|a charge of)\\b"),
                // "By placing this order you agree to join VIP Club at $39.95/month", "a full-size bottle will then be sent
                // every 30 days at $59 unless you cancel": a one-off purchase that turns into a recurring charge
                TextRule.of("sneaking.order_becomes_recurring", HIDDEN_SUBSCRIPTION, 0.75,
                        "(?:\\bby (?:placing|completing|submitting|confirming) (?:this|your|an) (?:order|purchase)|\\bby (?:purchasing|buying|ordering|checking out))\\b.{0,60}\\b(?:join|enrol\\w*|become a member|membership|club|subscription|subscribe|trial)\\b"
                                + ".{0,80}(?:/\\s?(?:mo|month|week|wk|year|yr)\\b|\\bper (?:month|week|year)\\b|\\ba (?:month|week|year)\\b|\\bmonthly\\b|\\bevery \\d+ (?:days|weeks|months)\\b)"
                                + "|\\b(?:free|trial|sample|first)\\b.{0,80}\\b(?:then|thereafter|after that|automatically)\\b.{0,40}\\b(?:sent|shipped|delivered|billed|charged)\\b.{0,30}\\bevery \\d+ (?:days|weeks|months)\\b"),
                // "*You will be enrolled in autoship and billed $89.97 every 30 days", "£1 for your first box* *then £29.99 every month",
                // "Your free sample includes enrolment in our Auto-Replenish programme"
                TextRule.of("sneaking.enrolled_in_fine_print", HIDDEN_SUBSCRIPTION, 0.7,
                        "\\b(?:you will|you'll) be (?:automatically )?(?:enrolled|signed up|subscribed)\\b.{0,60}(?:\\b(?:billed|charged)\\b|\\bat [$£€]\\s?\\d)"
                                + "|\\b(?:free|sample|trial|first)\\b.{0,40}\\b(?:includes?|with) (?:automatic )?(?:enrol?ment|membership|subscription) (?:in|to)\\b"
                                + "|\\*\\s*then [$£€]\\s?\\d[\\d.,]* (?:every|per|a|each) (?:month|week|year|\\d+ days)\\b"
                                + "|\\bthen [$£€]\\s?\\d[\\d.,]* (?:every|per|a|each) (?:month|week|year|\\d+ days) until you cancel\\b"
                                + "|\\b(?:one-?time|single) (?:purchase|order)\\b.{0,40}\\b(?:includes?|with)\\b.{0,40}\\b(?:membership|subscription)\\b"
                                + "|\\b(?:trial|sample|first)\\b.{0,80}\\b(?:monthly|every \\d+ (?:days|weeks)|per month|/month)\\b.{0,40}\\bunless you (?:opt out|cancel)"),
                // "you'll be billed at the regular monthly rate" after an introductory period
                TextRule.of("sneaking.intro_then_billed", HIDDEN_SUBSCRIPTION, 0.6,
                        "\\b(?:after|at the end of|once|when) (?:the |your )?(?:free |introductory |intro |trial )+(?:period|trial|month|year|offer)\\b.{0,80}\\b(?:billed|charged|renew\\w*)\\b.{0,40}\\b(?:regular|full|standard|then[- ]current|monthly|annual|yearly)\\b"));
    }
}
