package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.HIGH_DEMAND_MESSAGE;
import static dev.veritas.checks.darkpatterns.PatternType.LOW_STOCK_MESSAGE;
import static dev.veritas.checks.darkpatterns.RuleParts.NOT_STOCK;
import static dev.veritas.checks.darkpatterns.RuleParts.NUM;
import static dev.veritas.checks.darkpatterns.RuleParts.TIME_UNIT;

import java.util.List;

/**
 * Scarcity: stock counts and demand claims meant to rush the shopper. Plain stock status ("In stock",
 * "Out of stock", "Sold out") says nothing about urgency and is deliberately not matched.
 */
final class ScarcityRules {
    private static final String PER_CUSTOMER = "\\b(?:per (?:customer|order|household|person|transaction)|limit(?:ed)? (?:of )?\\d+ per)\\b";
    /** What a count can be of when the shop says it "remains": not time, not a colour, not money. */
    /** Who or what is left in a contest: "Only two teams left in the bracket" is sport, not stock. */
    private static final String CONTEST = "players?|candidates?|teams?|contestants?|survivors?|competitors?|finalists?|contenders?|rounds?|matches|games?|races?|laps?|holes?|innings";
    private static final String NOT_LEFT_OF = "(?:" + TIME_UNIT + "|" + NOT_STOCK + "|points?|credits?|characters?|attempts?|tries|spins?|goes|turns?|lives|chances|entries|votes|percent|%"
            + "|" + CONTEST
            + "|members|staff|employees|workers|hostages|soldiers|troops|species|animals|birds|residents|children|patients|villagers|founders|originals?"
            + "|returns?|exchanges?|vouchers?|coupons?|chapters?|lessons?|episodes?|uses?|downloads?|pages?|tasks?|entries|votes?|messages?|invites?|days?)";
    /** What remains of the shopper's own allowance: "Vouchers: 2 redeemed this month, 1 remaining". */
    private static final String ALLOWANCE = "\\b(?:redeemed|allowance|quota|licen[cs]es?|device slots?|activations?|(?:refund|return|change|cancellation|support|exchange) requests?)\\b|\\b(?:used|taken|claimed) (?:this|per|each) (?:month|year|week|term|period|cycle)\\b";
    /** "Left" as a direction or part of "left over", not what remains. */
    private static final String LEFT_SENSES = "-\\w|\\s+(?:side|hand|handed|behind|over|overs|corner|column|panel|arrow|chest|foot|leg|arm|ear|turns?|lane|luggage|wing|moves?|click|bank"
            // "left" as a verb with an object: "Only 4 left the meeting before the vote"
            + "|the|a|an|his|her|their|its|early|home|school|office|work|town)\\b";
    private static final String LEFT_AS_DIRECTION = "(?!" + LEFT_SENSES + ")";
    /** The same as an exception, so that no other detector takes the text for stock. */
    private static final String LEFT_IN_ANOTHER_SENSE = "\\bleft(?:" + LEFT_SENSES + ")";
    /** What remains in a race, a recipe or an upload is not stock: "Only 12 left in the race", "until only 2 are left in the bowl". */
    private static final String LEFT_OF_SOMETHING_ELSE = "\\bleft in the (?:race|running|contest|competition|tournament|field|draw|bowl|pan|pot|tray|oven)\\b"
            + "|\\bleft to (?:upload|download|sync|install|process|back up|watch|read|finish|complete|mark|grade|answer)\\b";
    /** What a shop counts in stock when it rushes the shopper. */
    private static final String UNITS = "(?:units?|items?|pieces?|pcs|pairs?|bottles?|jars?|tins?|boxes|box|rooms?|seats?|tickets?|spots?|places?|cabins?|copies|bundles?|packs?|sachets?|one|ones)";
    private static final String STOCK_WORDS = "(?:(?!" + TIME_UNIT + "\\b|" + NOT_STOCK + "\\b)[a-z()]+\\s+){0,3}?";

