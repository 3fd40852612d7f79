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

    /** Fees that exist only to be added on top of the advertised price; a handling, bag or installation fee pays for something. */
    private static final String DRIP_FEE = "(?:service|processing|convenience|booking|admin(?:istration)?|platform|facility|resort|destination|amenity|payment|(?:credit |debit )?card|checkout|transaction|packaging)";
    /** Where a shop can put something for the shopper. */
    private static final String BASKET = "(?:basket|cart|bag|order|trolley|booking|trip|reservation|hamper|purchase|ticket|flight|stay|total|bill)";
    /**
     * Extras a shop adds to an order on the shopper's behalf: cover, donations, services, packaging, faster delivery, accessories
     * and consumables. The shopper's own items ("Running Shoes added to your basket") are not in this list.
     */
    private static final String EXTRA = "(?:insurance|protection|warranty|warranties|(?:damage|device|extended|accident\\w*|travel|parcel|package|shipping) cover(?:age)?|"
            + "care (?:kit|plan|pack|package)|(?:premium )?(?:support|service|maintenance|protection) plan|donations?|tip|gratuity|carbon offset|offset|gift (?:box|wrap\\w*|bag|card|message)|subscriptions?|memberships?|magazines?|trials?|"
            + "sample (?:pack|box|kit)|accessor(?:y|ies)|batteries|(?:phone |protective |carry(?:ing)? )case|screen protector|cleaning (?:kit|spray|cloth|solution)|cleaner|"
            + "(?:replacement |spare )?filters|refills?(?: pods)?|pods|installation|set-?up (?:service|fee)|assembly|handling|"
            + "(?:express|priority|next[- ]day|premium|fast|faster|tracked|special|fragile) (?:delivery|shipping|dispatch|processing|handling|boarding|packing)|"
            + "seat (?:selection|reservation)|priority boarding|fast[- ]track (?:delivery|shipping|security|entry|boarding|processing|dispatch)|(?:premium |luxury |gift |eco |protective )?packaging|bag for life|carrier bags?|(?:bonus|mystery|extra) items?|add-?ons?|upgrade|(?:care|cleaning|starter|accessory|service|fabric) (?:kit|guard|pack))";
    /** A price, as a shop writes one: "£4.99", "(+$3)", "€2", "USD 12", "10p". */
    private static final String PRICE = "(?:[$£€₹]\\s?\\d|\\b(?:usd|gbp|eur|aud|cad|inr) ?\\d|\\b\\d+p\\b|\\(\\+|\\d\\s?(?:€|£|\\$|eur\\b|usd\\b|gbp\\b))";
    /** Freebies and discounts a shop adds are gifts, not sneaking. */
    private static final String FREEBIE = "\\b(?:on us|free of charge|complimentary|at no (?:extra |additional )?(?:cost|charge)|no (?:extra |additional )?(?:cost|charge)|worth [$£€]"
            + "|free (?:gift|sample|samples|item|tote|treat|bonus)|discount|coupon|promo(?:tion)?(?: code)?|voucher|reward|points|savings?|\\d+ ?% off)\\b";
    /** A recurring price: "£7.99/month", "$49.95 every 30 days", "monthly refills", "a $99 annual membership", "paid plan". */
    private static final String RECURRING = "(?:(?:(?:[$£€₹]|\\b(?:usd|gbp|eur|s\\$|a\\$|rs\\.?) ?)\\s?\\d[\\d.,]{0,14}|\\b\\d[\\d.,]{0,14}\\s?(?:€|£|\\$|eur\\b|usd\\b|gbp\\b|euros?\\b|dollars?\\b|pounds?\\b))\\s*(?:/\\s?|per |a |an |each |every |p/)"
            + "(?:month|mo|week|wk|quarter|year|yr|annum|issue|delivery|box|shipment|refill|fortnight|\\d+ (?:days|weeks|months))\\b"
            + "|\\b(?:every|each) (?:month|week|year|quarter|fortnight|\\d+ (?:days|weeks|months))\\b[^.!?]{0,30}[$£€₹]\\s?\\d"
            + "|[$£€₹]\\s?\\d[\\d.,]{0,14}[^.!?]{0,25}?\\b(?:monthly|weekly|annually|yearly|quarterly|every (?:month|week|year|quarter|fortnight|\\d+ (?:days|weeks|months)))\\b"
            + "|[$£€₹]\\s?\\d[\\d.,]{0,14}\\s*(?:an? )?(?:monthly|weekly|annual|yearly|quarterly) (?:plan|subscription|membership|fee|charge)\\b"
            + "|\\b(?:monthly|weekly|annual|yearly|quarterly|recurring) (?:plan|subscription|membership|fee|charge|payments?|deliveries|shipments|refills?|billing)\\b"
            + "|\\bpaid (?:subscription|membership|plan)\\b)";
    /**
     * What makes a trial that turns into a plan fair: a reminder before the first charge, or a plain way to cancel in time.
     * ("Free for 7 days, then $9.99/month. Cancel before the trial ends and you won't be charged.")
     */
    /** The text itself says the fee is in what the shopper sees before paying: "the total is shown before payment", "The price you see includes it". */
    private static final String FEE_DISCLOSED = "\\b(?:total|fees?|charges?|it|they) (?:is |are )?(?:shown|displayed) (?:to you )?before (?:payment|you pay|you book|checkout|you check out)\\b"
            + "|\\bshown in the (?:price |cost |fare )?breakdown\\b|\\b(?:price|total|fare)s? (?:you see|shown|displayed) (?:already )?includes?\\b|\\balready (?:in|included in) the (?:total|price)\\b";
    private static final String HONEST_TRIAL = "\\b(?:remind\\w*|we(?:'ll| will) (?:e-?mail|notify|tell|let you know|message)|(?:won't|will not|wouldn't|not) be (?:charged|billed)"
            + "|cancel (?:before|any ?time|at any time|online|in (?:your|my|the) (?:account|app|settings)|from (?:your|my|the) (?:account|app|settings)|in (?:one|two|a few) (?:clicks?|taps?)|with one (?:click|tap))"
            + "|turn off auto-?renew\\w*|no commitment|(?:skip|pause)(?:,)? (?:or|and) cancel|cancel(?:,)? (?:or|and) (?:pause|skip))\\b";

    private SneakingRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "We've popped a lens cleaner in your bag", "We took the liberty of adding a cleaning kit to your cart ($9)", "Heads up! We added
                // a $1.99 Shipping Protection fee to your order": the shop says it put something in; it must be an extra or have a price
                TextRule.of("sneaking.we_put_in_basket", SNEAK_INTO_BASKET, 0.8,
                                "\\bwe(?:'ve| have)?(?: [a-z]+){0,4}? (?:added|adding|included|including|popped|put|placed|slipped|thrown|tossed|chucked|stuck|bundled)\\b"
                                        + "[^!?]{0,80}?\\b(?:to|in|into|with|for|on|alongside) (?:your|the|this) (?:[\\w-]+ )?" + BASKET + "?\\b"
                                        // "We've selected priority boarding for you (£6)"
                                        + "|\\bwe(?:'ve| have)? (?:pre-?)?(?:selected|chosen|picked|ticked|booked|opted you in(?:to)?)\\b[^.!?]{0,40}\\bfor you\\b")
                        .requires(PRICE + "|\\b" + EXTRA + "\\b")
                        .unless(FREEBIE + "|\\b(?:your (?:note|message|address|details|discount|code|coupon|name|email|review|tracking)|tracking (?:number|info\\w*|link)|we(?:'ve| have) added (?:you|new|more|your (?:items?|favou?rites?|selection)))\\b"),
                // "Seat reservation (£8) has been added to your trip", "✓ Protection Plan (£39) added to basket", "Parcel insurance for $2.99 is
                // included with this order unless you remove it": an extra reported as already in the basket
                // A bare "Gift wrap (+$3) added to your order" is the toast confirming the shopper's own choice; "has been added" reports it.
                // Slightly below the hidden-subscription rules, so a trial "included with this purchase" is named as the subscription it is.
                TextRule.of("sneaking.extra_now_in_basket", SNEAK_INTO_BASKET, 0.78,
                                "\\b" + EXTRA + "\\b(?:[^.,;:!?]|[.,]\\d|\\(|\\)){0,40}?\\b(?:(?:has|have) been |was |were |is |are |'s been |got |(?:is |are )?now )(?:automatically |already |also )?"
                                        + "(?:added|included|put|placed|popped|applied) (?:to|in|into|with|on) (?:your |the |this )?(?:[\\w-]+ )?" + BASKET + "\\b"
                                        // "Your basket has been updated to include a 3-year care plan"
                                        + "|\\byour " + BASKET + " (?:has been|was|is) (?:updated|changed|amended) to include\\b"
                                        + "|\\byour " + BASKET + " (?:now )?(?:contains|includes|has)\\b[^.!?]{0,40}?\\b" + EXTRA + "\\b"
                                        + "|\\balso in your (?:basket|cart|bag|trolley|order)\\b|\\balso added\\s*:"
                                        + "|\\b" + EXTRA + "\\b(?:[^.,;:!?]|[.,]\\d|\\(|\\)){0,40}?(?:\\b(?:is|are) (?:now |already )?|[–—-]\\s*(?:now |already )|\\balready )in your (?:basket|cart|bag|trolley|order|booking)\\b"
                                        // "A travel pillow (£12) has been added to your order": a priced line reported, not confirmed
                                        + "|\\([^)]{0,6}[$£€]\\s?\\d[\\d.,]{0,14}\\)\\s*(?:has|have) been (?:automatically )?added to your (?:order|booking|basket|cart|bag|trolley)\\b"
                                        + "|^\\W*(?:added to|included in|also in|now in) (?:your )?(?:basket|cart|bag|trolley|order|booking)\\W+(?:[\\w-]+ ){0,3}?" + EXTRA + "\\b")
                        .requires(PRICE + "|\\b(?:remove|untick|uncheck|opt out|by default|automatically|for you|by us)\\b|\\b(?:insurance|protection|warranty|donation|tip|gratuity|subscription|membership|magazine|offset|care plan|cover)\\b")
                        .unless(FREEBIE + "|\\b(?:optional|would you like|do you want|want to add|you can add|add (?:it|one|them|this) (?:to|for)|you(?:'ve| have)? added)\\b"),
                // "Added for you", "(added by us)", "Auto-added: Fragile handling £2.50", "Fabric Guard £49 (pre-added)", "A bottle of wine (£12)
                // was added to your hamper to complete the gift": the wording of a basket line the shop filled in
                TextRule.of("sneaking.added_by_shop", SNEAK_INTO_BASKET, 0.8,
                                "\\badded (?:to your \\w+ )?(?:for you|by us|by the (?:shop|store|seller|team)|on your behalf|for your convenience|by default)\\b|\\((?:added|auto-?added|pre-?added|included automatically)\\)"
                                        + "|\\b(?:auto(?:matically)?[- ]?|pre-?)(?:included|applied|selected)\\b|\\b(?:included|applied|selected) (?:automatically|by default)\\b"
                                        + "|\\bremove\\b[^.!?]{0,20}\\bif (?:not (?:wanted|needed|required)|unwanted|you (?:don't|do not) (?:want|need) (?:it|this|them))\\b"
                                        + "|\\bauto(?:matically)?[- ]?added\\b|\\badded automatically\\b"
                                        + "|\\bpre-?added\\b|\\b(?:was|were|has been|have been|is) (?:automatically )?added to your \\w+ (?:to complete|to go with|so (?:that )?(?:you|your|it)|because|as an? (?:bonus|suggestion|extra))\\b"
                                        + "|\\bwe (?:think|thought|figured|knew|reckon) you(?:'ll|'d| will| would)? (?:need|want|love|like)\\b[^.!?]{0,60}\\b(?:added|in your (?:basket|cart|bag))\\b"
                                        + "|\\badded to your \\w+ (?:alongside|to go with|to match|with) your\\b"
                                        + "|\\b(?:bonus|surprise)\\b(?:[^.!?]|[.,]\\d){0,60}?\\b(?:added|(?:is |are )?now in your (?:basket|cart|bag|trolley))\\b"
                                        + "|\\b(?:we(?:'ve| have)? )?rounded up your (?:order|total|basket|cart|bill)\\b|\\bwe(?:'ve| have| will|'ll)? round up your (?:order|total|basket|cart|bill)\\b|\\b(?:unless you remove (?:it|them)|(?:untick|uncheck|tap|click) to remove)\\b")
                        .requires(PRICE + "|\\b" + EXTRA + "\\b|\\b(?:basket|cart|bag|order|trolley|booking)\\b")
                        .unless(FREEBIE + "|\\b(?:tax(?:es)?|vat|you(?:'ve| have)? added|optional)\\b|\\?|\\b(?:save|saving|savings|discount|\\d+ ?% off|promo|coupon|voucher)\\b[^.!?]{0,30}\\b(?:auto(?:matically)?[- ]?)?applied\\b"),
                // "In your bag: 1 x Gift Box (£3.50) — added to complete your order", "Added: extended warranty £39.99. Don't want it? Remove it
                // in your basket": in a short basket line, a price, the basket, and a sign that the shop put the thing there ("we",
                // "recommended", "to complete", "don't want it?"), in any order. An extra's name alone is the shopper's own choice confirmed.
                TextRule.of("sneaking.basket_line_put_there", SNEAK_INTO_BASKET, 0.75,
                                "\\b(?:added|included|bundled|popped|comes with|pre-?added|already in)\\b")
                        .requires("\\b(?:basket|cart|bag|trolley|order|booking|reservation|trip)\\b")
                        .requires(PRICE)
                        .requires("\\bwe(?:'ve| have)?\\b|\\brecommended\\b|\\bto complete\\b|\\bfor you\\b|\\bby us\\b|\\bautomatically\\b|\\b(?:don't|do not) (?:want|need) (?:it|this|them)\\b|\\bremove (?:it |this |them )?(?:if|unless)\\b|\\bunless you remove\\b|\\bby default\\b")
                        .unless(FREEBIE + "|\\b(?:you(?:'ve| have)? added|optional|would you like|do you want|add (?:it|one|this|them)?\\s*(?:for|\\?))\\b|\\?\\s*$|\\b(?:available|available for)\\b")
                        .maxLength(160),
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
                                + "|\\+\\s?[$£€]\\s?\\d[\\d.,]{0,14}\\W{0,3}(?:has been|have been|was|were|is) (?:automatically )?(?:added|included) (?:to|in) your " + CART + "\\b"
                                + "|\\b(?:we(?:'ve| have)|has been|have been|was) (?:automatically )?included (?:this |it |these )?for you\\b"
                                + "|\\badded (?:with|to go with|alongside) your (?:item|order|purchase)\\b"
                                + "|\\bwe(?:'ve| have)? (?:popped|put|placed|slipped|thrown|included)\\b.{0,60}\\b(?:in|into|to) your " + CART + "\\b"
                                + "|\\b(?:bonus|free|extra) (?:item|gift|trial)s? added\\b.{0,40}[$£€₹]\\s?\\d"
                                + "|[$£€]\\s?\\d[\\d.,]{0,14}\\W{0,5}(?:added|included) automatically\\b"
                                + "|\\b(?:insurance|protection|handling|warranty|donation|gift wrap\\w*|care plan|priority \\w+|express \\w+|(?:care|cleaning|starter|accessory) kit)\\b.{0,30}?\\b(?:has been|have been|was|is) (?:automatically )?(?:added|included) (?:to|in) your " + CART + "\\b")
                        // "Free gift added to your bag – worth £10, on us!": a present with its value, not a charge
                        .unless("\\b(?:worth [$£€]|on us|at no (?:extra |additional )?(?:cost|charge)|free of charge)"
                                // "We have added tracking information to your order": information, not an item
                                + "|\\b(?:tracking|note|message|address|details|information|info|instructions|discount|code|coupon|voucher|points|reference)\\b"),
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
                        .unless("\\b(?:optional|would you like|you can add|remove\\w* from)\\b|\\b(?:worth [$£€]|on us|at no (?:extra |additional )?(?:cost|charge)|free of charge)"),
                // "Shaker Bottle 600 ml × 1 · $7.99 — added to your order": a priced line the shop put there itself
                TextRule.of("sneaking.priced_line_added", SNEAK_INTO_BASKET, 0.75,
                        "[$£€₹]\\s?\\d[\\d.,]{0,14}\\)?\\s*[—–-]\\s*(?:automatically )?added to your (?:order|cart|basket|bag|trolley)\\b")
                        .unless("\\b(?:optional|you (?:can|may) remove|if you (?:want|wish|like)|you added|you've added|you have added)\\b"),
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
                        // "Shipping and taxes calculated at checkout" is how every honest shop words it; a service fee beside them is not
                        .unless("\\bno (?:hidden |extra |additional |service |booking )?(?:fees?|charges?|surcharges?)\\b|\\bwaived?\\b"
                                + "|^(?!.*\\b" + DRIP_FEE + "\\b).*\\b(?:shipping|delivery|postage|tax(?:es)?|vat|duties)\\b"
                                + "|\\bincluded in (?:the |our )?(?:price|total)\\b"
                                // shown before the shopper commits: the disclosure itself
                                + "|\\bbefore you (?:pay|confirm|buy|book|place|complete|check ?out)\\b"),
                // "Pay $1 today. Subscription continues at $29.99 every 4 weeks", "… membership, billed monthly thereafter"
                TextRule.of("sneaking.token_price_then_recurring", HIDDEN_SUBSCRIPTION, 0.75,
                        "\\b(?:pay|just|only|for|today)\\b[^.!?]{0,10}[$£€]\\s?\\d[^!?]{0,60}\\b(?:subscription|membership|plan|delivery|deliveries|box)\\w* (?:then )?(?:continues|renews|continuing|renewing|rolls over)\\b[^.!?]{0,20}[$£€]\\s?\\d"
                                + "|\\b(?:billed|charged|renew(?:s|ed)?) (?:monthly|weekly|annually|yearly|every \\d+ (?:days|weeks|months)) thereafter\\b"
                                + "|\\b(?:sample|trial|gift|freebie|one-?time \\w+)\\b[^.!?]{0,30}\\bincludes? (?:a |an |our )?(?:\\w+ )?(?:membership|subscription)\\b"
                                // "… a free trial of Glow Club, then £24.99 per month", "Try it for 7 days, then $79.99/quarter automatically"
                                + "|\\b(?:trial|sample|free (?:bottle|gift|box|month|week)|for \\d+ days)\\b.{0,80}\\bthen [$£€₹]\\s?\\d[\\d.,]{0,14}\\s*(?:/\\s?|per |a |each |every )(?:month|mo|week|wk|quarter|year|yr)\\b"
                                // "Joining the Rewards Plus program ($9.99/mo) is included with this order"
                                + "|\\b(?:membership|subscription|program(?:me)?|club|plan)\\b[^.]{0,30}[$£€₹]\\s?\\d[\\d.,]{0,14}\\s*/\\s?(?:mo|month|wk|week|yr|year)\\b[^.]{0,25}\\bincluded (?:with|in) (?:this|your) (?:order|purchase)\\b"
                                + "|\\bsubscription (?:is )?(?:billed|charged) (?:monthly|weekly|annually|yearly) after\\b"
                                + "|\\b(?:purchase|order|checkout)\\b.{0,10}\\b(?:enrolls|enrols|signs|subscribes) you (?:up )?(?:in|to|for|into)\\b"
                                // "By claiming your free gift, you agree to receive a new box every week", "by paying $4.95 shipping
                                // you will be enrolled in our Club": the enrolment rides on another act
                                + "|\\bby (?:paying|claiming|ordering|accepting|placing|completing|taking|redeeming)\\b.{0,60}\\byou(?:'ll| will)? (?:be (?:enrolled|enroll?ed|signed up|subscribed)|agree to (?:receive|be (?:billed|charged)|join|pay|a (?:subscription|membership)))\\b"
                                // "Your club shipments of $59.95 begin 14 days later", "*continues as a fortnightly subscription at £8.50",
                                // "renews at $209.99 unless you opt out", "including membership renewal at £15/month", "your yearly
                                // membership (£59.99) starts automatically"
                                + "|\\b(?:shipments?|deliveries|membership|subscription|billing|charges?|payments?)\\b(?:[^.!?]|[.,]\\d){0,30}\\bbegins? \\d+ days? (?:later|after)\\b"
                                + "|\\bcontinues? as (?:an? )?(?:[\\w-]+ )?(?:subscription|membership)\\b"
                                + "|\\brenews?\\b(?:[^.!?]|[.,]\\d){0,50}\\bunless you (?:opt out|cancel|turn (?:it )?off)\\b"
                                + "|\\bagree\\w* to\\b[^.!?]{0,40}\\b(?:membership|subscription|plan) renewal\\b"
                                + "|\\b(?:membership|subscription|plan)\\b(?:[^.!?]|[.,]\\d){0,30}\\bstarts? automatically\\b"
                                // "$0.00 today, then $14.99 with every Autoship"
                                + "|[$£€₹]\\s?0(?:[.,]00)?\\s+(?:today|now|up ?front)\\b[^.!?]{0,10}\\bthen [$£€₹]\\s?\\d[\\d.,]{0,14}\\s+(?:with|on|for|per) (?:every|each)\\b")
                        .unless(HONEST_TRIAL),
                // "Service Charge: $14.99", "Care & Handling $2.99": a fee beyond price, tax and shipping
                TextRule.of("sneaking.extra_fee", HIDDEN_COSTS, 0.65,
                                // Anchored on "fee"/"charge" and looking back for the kind of fee: much cheaper than
                                // trying every fee name at every position. No \\b before the name, as
                                // scraped totals run words together ("$69.99iService Charge").
                                "\\b(?:fee|charge|surcharge)s?\\b(?<=" + FEE + " (?:fee|charge|surcharge)s?)(?:\\s*\\([^)]{0,20}\\))?\\W{0,4}(?:(?:au|nz|us|ca|hk|sg|s|a|c)?[$£€₹₦]|usd|gbp|eur|aud|cad|inr|rs\\.?)\\s?\\d"
                                        + "|\\b(?:care (?:&|and) handling)\\W{0,4}[$£€]\\s?\\d")
                        .unless("\\bno (?:hidden |extra |additional |service |booking )?(?:fees?|charges?|surcharges?)\\b|\\bwaived?\\b|\\bfree\\b.{0,10}\\bfee|[$£€₹]\\s?0(?:[.,]00?)?(?![\\d.,])"
                                + "|(?<!not )\\bincluded in (?:the |our )?(?:price|total|fare|rate)s?\\b|\\bitemi[sz]ed\\b|\\bshown (?:upfront|up front|before you (?:book|pay|buy))\\b|" + FEE_DISCLOSED),
                // "A $4.99 convenience fee applies to all online orders", "+ £1.50 processing fee per ticket", "Card payment surcharge: 2.5%", "Service
                // charge of 12.5% added to your bill": the amount before the fee's name, or a percentage added on top
                TextRule.of("sneaking.fee_on_top", HIDDEN_COSTS, 0.65,
                                "(?:[$£€₹]\\s?\\d[\\d.,]{0,14}|\\b\\d[\\d.,]{0,14}\\s?(?:usd|gbp|eur))\\s+(?:non-refundable |mandatory |additional |extra )?(?<![a-z])" + DRIP_FEE + " (?:fee|charge|surcharge)s?\\b"
                                        + "|\\b" + DRIP_FEE + " (?:fee|charge|surcharge)s?\\b(?:\\s*\\([^)]{0,20}\\))?(?:\\W{0,4}|\\s+of\\s+)\\d[\\d.,]{0,14}\\s?%"
                                        + "|\\b(?:taxes|tax) (?:and|&) (?:\\w+ )?fees (?:will be |are |get )?(?:calculated|added|applied|shown)\\b[^.!?]{0,20}\\b(?:at (?:the )?checkout|(?:at|on) (?:the )?(?:final|last|next|payment) (?:step|page|screen)|when you pay|at payment)\\b"
                                        + "|\\bprices? (?:shown )?(?:exclude|excludes|don't include|do not include|doesn't include|does not include)\\b[^.!?]{0,30}\\b(?:fee|charge|surcharge)s?\\b"
                                        + "|\\b\\d[\\d.]{0,14}\\s?% " + DRIP_FEE + " (?:fee|charge|surcharge)s?\\b"
                                        + "|\\b" + DRIP_FEE + " (?:fee|charge|surcharge)s?\\b(?:[^.!?]|[.,]\\d){0,25}\\b(?:at (?:the )?checkout|at payment|(?:at|on) (?:the )?(?:final|last|payment) (?:step|page|screen))\\b"
                                        // "Order total updated: a £2.95 processing fee … have been applied", "Processing & insurance (non-optional): $4.95"
                                        + "|\\b(?:fee|charge|surcharge)s?\\b(?:[^.!?]|[.,]\\d){0,40}\\b(?:has|have) been (?:applied|added)\\b"
                                        + "|\\((?:non-optional|mandatory|compulsory|required|not optional)\\)\\s*:?\\s*[$£€₹]\\s?\\d"
                                        // "A non-refundable booking fee of £3 per ticket applies"
                                        + "|\\b(?:non-refundable|mandatory|compulsory) " + DRIP_FEE + " (?:fee|charge|surcharge)s?\\b(?:[^.!?]|[.,]\\d){0,15}(?:[$£€₹]\\s?\\d|\\d\\s?%)"
                                        // "… a processing & handling charge calculated after payment details are entered"
                                        + "|\\b(?:fee|charge|surcharge)s?\\b[^.!?]{0,40}\\b(?:calculated|added|shown|applied|revealed|determined) (?:only )?(?:after|once) (?:payment|you(?:'ve| have)? (?:paid|entered)|(?:your )?(?:payment|card) details)")
                        .unless("\\bno (?:hidden |extra |additional |service |booking )?(?:fees?|charges?|surcharges?)\\b|\\bwaived?\\b|(?<![\\d.,])0 ?% |(?<!not )\\bincluded in (?:the |our )?(?:price|total|fare|rate)s?\\b|[$£€₹]\\s?0(?:[.,]00?)?(?![\\d.,])"
                                // "3-Day Pass A$449 + $9.50 booking fee": the fee printed beside the price it is added to
                                + "|[$£€₹]\\s?\\d[\\d.,]{0,14}\\s*\\+\\s*(?:[a-z]{1,2})?[$£€₹]\\s?\\d[\\d.,]{0,14}\\s+(?:[\\w-]+ )?(?:fee|charge|surcharge)s?\\b"
                                + "|\\b(?:all|any) (?:taxes and )?fees (?:are )?included\\b|\\bshown (?:upfront|up front|before you (?:book|pay|buy)|in (?:your|the) (?:basket|cart|bag))\\b|\\brestocking\\b"
                                + "|\\b(?:itemi[sz]ed|listed separately|shown separately)\\b|" + FEE_DISCLOSED),
                // "Resort fee of $35/night payable at hotel, not included in price shown": a mandatory fee left out of the price
                TextRule.of("sneaking.fee_not_in_price", HIDDEN_COSTS, 0.75,
                                "\\b" + FEE + " (?:fee|charge|surcharge)s?\\b.{0,60}\\b(?:not included(?: in (?:the )?(?:price|rate|total|fare)s?)?|payable (?:at|on) (?:the )?(?:hotel|property|arrival|check-?in|venue|pick-?up|collection|desk|counter|rental desk|front desk)|(?:collected|paid|charged) (?:at|on) (?:the )?(?:hotel|property|arrival|check-?in|venue)|added at checkout|charged separately"
                                + "|(?:added|applied|charged) (?:on|at) (?:the )?(?:payment page|checkout|final step|last step|payment))\\b")
                        .unless("\\bno (?:hidden |extra |additional )?(?:fees?|charges?)\\b|\\bwaived?\\b|\\b(?:at your discretion|discretionary|optional|tips?|gratuit(?:y|ies))\\b|" + FEE_DISCLOSED
                                // a restaurant's "Service charge not included" leaves the tip to the diner
                                + "|^\\W*service (?:charge|fee) (?:is )?not included\\W*$"),
                // "After 1 year, subscription auto renews with fee", "free 60 day VIP trial membership with this order": a renewal
                // whose cost is left unsaid. One that states its price ("renews automatically on 1 March at £9.99", "you'll be
                // charged $119.99/yr on 3 June unless you turn it off") is the disclosure that makes a subscription honest.
                TextRule.of("sneaking.auto_renew_with_fee", HIDDEN_SUBSCRIPTION, 0.7,
                        "\\b(?:auto(?:matically|-)? ?renew\\w*|renews? automatically)\\b.{0,40}\\b(?:with (?:a |an )?(?:\\w+ )?fee|fees? (?:may )?apply|charges? (?:may )?apply"
                                + "|at (?:the )?(?:then[- ]current|prevailing|applicable|full|regular|standard|normal) (?:price|rate|fee)s?)\\b"),
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
                                + "|\\*\\s*then [$£€]\\s?\\d[\\d.,]{0,14} (?:every|per|a|each) (?:month|week|year|\\d+ days)\\b"
                                + "|\\bthen [$£€]\\s?\\d[\\d.,]{0,14} (?:every|per|a|each) (?:month|week|year|\\d+ days) until you cancel\\b"
                                + "|\\b(?:one-?time|single) (?:purchase|order)\\b.{0,40}\\b(?:includes?|with)\\b.{0,40}\\b(?:membership|subscription)\\b"
                                + "|\\b(?:trial|sample|first)\\b.{0,80}\\b(?:monthly|every \\d+ (?:days|weeks)|per month|/month)\\b.{0,40}\\bunless you (?:opt out|cancel)")
                        .unless(HONEST_TRIAL),
                // "you'll be billed at the regular monthly rate" after an introductory period
                TextRule.of("sneaking.intro_then_billed", HIDDEN_SUBSCRIPTION, 0.6,
                        "\\b(?:after|at the end of|once|when) (?:the |your )?(?:free |introductory |intro |trial )+(?:period|trial|month|year|offer)\\b.{0,80}\\b(?:billed|charged|renew\\w*)\\b.{0,40}\\b(?:regular|full|standard|then[- ]current|monthly|annual|yearly)\\b"),
                // "Your free trial becomes £9.99/month unless cancelled", "Free 7-day pass converts into a $99 annual membership", "First box FREE!
                // After that it's just $39.99/month": something free or token-priced that turns into a recurring charge, with no reminder
                // and no plain way to cancel in time (a trial that says both is an honest offer)
                TextRule.of("sneaking.trial_turns_paid", HIDDEN_SUBSCRIPTION, 0.75,
                                "(?:\\b(?:free (?:\\d+[- ](?:day|week|month)s? )?(?:trial|month|week|pass|box|sample|bottle|pack|gift|kit|issue|jar|tub)|trials?|samples?|"
                                        + "first (?:box|month|week|delivery|issue|order|pack|bottle|kit)(?: (?:is )?(?:free|on us|for free))?|(?:\\d+|one|two|three|first) (?:months?|weeks?|days?) (?:free|for free|on us)|free for (?:\\d+|one|two|a|an) (?:days?|weeks?|months?)|(?:first )?\\d+ (?:issues?|boxes|months?|weeks?|deliveries|bottles|meals|classes) for (?:just |only )?[$£€]\\s?\\d[\\d.,]{0,14}|starter (?:kit|pack|box)|intro(?:ductory)? (?:offer|price|period|deal)|"
                                        + "(?:just|only) pay (?:for )?(?:shipping|postage|delivery|p&p))\\b|(?<![\\w$£€.])[$£€]\\s?[01](?:\\.00)?(?![\\d.,]))"
                                        + "[^?]{0,80}?\\b(?:becomes?|turns? into|converts?(?: (?:in)?to)?|rolls? (?:over )?(?:in)?to|rolls over|switch(?:es)? to|changes? to|upgrades? to"
                                        + "|auto-?renews?|(?:automatically )?renews?|continues?|then|after (?:that|this|which)|followed by|thereafter|afterwards|until you cancel"
                                        + "|unless (?:you )?cancel\\w*|(?:will|'ll) be (?:charged|billed)|you(?:'ll| will)? (?:be )?(?:automatically )?(?:charged|billed|pay)|we(?:'ll| will) (?:charge|bill|send)|comes with|includes?"
                                        + "|(?:starts?|begins?|kicks? in|takes? effect|applies) (?:after|once|when|from)|you(?:'ll| will) (?:then )?(?:receive|get|be sent))\\b"
                                        + "[^!?]{0,60}?" + RECURRING
                                        // "Claim your £1 trial — a full subscription of £34.99 a month starts after 5 days"
                                        + "|(?:\\b(?:free (?:trial|month|week|box|sample)|trial)\\b|(?<![\\w$£€.])[$£€]\\s?[01](?:\\.00)?(?![\\d.,]))[^?]{0,60}?" + RECURRING
                                        + "[^.!?]{0,30}?\\b(?:starts?|begins?|kicks? in|takes? effect|applies|follows) (?:after|once|when|from|at the end)\\b"
                                        + "|" + RECURRING + "[^.!?]{0,30}?\\b(?:afterwards|thereafter|after that|after (?:the |your )?(?:free )?(?:trial|first \\w+|intro\\w*(?: period)?)|after\\W*$)"
                                        + "|\\bafter (?:the |your )?(?:free )?trial(?: ends| period| expires)?,? (?:you(?:'ll| will) be|we(?:'ll| will)|your card will be) (?:charged|billed)\\b[^.!?]{0,30}?" + RECURRING
                                        + "|\\bautomatically (?:receive|be sent|get|ship|send|deliver)\\w*\\b[^.!?]{0,40}\\b(?:every \\d+ (?:days|weeks|months)|every (?:month|week)|each month|monthly)\\b[^.!?]{0,30}(?:\\b(?:charged|billed)\\b|[$£€])")
                        .unless(HONEST_TRIAL),
                // "By ordering you join our Beauty Club at $29.95 a month", "This purchase signs you up to our Coffee Club – £15 every 4 weeks",
                // "Your order includes membership to Gold Club (£7.99/month)": a purchase that also starts a recurring plan
                TextRule.of("sneaking.purchase_starts_plan", HIDDEN_SUBSCRIPTION, 0.75,
                                "\\b(?:(?:this|your|each|every|the|any|one-?off|one-?time|today's) (?:purchase|order|checkout|booking|kit|sample|gift|free gift|discount|offer|deal|voucher|coupon)|(?:placing|completing|making|submitting) (?:this|your|an|the) (?:order|purchase)"
                                        + "|(?:buying|ordering|purchasing|claiming|redeeming|getting|accepting) (?:this|today|now|your|the|a)?|with (?:every|each|this|your) (?:purchase|order)|(?:buy|order) (?:once|today|now|this|it))\\b"
                                        + "[^!?]{0,40}?\\b(?:(?:also )?(?:signs? you up|enrol(?:l)?s? you|subscribes? you)|you(?:'re| are|'ll| will)(?: also)? (?:be )?(?:joining|enrol(?:l)?ed|enrol(?:l)?ing|signed up|subscribed)"
                                        + "|you (?:also )?(?:agree to (?:be (?:billed|charged)|join|pay)|join|become a member)|(?:also )?(?:starts?|begins?|activates?|includes?|comes with|adds?|enrol(?:l)?s?)\\b[^!?]{0,30}?\\b(?:subscription|membership|club|plan|programme|program|auto-?[a-z]+|trial|refills?|deliveries|shipments))"
                                        + "\\b"
                                        // "(Joins you to our monthly Beauty Box, £15/month)": whatever the offer, it signs the shopper up
                                        + "|\\b(?:joins|signs|enrol(?:l)?s|subscribes|registers) you (?:up )?(?:to|for|in|into|on)\\b")
                        .requires(RECURRING),
                // An extra with its price put in the shopper's order by the shop: "Complete Mobile Protection (₹1,299) added to your order",
                // "Breakdown cover (Roadside, £38) has been included in your quote", "Stain Guard treatment (£59) has been added to your sofa",
                // "Shaker bottle (£7.99) added to your basket - it pairs perfectly!". An item the shopper added is confirmed without selling it.
                TextRule.of("sneaking.priced_extra_put_in", SNEAK_INTO_BASKET, 0.75,
                                "\\((?!\\s*\\+)[^)]{0,25}(?:[$£€₹¥]|\\brs\\.?|\\busd|\\bgbp|\\beur)\\s?\\d[\\d,.]{0,14}[^)]{0,12}\\)\\s*(?:has been |have been |was |is |were |now |automatically |also )*(?:added|included|put|placed)\\s+(?:to|in|into|with|on)\\s+(?:your|the)\\s+(?!(?:basket|cart|bag|trolley)\\b)[\\w-]+(?![^.]{0,30}\\bas (?:requested|you asked|selected|chosen|ordered))"
                                        + "|\\([^)]{0,25}(?:[$£€₹¥]|\\brs\\.?|\\busd|\\bgbp|\\beur)\\s?\\d[\\d,.]{0,14}[^)]{0,12}\\)\\s*(?:has been |have been |was |is |were |now |automatically |also )*(?:added|included|put|placed)\\s+(?:to|in|into)\\s+(?:your|the)\\s+(?:shopping )?(?:basket|cart|bag|trolley)\\b\\s*[-!,:]\\s*(?:it |they |this )?(?:pairs?|goes|go|works?|matches|match|completes?|perfect|you'll (?:need|love|want)|don't forget|essential|must-have|great with|ideal|recommended)")
                        .maxLength(200),
                // A free or token first box that becomes a plan by itself: "your weekly plan starts automatically at £49.99", "you'll be moved
                // to the annual plan ($228) on day 15 unless you downgrade", "we'll send a new one every 4 weeks at £34.99 - no action needed",
                // "Try it for just $4.95 shipping - then $64.95 every 30 days", "your card is then charged £10.99 every month, no reminder sent",
                // "Purchases of laptops include CarePlan Lite, which is billed monthly after the first 60 days"
                TextRule.of("sneaking.plan_starts_by_itself", HIDDEN_SUBSCRIPTION, 0.75,
                                "\\b(?:plan|subscription|membership|deliveries|boxes|box|billing|payments?) (?:starts?|begins?|kicks? in) automatically\\b"
                                        + "|\\b(?:moved|switched|upgraded|rolled|converted|transferred|enrolled|put) (?:on)?to (?:the |a |our )?(?:annual|yearly|monthly|weekly|paid|full|premium|pro|plus|standard) (?:plan|subscription|membership|tier|price)\\b"
                                        + "|\\bno reminders? (?:will be )?(?:sent|given|e-?mailed)\\b|\\bwithout (?:a |any )?reminder\\b"
                                        + "|\\bwe(?:'ll| will) (?:send|ship|deliver|post) (?:you )?(?:a new one|another(?: one)?|more|refills?|a refill|a fresh [\\w-]+|the next [\\w-]+|a new [\\w-]+) every\\b"
                                        + "|\\bthen\\s*(?:[$£€₹]\\s?\\d[\\d,.]{0,14}|\\d[\\d,.]{0,14}\\s?(?:usd|gbp|eur))(?: [\\w-]+){0,2}\\s*(?:every|each|per|a|/)\\s?(?:\\d+ )?(?:days?|weeks?|months?|mo|years?|yr|quarter)\\b"
                                        + "|\\b(?:card|account) (?:is|will be|gets) (?:then |automatically )?(?:charged|billed|debited)\\b[^.]{0,30}\\b(?:every|each|per|a) (?:\\d+ )?(?:days?|weeks?|months?|years?)\\b"
                                        + "|\\b(?:billed|charged) (?:monthly|weekly|annually|yearly|every \\w+) (?:after|from) (?:the )?(?:first )?\\d+ (?:days|weeks|months)\\b")
                        .requires("\\b(?:free|trial|try|just|only|first|intro\\w*|claim|starter|sample|include|includes|unless|no action|automatically|reminder|day \\d+)\\b|[$£€₹]\\s?1(?:[.,]\\d\\d)?\\b")
                        .unless("\\bbilled (?:for|every|annually|monthly|yearly|once)\\b[^.!?]{0,40}\\bthen\\b|\\bcancel\\w* (?:(?:your |the )?(?:plan |subscription |trial )?(?:any ?time|online|before|in (?:one|1|a) click|from (?:your|the) (?:account|app)))\\b|\\b(?:won't|will not|wouldn't) be (?:charged|billed)\\b|\\bwe(?:'ll| will) (?:remind|e-?mail|notify|tell|let) you\\b|\\breminder (?:\\d+ days )?before\\b"),
                // A charge named only later or taken after the purchase: "Delivery charge of £69 applies - shown at final step", "An annual
                // maintenance fee of £35 will be taken in your second month"
                TextRule.of("sneaking.charge_shown_late", HIDDEN_COSTS, 0.75,
                                "\\b(?:fee|charge|surcharge|cost)s?\\b[^.]{0,60}\\b(?:shown|revealed|added|displayed|calculated|applied|visible|disclosed)\\b (?:only )?(?:at|on|in) (?:the )?(?:final|last|payment|next-to-last|confirmation) (?:step|page|stage|screen)\\b"
                                        + "|\\b(?:fee|charge|surcharge)\\b[^.]{0,30}(?:[$£€₹]\\s?\\d[\\d,.]{0,14})[^.]{0,20}\\bwill be (?:taken|charged|deducted|debited|collected|added)\\b[^.]{0,30}\\b(?:in|after|from|on) (?:your |the )?(?:second|2nd|third|3rd|next|following|first renewal|month \\d+)\\b")
                        .unless("\\bno (?:hidden |extra |additional )?(?:fees?|charges?)\\b|\\bwaived?\\b|[$£€₹]\\s?0(?:[.,]00?)?(?![\\d.,])"),

                // Fifth round: a priced item the shop put in for the shopper: "Photo Gift Wrap ($4.99) — we added this for you", "Travel-size
                // Micellar Water ($8.00) added to your bag based on your picks", "Socks 3-pack (19,99 zł) – added to your basket to complete your
                // look", "3-year extended guarantee (£14.99) added", "SiteGuard Pro ($39.99/yr) — added to your cart"
                TextRule.of("sneaking.priced_item_added_for_you", SNEAK_INTO_BASKET, 0.7,
                                "\\([^)]{0,6}\\d[^)]{0,14}\\)[^.!?]{0,6}(?:\\bwe(?:'ve| have)? added (?:this|it)\\b|\\badded (?:to your [\\w ]{2,12} )?(?:for you|based on|to complete|because|as a (?:recommend|suggest)))"
                                        + "|\\b(?:guarantee|warranty|protection|insurance|cover(?:age)?)\\b[^.!?]{0,25}\\([^)]{0,6}\\d[^)]{0,14}\\)\\s*(?:[-–—:]\\s*)?added\\W*$"
                                        + "|\\([^)]{0,6}\\d[^)]{0,10}/\\s?(?:yr|year|mo|month|week|wk)\\)\\s*(?:[-–—:]\\s*)?added to your (?:cart|basket|bag|trolley|order)\\b")
                        .maxLength(160),
                // A purchase that quietly starts a plan: "1-Click purchase also starts your Unlimited reading plan", "Buying this gem pack also
                // starts your Weekly Gem Club (¥610/week)", "By completing this purchase you join VitaClub (30-day free trial)"
                TextRule.of("sneaking.purchase_also_starts_plan", HIDDEN_SUBSCRIPTION, 0.75,
                                "\\b(?:also|automatically) (?:starts?|activates?|enrol(?:l)?s you in|signs you up|subscribes you|joins you)\\b[^.!?]{0,40}\\b(?:plan|club|membership|subscription|pass|programme|program|\\d/(?:week|month|mo|wk|yr))"
                                        + "|\\bby (?:completing|placing|making|confirming) (?:this|your) (?:purchase|order|booking|payment)\\b[^.!?]{0,10}\\byou(?:'ll| will)? (?:join|become a member|be enrolled|start)\\b")
                        .maxLength(200),
                // A fee paid later, somewhere else: "A final cleaning fee of €60 is payable in cash on arrival", "airport concession fees payable at
                // the counter", "Metal card delivery fee R$ 79.00 (charged on delivery)", "Other fees $4.87 ⓘ"
                TextRule.of("sneaking.fee_paid_later_elsewhere", HIDDEN_COSTS, 0.7,
                                "\\b(?:fees?|charges?|surcharges?)\\b[^.!?]{0,40}\\b(?:payable|paid|charged|collected|due) (?:in cash |locally |separately )?(?:on arrival|at the (?:counter|desk|property|hotel|airport)|on (?:delivery|collection|pick-?up)|at (?:check-?in|pick-?up))\\b"
                                        + "|^\\W*other (?:fees|charges)\\W{0,3}(?:[$£€₹]|r\\$)\\s?\\d")
                        .unless("\\b(?:included|already in|shown in the total)\\b|" + FEE_DISCLOSED)
                        .maxLength(200));
    }
}