    private ScarcityRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "Only 2 left in stock", "Just 1 pair left", "Last one available", "We only have 5 left"
                TextRule.of("scarcity.only_n_left", LOW_STOCK_MESSAGE, 0.95,
                                "\\b(?:only|just|last)\\s*:?\\s*(?:have\\s+)?" + NUM + "\\s+" + STOCK_WORDS
                                        + "(?:left|remaining|available|in stock|to go)\\b")
                        .unless(PER_CUSTOMER + "|" + LEFT_OF_SOMETHING_ELSE + "|" + LEFT_IN_ANOTHER_SENSE + "|\\b(?:" + CONTEST + ") (?:left|remaining)\\b"),
                // A bare count badge: "3 LEFT", "(5 Left)", "Availability: 5 items left"
                TextRule.of("scarcity.n_left_badge", LOW_STOCK_MESSAGE, 0.9,
                        "(?:^|[:!,.(\\[*\\-]\\s*|\\bin stock\\s*|\\bhurry\\W*|\\bpre-?order\\s*)(?:over\\s+)?\\d{1,5}\\s+"
                                + "(?:(?:items?|units?|pieces?|pcs|pairs?|copies|bottles?|tickets?|seats?|spots?|places?|products?)\\s+)?"
                                + "(?:left|remaining)(?=\\s*(?:$|[^a-z0-9\\s]|in\\b|at\\b|online|today|now|order|hurry|get|buy))")
                        .unless("\\b(?:filters?|results?|paid|payments?|schedule|instal\\w*)\\b|" + ALLOWANCE),
                // "Bottles left: 3", "Stock left 2"
                TextRule.of("scarcity.left_count", LOW_STOCK_MESSAGE, 0.85,
                        "\\b(?:items?|units?|pieces?|bottles?|pairs?|copies|stock|tickets?|quantity|qty)\\s+(?:left|remaining)\\s*:?\\s*\\d{1,4}\\b|\\bleft in stock\\s*:\\s*\\d{1,3}\\b"
                                + "|^\\W*(?:remaining|left)\\s*:\\s*\\d{1,2}\\W*$"
                                // "Available quantity: only 3", "Units available: 2!"
                                + "|\\b(?:available (?:quantity|qty|units|stock)|(?:units?|items?|pieces?|quantity|qty|stock) available)\\s*:\\s*(?:only |just )?[1-9](?![\\d.,])(?=\\s*!|(?<=only [1-9])|(?<=just [1-9]))"),
                // "2 in stock" as a badge; a count of 10 or fewer only, as large counts are plain stock status
                TextRule.of("scarcity.small_count_in_stock", LOW_STOCK_MESSAGE, 0.8,
                        "(?:^|[:!,.(\\-·•|]\\s*)(?:only\\s*:?\\s*)?(?:[1-9]|10)\\s+(?:(?:items?|units?|pieces?|pcs)\\s+)?"
                                + "(?:in stock|available)\\b(?!\\s+(?:in|for|from|on|at|to|with)\\b)")
                        // a unique item is always the only one: "One-of-a-kind piece (1 available)", "Pre-owned piece: 1 available"
                        .unless("\\b(?:one[- ]of[- ]a[- ]kind|pre-?owned|second[- ]hand|used|vintage|unique|original artwork|refurbished)\\b"),
                // Any small count said to remain: "Six tickets left for this date", "Running out fast - 8 remain",
                // "There are 4 of these left in your size"; not "2 days left", "3 colours left", "$12 left"
                TextRule.of("scarcity.n_remain", LOW_STOCK_MESSAGE, 0.85,
                                "(?<![\\d$£€.,:/-])" + NUM + "\\s+(?:(?!" + NOT_LEFT_OF + "\\b)[a-z'-]+\\s+){0,4}?(?:left|remain|remains|remaining|to go|going at this price)\\b"
                                        + LEFT_AS_DIRECTION)
                        .unless(PER_CUSTOMER + "|\\b(?:were|was|are|is|been|being) left (?:without|with no|behind|stranded|homeless|out of)\\b|\\b0 (?:left|remaining)\\b|\\b(?:turn|on the|to the|at the|top|bottom) left\\b|\\bleft (?:to (?:pay|go until|qualify|spend|reach)|until free)\\b"
                                + "|\\byou(?:'ve| have| still have)\\b|\\bin your (?:account|plan|wallet)\\b|\\b(?:progress|unused)\\b|\\b(?:filters?|results?|paid|payments?|schedule|instal\\w*)\\b|" + ALLOWANCE + "|" + LEFT_OF_SOMETHING_ELSE + "|" + LEFT_IN_ANOTHER_SENSE),
                // "Our last 3 rooms!", "Grab one of the last 9 at this low price", "We're down to the last 5 jars"
                TextRule.of("scarcity.last_n", LOW_STOCK_MESSAGE, 0.85,
                                "(?:^\\W*|\\b(?:our|only|just|grab|get|of the|down to(?: the| our)?|these are the|the very)\\s+)last\\s+(?:" + NUM + ")\\b"
                                        + "(?!\\s+(?:" + TIME_UNIT + "|reviews?|orders?|comments?|posts?|articles?|viewed|entries|results|pages?|episodes?|games?|seasons?|updates?|digits?|characters?|purchases?|visits?|searches)\\b)")
                        .unless("\\b(?:in|over|for|during|within) (?:the|our|your) last\\b"),
                // "There are only 4 tins of Salmon Pate left", "We've only got 4 of the 256GB Midnight in stock"
                TextRule.of("scarcity.only_n_then_stock", LOW_STOCK_MESSAGE, 0.85,
                                "\\b(?:only|just) (?:have |has |got )?" + NUM + "(?![\\d,.])(?!\\s*(?:%|percent|" + NOT_LEFT_OF + ")\\b)(?=[^.!?]{0,40}?\\b(?:in stock|left|remaining|remain|available)\\b)"
                                        // every word before "left" may be what is counted, and none may be people or time
                                        + "(?:\\s+(?!" + NOT_LEFT_OF + "\\b)[^\\s.!?]+){0,7}?\\s+(?:in stock|left|remaining|remain|available)\\b"
                                        + LEFT_AS_DIRECTION)
                        .unless(PER_CUSTOMER + "|\\b(?:sizes?|colou?rs?|styles?|options?|versions?) (?:are |is )?(?:left|available)\\b|\\bleft (?:to (?:pay|qualify|spend|reach)|until)\\b" + "|" + LEFT_OF_SOMETHING_ELSE + "|" + LEFT_IN_ANOTHER_SENSE),
                // "Economy Light: the remaining six seats", "Our last available room at this property", "The final unit! Snap it up"
                TextRule.of("scarcity.remaining_units", LOW_STOCK_MESSAGE, 0.8,
                        "\\b(?:the|our) (?:remaining|last|final) " + NUM + " (?:[a-z-]+ ){0,2}?" + UNITS + "\\b"
                                + "|\\b(?:our|the) (?:last|final|only) (?:available|remaining) " + UNITS + "\\b"
                                + "|^\\W*(?:the |our )?(?:final|last|very last) (?:available |remaining )?(?:unit|item|piece|one|pair|bottle|room|seat|ticket|spot|place|cabin)\\s*[!.]"
                                + "|\\b(?:last|final) " + NUM + " " + UNITS + "\\b"
                                + "|\\b(?:final|last|very last) (?:unit|item|piece|one|pair|bottle|room|seat|ticket)\\s*!"
                                + "|\\b(?:last|final) (?:batch|lot|run|drop|shipment|production run)\\s*[!.:]|\\btail end of (?:the|our|this) (?:limited )?(?:run|stock|batch|lot)\\b"
                                + "|\\bsingle (?:unit|piece|item|pair|bottle|room|seat)s? (?:left|remaining|available|in stock)\\b|\\b(?:has|have|got) (?:a|one) single (?:unit|piece|item|pair)\\b"
                                + "|\\bthen (?:we're|we are|it's|they're) (?:empty|out|sold out|done|gone)\\b"
                                + "|\\blast (?:one|few|pair|unit|piece|batch)\\b.{0,40}\\b(?:won't|will not|never) (?:be back|come back|return)\\b"
                                + "|\\bthe last " + NUM + "\\b(?=\\s+(?:in (?:our|the) (?:store|shop|warehouse|stock)|left|at this (?:price|rate)|available|remaining|in stock|of (?:these|this|them|those)))")
                        .unless("\\b(?:in|from) your (?:wish ?list|cart|basket|bag|orders?|account|history)\\b|\\byou(?:'ve| have)? (?:viewed|ordered|bought|saved)\\b"
                                // where seats sit, not how many remain: "the last 2 seats in row F are restricted view"
                                + "|\\blast \\S+ (?:seats?|places?|spots?) (?:in|of|on|at) (?:the |each )?(?:row|aisle|block|section|end)\\b"),
                // "Stock: 2 - order soon", "Availability: only 3!"
                TextRule.of("scarcity.stock_count_pressure", LOW_STOCK_MESSAGE, 0.8,
                                "^\\W*(?:stock|quantity|qty|availability|in stock)\\s*:?\\s*(?:only\\s+|just\\s+)?[1-9](?![\\d.,])")
                        .requires("\\b(?:order (?:soon|now|today|quickly)|hurry|be quick|don't miss|going fast|won't last|grab|only|just)\\b|!"),
                // "We only have 3 of these in our London store", "In stock: only 1 unit", "1 more available!"
                TextRule.of("scarcity.only_have_n", LOW_STOCK_MESSAGE, 0.85,
                                "\\b(?:only|just) (?:have |has |got )?" + NUM + " (?:more )?of (?:these|those|them|this (?:item|size|colou?r|style|one))\\b"
                                        + "|\\b(?:in stock|stock|availability)\\W{0,3}(?:only|just) " + NUM + " (?:units?|items?|pieces?|pcs|pairs?)\\b"
                                        + "|(?<![\\d$£€.])" + NUM + " more (?:available|left|in stock|remaining)\\b"
                                        + "|\\b(?:down to (?:our |the |its )?(?:final|last|very last) " + UNITS + "|down to (?:the )?(?:crumbs|the wire|the dregs))\\b"
                                        + "|(?:\\b(?:we're|we are|stock is|stock's|inventory is|now|it's|we've got it)|'s) down to (?:the |our |just |only )?(?:last |final )?" + NUM
                                        + "\\b(?!\\s*(?:" + TIME_UNIT + "|%|percent|degrees|°|[$£€]))")
                        .unless(PER_CUSTOMER),
                // "A handful left", "Very few left at this price"
                TextRule.of("scarcity.few_left", LOW_STOCK_MESSAGE, 0.85,
                        "(?:\\b(?:very few|a handful(?: of)?|only a handful(?: of)?|hardly any|not many|just a few|only a (?:few|couple)|just a couple|a few|a couple)|^\\W*few)\\s+(?:of (?:the |our )?)?(?:(?!" + NOT_LEFT_OF + "\\b)[a-z]+\\s+)?(?:left|remaining|remain)\\b(?! over)"),
                TextRule.of("scarcity.less_than_n", LOW_STOCK_MESSAGE, 0.9,
                        "\\b(?:less|fewer) than " + NUM + "\\s+" + STOCK_WORDS + "(?:left|remaining|available|in stock)\\b"
                                + "|\\b(?:left|remain\\w*|in stock|stock|batch)\\b.{0,40}\\b(?:less|fewer) than (?:a dozen|a handful|ten|10|five|5)\\b"),
                // "Low in stock", "Limited quantity available", "Almost sold out"
                TextRule.of("scarcity.low_stock_words", LOW_STOCK_MESSAGE, 0.85,
                                "\\b(?:low (?:in )?stock|low inventory|inventory (?:is )?(?:running |very )?low|stock levels?:? low|stock (?:is |levels? (?:is |are )?)?(?:running |very |extremely |really |getting |critically )?low|stock (?:is )?running (?:out|low)|running (?:low|out) (?:on|of) stock"
                                        + "|limited number (?:of [a-z]+ )?(?:available|left|remaining|at this (?:price|rate))|small batch left|limited (?:qty|pieces|units)"
                                        + "|dwindling|(?:supplies|stock|stocks|inventory) (?:are |is )?(?:nearly |almost )?(?:exhausted|finished|vanishing|disappearing|depleted)"
                                        + "|(?:nearly|almost) (?:all )?(?:finished|exhausted|cleaned out|sold through)|(?:nearly|almost) all gone|(?:barely|hardly|scarcely) any (?:left|remaining)"
                                        + "|stock levels?:? (?:critical|very low)|bare shelves"
                                        + "|limited (?:stock|quantit(?:y|ies)|supply|supplies|availability|inventory)"
                                        // "Stock is very limited in Charcoal", "Supplies are extremely limited"
                                        + "|(?:stock|supply|supplies|quantities|availability|inventory) (?:is |are )?(?:very|extremely|severely|really|strictly|seriously) limited"
                                        + "|(?:almost|nearly) sold out|remaining stock|(?:a )?few (?:items?|pieces?|units?|pairs?) left"
                                        + "|(?:last|final) (?:items?|pieces?|units?|pairs?|sizes?) (?:left|available|in stock|remaining)"
                                        + "|(?:almost|nearly) out(?: of stock)?(?! of (?:time|the|our|your|reach|range|breath))|running out (?:fast|quickly)"
                                        + "|(?:almost|nearly) out of (?:the |this |our )?(?:[\\w-]+ )?(?:sizes?|colou?rs?|colourways?|styles?|shades?|stock)\\b"
                                        // "Stock: very low", "Low availability", "Final stock!", "stock is nearly gone"
                                        + "|stock\\s*:\\s*(?:very |extremely |critically )?low|(?:low|very low|limited) availability|availability\\s*:\\s*(?:very )?low|final stock|last of (?:the|our) stock"
                                        + "|(?:stock|stocks|supplies|inventory) (?:is |are )?(?:nearly|almost|all but) (?:gone|out|finished|sold|over)"
                                        + "|(?:the )?last (?:one|pair|unit|piece|item|bottle|room|seat|ticket|copy|box|bag|set|slot|spot|place|table|cabin) (?:we(?:'ve| have)(?: got)?|we've got|in stock|left|available|remaining)"
                                        // "Final few standing tickets", "Final units at this price", "15kg bags are running low"
                                        + "|final (?:few|handful|units?|pieces?|pairs?|tickets?|seats?|rooms?|spots?|places?|items?)\\b(?! (?:of (?:the )?)?(?:sale|clearance|reductions?))"
                                        + "|[a-z-]+s are running (?:low|out)(?! of (?:time|ideas))|(?:supplies|stocks?) running (?:low|out))\\b")
                        .unless(PER_CUSTOMER + "|\\bdiscontinued\\b|\\bbefore you (?:travel|visit|set off|make the trip|head (?:in|out|over|down))\\b"
                                + "|\\b(?:sign up for|get|subscribe to|receive|set up|turn on|manage) (?:a |your )?low[- ](?:stock|inventory) (?:alerts?|notifications?|emails?)\\b|\\b(?:more|also) available (?:online|in (?:other|another|our other))\\b|\\bat this (?:location|store|branch)\\b|\\bsubstitut\\w+\\b"),
                // "Won't be restocked", "no restocks planned": stock said to be the last. Not when it restates what the item
                // is — a limited edition, a sold-out or discontinued line ("Sold out, no restock planned for this event",
                // "Limited edition: this shade will not be restocked after the holiday collection").
                TextRule.of("scarcity.not_restocked", LOW_STOCK_MESSAGE, 0.8,
                        "\\b(?:(?:won't|will not|never) be (?:re-?stocked|restocking|back in stock)|(?:no|not being) re-?stock(?:ed|ing|s)?)\\b")
                        .unless(PER_CUSTOMER + "|(?<!almost |nearly )\\bsold out\\b|\\blimited[- ]edition\\b|\\bdiscontinued\\b|\\bone[- ]off\\b"),
                // "Almost gone!" as a message, not "Home + Tech Almost Gone" as a menu label
                TextRule.of("scarcity.almost_gone", LOW_STOCK_MESSAGE, 0.8,
                        "(?:^|[!.:\\-]\\s*)(?:almost|nearly) gone\\b|\\b(?:almost|nearly) gone\\s*[!.]"
                                + "|\\bbefore (?:it's|they're|it is|they are|all are|stock is) (?:all )?gone\\b"
                                + "|\\b(?:once|when) (?:it's|they're|it is|they are) gone,? (?:it's|they're|it is|they are) gone\\b"
                                + "|\\bthen (?:it's|they're|it is|they are) gone\\b"),
                // "80% claimed", "803 claimed! Hurry"
                TextRule.of("scarcity.share_claimed", LOW_STOCK_MESSAGE, 0.85,
                        "\\b\\d{1,3} ?% (?:of (?:the )?)?(?:(?:offers?|deals?|stock|items?|coupons?|spots?|tickets?) )?(?:claimed|sold|gone|redeemed)\\b"
                                + "|\\b\\d[\\d,]{0,14} claimed\\b|\\b(?:sold|claimed|booked|taken|gone):? \\d[\\d,]{0,14} (?:of|out of|/) \\d[\\d,]{0,14}\\b"
                                + "|\\bstock\\b.{0,30}\\b\\d{1,2} ?% (?:left|remaining)\\b"
                                + "|\\b\\d{1,3} (?:of|out of|/) \\d{1,4} (?:still )?(?:available|left|remaining)\\b"
                                // "Less than 1% of tickets remain", "Tier 2 tickets — 4% remaining", "86% of this batch has been claimed",
                                // "Stock: 3/5 left today", "Stock: 4 / 120"
                                + "|\\b\\d{1,2} ?% (?:of (?:the |our |this |these )?[\\w-]+ )?(?:still )?(?:remains?|remaining|left|available)\\b"
                                + "|\\b\\d{1,3} ?% of (?:the|this|our|these) [\\w-]+ (?:(?:has|have) been |is |are )?(?:claimed|sold|gone|booked|taken|reserved|snapped up)\\b"
                                + "|\\bstock\\s*:\\s*\\d{1,3}\\s*/\\s*\\d{1,4}\\b")
                        // an early-exit charge: "cancelling early costs 50% of the remaining balance"
                        .unless("\\bof the remaining (?:months|balance|term|contract|amount|payments?|instal\\w*)\\b"
                                // a tier that is gone presses no one: "Early Bird — $199 (all 500 claimed)"
                                + "|\\ball (?:\\d[\\d,]* )?(?:claimed|sold|taken|gone|booked)\\b|(?<!almost |nearly )\\bsold out\\b"),

                // "In high demand", "Strong demand!"; "due to high demand, dispatch may be delayed" is a service notice
                TextRule.of("scarcity.high_demand", HIGH_DEMAND_MESSAGE, 0.85,
                                "\\bin (?:very |extremely |really |such )?high[- ]demand\\b"
                                        + "|\\b(?:very |extremely |unusually |strong |huge |high |heavy |incredible |big |crazy |hot |massive |enormous |insane )demand\\b|\\bmuch in demand\\b"
                                        + "|(?:^|[^a-z-])in demand\\b(?!-)|\\bdemand (?:is|has been) (?:very |extremely |really )?(?:high|strong|huge|heavy)\\b")
                        .unless("\\b(?:due to|because of|owing to|given)\\b.{0,40}\\bdemand\\b.{0,80}\\b(?:delay|dispatch|ship|deliver|process|respon|wait|longer|slower)"
                                + "|\\b(?:delay|dispatch|ship|deliver|process|respon|wait|longer)\\w*\\b.{0,80}\\b(?:due to|because of|owing to)\\b.{0,40}\\bdemand\\b"
                                + "|\\bon demand\\b|\\bsupply (?:and|&) demand\\b"
                                // a visitor pointed to quieter times: "The museum is in high demand on weekends; weekdays are quieter"
                                + "|\\b(?:quieter|less busy|less crowded|calmer)\\b"
                                // Demand for people, skills or commodities is the labour or energy market, not a shop's stock
                                + "|\\bdemand for (?:[\\w-]+ )?(?:nurses|workers|staff|skills|jobs|housing|homes|labou?r|talent|developers|engineers|teachers|doctors|drivers|energy|oil|gas|electricity|credit|loans|mortgages|services|graduates|professionals)\\b"),
                // "Selling fast", "Going fast", "Selling out quickly", "Expected to sell out"
                TextRule.of("scarcity.selling_fast", HIGH_DEMAND_MESSAGE, 0.85,
                        "\\b(?:selling|sells?|selling out|sells? out|going|flying|moving|disappearing)\\s+(?:very |really |super |so )?(?:fast|quickly|quick|rapidly)\\b"
                                + "|\\bsells? out (?:frequently|often|regularly|every time|in (?:hours|minutes|days))\\b|\\bsold out (?:in (?:hours|minutes|days)|within (?:hours|minutes)) (?:last time|before|every time)\\b"
                                + "|\\b(?:frequently|often|regularly|always|usually|quickly|constantly) (?:sells?|sold|selling) out\\b"
                                + "|\\b(?:fast|quick|rapid)[- ]selling\\b|\\b(?:everybody|everyone)(?:'s| is) (?:buying|grabbing|ordering|booking|after)\\b"
                                + "|\\b\\d+(?:\\.\\d)? ?x (?:more|the) (?:views|visits|searches|bookings|orders|interest|demand|traffic)\\b"
                                + "|\\bmore (?:views|visits|searches|bookings|orders|interest|traffic) than usual\\b"
                                + "|\\bflying off (?:the|our) shelves\\b|\\b(?:will|expected to|likely to|about to|set to|bound to) sell out\\b"
                                + "|\\bselling out\\b|\\bbefore (?:it|they|stock|this|these) (?:sells?|runs?) out\\b"
                                + "|\\bexpect(?:ed)? (?:it|them|this|these|they) to sell out\\b"
                                + "|\\b(?:people|customers|shoppers|everyone|buyers|fans) (?:are|keep|have been) (?:snapping|grabbing|scooping|buying) (?:these|this|them|it) up\\b"
                                + "|\\bdemand is (?:through the roof|off the charts|insane|crazy|huge|enormous)\\b|\\bselling (?:quicker|faster) than\\b|\\b(?:going|selling) like hot ?cakes\\b"
                                + "|\\b(?:wildly|hugely|insanely|super|very|extremely) popular (?:right now|at the moment|this (?:week|month|season))\\b|\\bstocks? (?:move|moves|moving|go|goes|going) fast\\b"
                                + "|\\b(?:everybody|everyone) (?:wants|is buying|is after) (?:this|one|these|it)\\b"
                                + "|\\b(?:fastest|quickest)[- ]selling\\b|\\bcan't get enough of (?:this|these|it|them)\\b|^\\W*flying (?:out|off)\\W*$|\\bflying out (?:fast|quickly)\\b"
                                + "|\\b(?:highly|much|very|hugely|so) sought[- ]after\\b|^\\W*sought[- ]after\\b|\\bflying (?:out|off) (?:the|our) (?:door|shelves|shelf|warehouse|racks?)\\b")
                        .unless("\\b(?:ships?|dispatch\\w*|deliver\\w*|restock\\w*|back in stock|notify me)\\b.{0,20}\\b(?:fast|quickly)\\b"),
                // "These sell quickly!", "Often sells out", "This flight is filling up fast", "Sells out every restock", "May sell out": how fast it
                // goes, said of the item on offer. Only in a message: in a longer sentence ("the bakery's sourdough often sells out by noon") it is a story.
                TextRule.of("scarcity.sells_out_often", HIGH_DEMAND_MESSAGE, 0.8,
                                "\\b(?:sells?|goes|go|books? up|fills? up|filling up|booking up|sell out|sells out) (?:very |really |super |so )?(?:fast|quickly|quick|in no time|in minutes|in hours|within (?:hours|minutes|days))\\b"
                                + "|\\b(?:often|usually|always|regularly|frequently|typically) (?:sells?|sold|books?|fills?) (?:out|up)\\b|\\bsells? out (?:every|each|at every) (?:restock|drop|time|release|season|year|batch|run)\\b"
                                + "|\\b(?:may|might|could|can|is likely to|are likely to|likely to) (?:sell|book) (?:out|up)\\b(?! (?:on|of|to|the))"
                                + "|\\bselling like (?:crazy|mad|wildfire|there's no tomorrow)\\b|\\bgoing,? going\\b")
                        .unless("\\b(?:ships?|dispatch\\w*|deliver\\w*|restock\\w*|back in stock|notify me)\\b.{0,20}\\b(?:fast|quickly)\\b")
                        .maxLength(70),
                // "Popular right now", "Hot item 🔥", "This hotel is popular for your dates", "Lots of interest in this one", "Over 90% of rooms booked for your
                // dates": demand claimed, not counted. A "Most popular" sort option or a "Popular categories" menu names no pressure.
                TextRule.of("scarcity.popular_now", HIGH_DEMAND_MESSAGE, 0.75,
                        "\\b(?:popular|trending|hot|in demand|wanted|sought[- ]after|in favou?r)\\b(?: (?:items?|products?|choices?|picks?|styles?|ones?|pieces?|models?))?(?: (?:with|among) (?:[\\w-]+ ){0,2}?[\\w-]+)? (?:right now|at the moment|just now|today|this (?:week|weekend|month|season)|for (?:your|these|those|the same) dates)\\b"
                                + "|(?:^\\W*|\\b(?:this|these|it|it's|it is|they're|they are|item|product|property|hotel|room|style|model|colou?r|one|size)\\b[^.!?]{0,20}?)\\b(?:very|extremely|super|really|incredibly|hugely|wildly|insanely|so|a) popular\\b(?: (?:item|choice|pick|product|one|model|style|hotel|property))?(?:\\W*$|\\s*[!–—-]|\\s+(?:right now|at the moment|with (?:shoppers|customers|buyers|guests|travell?ers)|and (?:may|might|could|will|likely)))"
                                + "|^\\W*popular(?: [a-z]+)?\\s*[!:.–—-]+\\s*(?:booked|selling|lots|many|high|huge|people|don't|going|grab|book|buy|order|hurry|act|this|\\d)"
                                + "|^\\W*(?:frequently|often|regularly|always) (?:booked|bought|purchased|reserved|sold out)\\W*$|\\b(?:most|highly|very|super|hugely) in-demand\\b"
                                + "|^\\W*(?:🔥\\s*)?hot (?:item|seller|product|pick|property|ticket)\\b(?!s)|\\b(?:this is|it's|it is|this) (?:a )?(?:real )?hot (?:item|seller|product|pick|property|ticket)\\b|^\\W*hot\\W+(?:people|everyone|selling|going|lots)\\b"
                                + "|\\b(?:(?:lots|loads|tons|plenty|a lot|heaps) of|(?:so )?many|loads more) (?:interest|people|shoppers|customers|buyers|travell?ers|guests)\\b[^.!?]{0,20}\\b(?:in|after|looking at|want(?:ing)?|interested in|eyeing|on|buying|viewing|watching|booking|ordering|considering|checking out) (?:this|these|it)\\b"
                                + "|\\b(?:high|huge|lots of|a lot of|strong|massive|big) interest in (?:this|these|it|the)\\b|^\\W*(?:popular|hot)!?\\W+(?:lots|loads|huge|high) (?:of )?interest\\b"
                                + "|\\bpopular\\b[^.!?]{0,30}[–—:!-]\\s*(?:book|buy|order|grab|get|reserve|act) (?:it |yours |one )?(?:soon|now|fast|quickly|early|today)\\b"
                                + "|\\bpopular\\b[^.!?]{0,30}\\b(?:don't (?:wait|miss)|before (?:it's|they're) gone)\\b"
                                // "Rare find! This place is usually booked", "over 4,000 people joined the waitlist"
                                + "|\\brare find\\b|\\busually (?:fully )?(?:booked|sold out|full)\\W*$"
                                + "|\\b\\d[\\d,.]{0,14}k?\\+? (?:people|customers|shoppers|fans|buyers|others) (?:have |already )?joined the wait ?list\\b"
                                + "|\\b\\d{2,3} ?% of (?:the )?(?:rooms|seats|tickets|places|spots|tables|properties|hotels|stock|slots|dates|flights)\\b[^.!?]{0,20}\\b(?:are |is |already |now )*(?:booked|sold|taken|reserved|gone|full|unavailable)\\b")
                        // A list of departments or searches after a colon is a menu: "Popular right now in Women's: jeans, tops, dresses"
                        .unless("\\b(?:categor\\w+|searches|sort by|filters?|brands|destinations|posts|articles|questions)\\b|:[^.!?]*,[^.!?]*,"
                                // "Popular area: 5 min walk to the shops" describes a place, not demand
                                + "|\\bpopular (?:area|neighbou?rhood|location|district|destination|spot|street|beach|route|resort|town|village)\\s*:"
                                + "|^\\W*(?:popular|trending|hot)\\b[^:!]{0,25}:\\s*(?:[\\w'&-]+ ?){1,3}(?:,|$)"),
                // "Limited tickets remaining!", "Limited rooms left": stock said to be running out without a count
                TextRule.of("scarcity.limited_remaining", LOW_STOCK_MESSAGE, 0.75,
                                "\\blimited (?:number of )?(?:tickets|seats|places|spaces|spots|rooms|stock|units|pieces|copies|tables|slots|items|sizes|availability) (?:remaining|left)\\b")
                        .maxLength(160),
                // "9 in 10 rooms booked", "85% sold", "4 out of 5 tables taken": how full the thing already is, to hurry the shopper
                TextRule.of("scarcity.share_already_taken", HIGH_DEMAND_MESSAGE, 0.75,
                                "\\b\\d+ (?:in|out of|of) \\d+ (?:rooms|seats|tables|tickets|places|spaces|spots|slots|cabins|pitches|dates|units)\\b[^.]{0,15}\\b(?:booked|taken|sold|reserved|gone|filled|claimed)\\b"
                                        + "|\\b\\d+ ?% (?:booked|sold|reserved|full|taken|claimed)\\b")
                        .unless("\\b(?:occupancy|figures|survey|data|report|statistics|according|said|says|average|last (?:year|month|season))\\b"
                                // a container, a device or a car park being full: "Your storage is 80% full", "Fill the pot 70% full"
                                + "|\\b(?:storage|mailbox|inbox|drive|disk|memory|battery|tank|car ?park|parking|basket|pot|bin|cloud|reservoirs?|fill|capacity)\\b")
                        .maxLength(120),
                // A variant's badge that calls it the last of its kind: "Size L: last one", "UK 10 – last pair", "Terracotta 220x240: last 1 set",
                // "Last piece in Sweden", "Last table for 4 on Sunday!", "Last Saturday slot with Tony"
                TextRule.of("scarcity.last_of_its_kind", LOW_STOCK_MESSAGE, 0.8,
                                "(?:^\\W*|[:–—·|]\\s*|\\s-\\s+)(?:the |our |your )?(?:very )?last (?:\\d{1,2} |few )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day |weekend |double |single |twin )?"
                                        + "(?:one|ones|pairs?|pieces?|pcs|units?|sets?|few|cases?|slots?|tables?|copies|copy|bottles?|boxes|box|cabins?|trays?|packs?)\\b"
                                        // a badge: it ends there, or says where, for whom or what is left
                                        + "(?=\\s*(?:$|[!.]|in\\b|at\\b|left\\b|available\\b|remaining\\b|for \\d|with\\b|on (?:mon|tues|wednes|thurs|fri|satur|sun)day\\b))"
                                        + "(?!\\s*(?:at \\d|in (?:this|the) (?:range|series|book|box|set)\\b))")
                        .unless("\\b(?:in|from) your (?:wish ?list|cart|basket|bag|orders?|account|history)\\b|\\b(?:i|we|my|our) (?:bought|ordered|had|got|received|wore)\\b|\\b(?:last (?:one|ones) (?:i|we)|the last one was)\\b"
                                + "|\\d\\s?(?:am|pm)\\b|\\b\\d{1,2}:\\d{2}\\b|\\b(?:open|opening|hours|timetable|seating|service|orders? by|entry|admission|leaves|arrives|departs)\\b")
                        .maxLength(90),
                // Stock said to be running low or limited, as a badge or a nudge: "Age 9-10: running low", "Your size is running low!", "Stocks are
                // limited, don't miss out", "Gift boxes almost gone — order now", "Left: 15 pcs", "last 4 trays at this branch", "Trials remaining today: 8"
                TextRule.of("scarcity.running_low_badge", LOW_STOCK_MESSAGE, 0.8,
                                "(?:^\\W*|[:–—·|-]\\s*)running low\\b|\\b(?:your )?(?:size|colou?r|shade|fit) (?:is |are )?running (?:low|out)\\b"
                                        + "|\\bstocks? (?:is|are) limited\\b(?! to)|\\b(?:almost|nearly) gone\\s*[—–-]\\s*(?:order|buy|grab|get|shop|book)\\b"
                                        + "|^\\W*(?:remaining|left)\\s*:\\s*\\d{1,3}\\s*(?:pcs|pieces|units|items|pairs)\\W*$"
                                        + "|[·|–—]\\s*last \\d{1,2} [a-z]+s\\b(?! (?:of|in) (?:the|this) (?:year|month|week|season))"
                                        + "|\\b[a-z]+s remaining (?:today|this week|at this price)\\s*:\\s*\\d{1,3}\\b|\\bonly \\d{1,2} (?:in|at) [^.!?]{1,30}\\bat this price\\b")
                        .unless(PER_CUSTOMER + "|\\b(?:low[- ]stock (?:alerts?|notifications?)|sign up|notify me)\\b")
                        .maxLength(160),
                // Demand said to surge: "Filling fast!", "Demand is sky-high", "Demand is outpacing production", "tariffs are being snapped up",
                // "backers are pouring in", "Most ordered in your area right now"
                TextRule.of("scarcity.demand_surging", HIGH_DEMAND_MESSAGE, 0.75,
                                "\\bfilling (?:up )?fast\\b|\\bdemand is (?:sky-?high|huge|soaring|surging|through the roof|outpacing \\w+|higher than (?:ever|usual))"
                                        + "|\\b(?:are|is) being snapped up\\b|\\b(?:orders|backers|bookings|sign-?ups|applications) (?:are )?(?:pouring|flooding|rushing) in\\b"
                                        + "|\\bmost (?:ordered|bought|booked) (?:in your (?:area|city|size)|this week|today|right now)\\b|\\b(?:trending|popular|selling fast) in your size\\b")
                        .unless("\\b(?:said|according|analysts?|reported|survey)\\b")
                        .maxLength(160),
                // Booking calendars: "Only 2 nights still available in August", "Only 1 weekend still free in May", "Friday morning almost fully booked"
                TextRule.of("scarcity.dates_nearly_gone", LOW_STOCK_MESSAGE, 0.8,
                                "\\bonly (?:\\d|one|two|three|four|five) (?:nights?|dates?|weekends?) (?:still )?(?:left|available|free|open|remaining)\\b(?=\\s+(?:in|this|next|on|for|at|during)\\b|\\s*[!.]?\\s*$)"
                                        + "|^[^.!?]{0,30}\\b(?:almost|nearly) (?:fully )?booked(?: up| out)?\\W*$")
                        .unless("\\b(?:thank\\w*|your (?:trial|subscription|plan|stay|booking)|session|season|billing)\\b|\\b(?:to (?:return|cancel|pay|claim|order|save|shop|enter|apply|register)|until|left to|free (?:cancell?ation|returns?|delivery))\\b")
                        .maxLength(140),

                // Fifth round: scarcity said plainly: "Last SUV available at LAX for these dates", "Limited pairs remaining in sizes 9–11", "2 items
                // in your bag are running low", "Stock in your store is limited – order now", "98% of launch-price upgrades already claimed",
                // "Boxed editions nearly gone", "Size 10.5 is nearly gone"
                TextRule.of("scarcity.said_plainly", LOW_STOCK_MESSAGE, 0.75,
                                "^\\W*(?:the )?last (?!(?:date|day|time|updated?|orders?|chance|minute|call|name|step|page|seen|used|visit|login|entry|admission|train|bus|flight|ferry|collection|delivery)\\b)[\\w-]+ (?:available|left|remaining)\\b"
                                        + "|\\blimited (?:pairs|sizes|seats|spots|places|tickets|rooms|cabins|units|pieces|bottles|copies|boxes|slots) (?:remaining|left|available)\\b"
                                        + "|\\b(?:are|is) running (?:low|out)\\b(?! of (?:time|ideas|steam|patience|road|options|space))"
                                        + "|\\bstock\\b[^.!?]{0,25}\\b(?:is|are) (?:very |extremely )?limited\\b[^.!?]{0,10}\\b(?:order|buy|book|grab|secure|hurry)\\b"
                                        + "|\\b\\d{1,3} ?% of (?:the )?[\\w-]+(?: [\\w-]+)? (?:are |have been |were )?(?:already )?(?:claimed|sold|gone|taken|redeemed)\\b"
                                        + "|\\b(?:editions?|sizes?|stock|pairs?|units?|seats?|tickets?|rooms?|copies|boxes|colou?rs?|is|are) (?:nearly|almost|all but) gone\\b")
                        .unless("\\b(?:battery|credit|balance|storage|data|fuel|petrol|ink|toner|minutes|time|patience|summer|winter|pain|water)\\b|" + ALLOWANCE)
                        .maxLength(160),
                // "Flights on this date are filling up", "Popular sailing — cabins are booking quickly", "89% of Dublin hotels are booked",
                // "High-demand tutor", "3x more people are swiping near you right now"
                TextRule.of("scarcity.filling_up", HIGH_DEMAND_MESSAGE, 0.7,
                                "\\b(?:are|is) (?:filling up|booking (?:up )?(?:fast|quickly)|getting booked up)\\b|\\bfilling up fast\\b"
                                        + "|\\b\\d{1,3} ?% of [\\w ]{2,25}(?:hotels|flights|rooms|seats|properties|tables|slots|spots|cabins|places|tickets) (?:are |have been )?(?:booked|taken|sold|reserved|full)\\b"
                                        + "|^\\W*high[- ]demand (?:tutor|item|product|slot|date|time|listing|property|host|seller|model|style|size|route|flight|room|course|class|coach|trainer)s?\\W*$"
                                        + "|\\b\\d+(?:\\.\\d)?x more (?:people|shoppers|users|travell?ers|guests|buyers) (?:are )?\\w+ing\\b")
                        .unless("\\b(?:fill(?:ing)? up (?:your|the) (?:tank|car)|reservoirs?|car ?park)\\b")
                        .maxLength(160));
    }
}
