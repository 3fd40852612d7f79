package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.COUNTDOWN_TIMER;
import static dev.veritas.checks.darkpatterns.PatternType.LIMITED_TIME_MESSAGE;
import static dev.veritas.checks.darkpatterns.RuleParts.ADVICE_ON_SIGNS;

import java.util.List;

/**
 * Urgency: ticking timers and deadlines without a date. A real deadline ("Sale ends Sunday 12 May",
 * "Order by 2pm for next-day delivery") is information, not pressure, and is left alone.
 */
final class UrgencyRules {
    private static final String NOT_A_CLOCK_AFTER = "(?![\\d:]|\\s?(?:am|pm|a\\.m|p\\.m|uhr|h\\b|o'clock|gmt|utc|[ecmp][sd]t\\b))";
    /** Times of day in opening hours, delivery cut-offs and timestamps look like timers but are not. */
    private static final String CLOCK_IS_A_TIME_OF_DAY = "\\b(?:starts?|starting|opens?|opening|closing time|delivery|deliver|dispatch\\w*|ships?|shipping|"
            + "collection|collect|pick ?up|store hours|opening hours|business hours|posted|published|updated|reviewed|next (?:free )?(?:gift|reward|spin|chest|claim)|next in|"
            // a race time or a parking meter is a duration, not a sales clock
            + "won in|finished in|in a time of|personal best|parking|"
            + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\\b"
            // a numbered lesson or episode with its running time: "Lecture 14: Building a countdown timer (12:05)"
            + "|\\b(?:lecture|lesson|episode|session|chapter|video|module|track|part|class)\\s*#?\\d{1,3}\\b"
            + "|\\d\\s?(?:am|pm)\\b|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\b(?:at|from|until|till|before) \\d{1,2}[:.]\\d{2}(?![:\\d])";
    private static final String DELIVERY_CUTOFF = "\\b(?:deliver\\w*|dispatch\\w*|ships?|shipped|arrive\\w*|get it (?:by|on|tomorrow)|next[- ]day|same[- ]day|collection|in time for)\\b";
    private static final String H = "(?:h|hrs?|hours?)";
    private static final String M = "(?:m|mins?|minutes?)";
    private static final String S = "(?:s|secs?|seconds?)";
    private static final String D = "(?:d|days?)";

    private UrgencyRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "02:06:40 left", "OFFER ENDS 00:54:59": a clock with seconds is a running timer
                TextRule.of("urgency.clock_with_seconds", COUNTDOWN_TIMER, 0.85,
                                "(?<![\\d/.:-])\\d{1,3}\\s?:\\s?\\d{2}\\s?:\\s?\\d{2}" + NOT_A_CLOCK_AFTER)
                        .unless(CLOCK_IS_A_TIME_OF_DAY),
                // "Expires in 29:43", "Order in 13:16 to get $200 off", "reserved for 09:35 minutes"
                TextRule.of("urgency.clock_with_deadline_word", COUNTDOWN_TIMER, 0.8,
                                "\\b(?:ends?|ending|expires?|expiring|left|remaining|reserved|held|hurry|order (?:with)?in|offer|deal|sale|discount|"
                                        + "closes?|timer|countdown|limited|in the next|for the next|goes up|go up|rises?|increases?|holding|lock (?:in )?(?:this|the|your)|locked|guaranteed|valid for)\\b[^0-9]{0,40}(?<![\\d:])\\d{1,2}\\s?:\\s?\\d{2}" + NOT_A_CLOCK_AFTER
                                        + "|(?<![\\d:])\\d{1,2}:\\d{2}\\s*(?:minutes?|mins?|left|remaining)\\b"
                                        + "|(?<![\\d:])\\d{1,2}:\\d{2}\\s+(?:before|until|till) (?:the )?(?:price|offer|deal|sale|discount)")
                        .unless(CLOCK_IS_A_TIME_OF_DAY),
                // Timer widgets: "00 DAYS 02 HRS 26 MINS 12 SEC", labels alone "DAYS HRS MINS SECS"
                TextRule.of("urgency.timer_units", COUNTDOWN_TIMER, 0.9,
                        "(?<![a-z])" + D + "(?![a-z])[\\d\\s:.,]{0,20}" + H + "(?![a-z])[\\d\\s:.,]{0,20}" + M + "(?![a-z])"
                                + "|(?<![a-z])" + H + "(?![a-z])[\\d\\s:.,]{0,20}" + M + "(?![a-z])[\\d\\s:.,]{0,20}" + S + "(?![a-z])"),
                // "29 minutes :07 seconds", "2m 30s"
                TextRule.of("urgency.minutes_seconds", COUNTDOWN_TIMER, 0.85,
                                "(?<![a-z\\d])\\d{1,3}\\s*" + M + "[\\s:.,]*\\d{1,2}\\s*" + S + "(?![a-z])")
                        .unless("\\b(?:video|duration|runtime|run time|length|playback|track|song|film|movie|recipe|cook|bake|prep)\\w*\\b"),
                // "2 days 13 hours left", "Ends in 16h 59m" where a deadline word shows it is a countdown
                TextRule.of("urgency.days_hours_with_deadline_word", COUNTDOWN_TIMER, 0.8,
                                "(?<![a-z\\d])\\d{1,3}\\s*(?:" + D + "[\\s:.,]*\\d{1,2}\\s*" + H + "|" + H + "[\\s:.,]*\\d{1,2}\\s*" + M + ")(?![a-z])")
                        .requires("\\b(?:ends?|ending|expires?|expiring|left|remaining|hurry|offer|sale|deal|prices? (?:increase|go up|rise)|reserved|countdown|within|in\\s*:)")
                        .unless(DELIVERY_CUTOFF),
                // "Sale ends in", "Offer expires in: 2955", "Prices increase in"
                TextRule.of("urgency.ends_in", COUNTDOWN_TIMER, 0.8,
                                "\\b(?:ends?|ending|expires?|expiring|closes?|(?<!\\b(?:an?|the|sudden|significant|sharp|big|large|small|steady|slight) )increases?|(?<=\\b(?:price|prices|offer|deal|discount|rate) )(?:changes?|goes up|go up|rises?|jumps?))\\s+in\\b(?!\\s+(?:the|a|an|our|your|store|stores|\\d+\\s*(?:-\\s*\\d+\\s*)?(?:business |working )?(?:weeks?|months?|years?)|(?:19|20)\\d\\d"
                                        + "|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
                                        + "|spring|summer|autumn|fall|winter|tears|defeat|failure|victory|disaster|a draw|a tie|stalemate)\\b)")
                        .unless("\\b(?:warranty|guarantee|trial|subscription|membership|lease|contract|licen[cs]e|your (?:current )?(?:protection|plan|cover|policy|card|password|session|booking|reservation))\\b"
                                // a place closing, a lid, a vote or a sign-in code: "The pool closes in 20 minutes", "Your one-time passcode expires in 10 minutes"
                                + "|\\b(?:store|shop|branch|pool|gym|library|museum|office|park|polls?|voting|ballot|lid|door|gate)s? (?:closes?|shuts?)\\b|\\bopen (?:today|now) \\d"
                                + "|\\b(?:passcode|one-time (?:code|password|passcode|pin)|verification (?:code|link)|otp|log-?in (?:code|link)|(?:password )?reset link|security code|sign-?in (?:code|link)) (?:expires?|is valid)\\b"
                                // a card or account named by its last digits: "Payment method: Visa ending in 4821"
                                + "|\\b(?:card|visa|mastercard|amex|american express|debit|credit|account|iban|phone|mobile|number)\\b.{0,30}\\bending in \\d{2,4}\\b(?!\\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\\b|\\s*:)"),
                // "Your promo disappears in 2h 10m", "Bundle vanishes in 5h 02m", "We'll hold this fare for 09:59 — book before the timer
                // runs out": a clock on an offer, written the way apps print one
                TextRule.of("urgency.offer_gone_in_clock", COUNTDOWN_TIMER, 0.8,
                        "\\b(?:disappears?|vanish(?:es)?|gone|expires?|ends?|resets?|leaves?)\\s+in\\s+\\d{1,2}\\s?h(?:rs?|ours?)?\\s*\\d{1,2}\\s?m(?:ins?|inutes?)?\\b"
                                + "|\\b(?:hold|keep|reserve)\\s+(?:this|your|the)\\s+[\\w-]+\\s+for\\s+\\d{1,2}\\s?:\\s?\\d{2}\\b"
                                + "|\\bbefore (?:the|this|your) (?:timer|countdown|clock) (?:runs out|ends|hits zero|expires)\\b"),
                // "Your order is reserved for 09:35", "Items held for 10 minutes"
                TextRule.of("urgency.reserved_for", COUNTDOWN_TIMER, 0.85,
                        "\\b(?:reserved|held|saved) for (?:you )?(?:for )?(?:the next |only |another )?(?:\\d{1,2}\\s?:\\s?\\d{2}|\\d+\\s*(?:more )?(?:minutes?|mins?|seconds?|secs?)\\b)"
                                // "You have 20 minutes to complete your order", "Only 12 minutes left to get 20% off"
                                + "|\\b(?:only |just )?\\d+\\s*(?:minutes?|mins?|seconds?|secs?|hours?|hrs?) (?:left|remaining|to go) (?:to (?:get|claim|save|buy|order|grab|shop|use|redeem|book|secure|unlock)|on (?:this|the) (?:offer|deal|sale|price|discount)|before (?:the )?(?:offer|deal|sale|price|discount)|at this (?:price|rate)|for this (?:deal|price|offer|rate))\\b"
                                + "|\\byou(?:'ve| have) (?:only |just |got )?\\d+\\s*(?:more )?(?:minutes?|mins?|seconds?|secs?|hours?|hrs?) (?:left )?to (?:complete|check ?out|claim|buy|order|secure|get|place|finish|redeem|use|grab|book|confirm)\\b"
                                + "|\\b(?:holding|reserving|saving|keeping) (?:your |these |this |the )?(?:items?|cart|basket|bag|order|seats?|tickets?|room|booking|price|discount) for (?:you )?(?:for )?(?:the next |only )?\\d+\\s*(?:minutes?|mins?|seconds?|secs?)\\b")
                        // cooking, not a sales hold: "Cook the chicken until it reaches 70°C and is held for 2 minutes"
                        .unless("°|\\b(?:degrees|cook\\w*|heat\\w*|boil\\w*|simmer\\w*|bak(?:e|ed|ing)|temperature|oven)\\b"),
                // "Please order within: 0 0 : 0 2 : 4 1"
                TextRule.of("urgency.order_within", COUNTDOWN_TIMER, 0.8,
                                "\\b(?:order|buy|checkout|check out|purchase|complete your order)\\s+(?:with)?in\\s*:?\\s*\\d[\\d\\s]{0,20}:[\\d\\s:]{0,20}\\d")
                        .unless(DELIVERY_CUTOFF + "|\\bcancel"),

                // "Order in the next 1h 22m and save an extra 10%": a clock on buying itself. A delivery cut-off ticking down
                // ("Order within 3 hrs 12 mins for next-day delivery") is the courier's timetable, not a deal expiring, so
                // it is not reported: writers who never saw the rules labelled it honest six times out of six.
                TextRule.of("urgency.delivery_countdown", COUNTDOWN_TIMER, 0.6,
                        "\\b(?:order|buy|check ?out|purchase) (?:with)?in (?:the next )?\\d{1,2}\\s*(?:h|hrs?|hours?)(?:\\s*(?:and )?\\d{1,2}\\s*(?:m|mins?|minutes?))?\\b"
                                + "|\\b(?:order|buy|check ?out|purchase) (?:with)?in (?:the next )?\\d{1,2}\\s*(?:m|mins?|minutes?)\\b")
                        .unless(DELIVERY_CUTOFF + "|\\b(?:get|want|have) it (?:by |on )?(?:today|tomorrow|\\w+day)\\b|\\bcancel\\w*|\\bof (?:placing|purchase|ordering|delivery)\\b|\\bmodif\\w*|\\bchange your order\\b"),
                TextRule.of("urgency.limited_time", LIMITED_TIME_MESSAGE, 0.9, "\\blimited[- ]time\\b")
                        // a traveller's story, or a period with both its dates: "We had limited time in Lisbon", "open for a limited time, from 1 May to 30 September"
                        .unless("\\bhad (?:only )?(?:a )?(?:very |rather |quite )?limited time\\b|\\bfrom \\d{1,2}(?:st|nd|rd|th)? [a-z]+ (?:to|until|till|-|–) \\d{1,2}(?:st|nd|rd|th)? [a-z]+\\b"),
                // "Limited offer", "One-time offer", "This offer will not be shown again"
                TextRule.of("urgency.limited_or_one_time_offer", LIMITED_TIME_MESSAGE, 0.8,
                        "\\blimited (?:offer|deal|promo(?:tion)?|sale)s?\\b|\\b(?:one[- ]time|once[- ]in[- ]a[- ]lifetime) (?:only )?(?:offer|deal|discount)\\b"
                                + "|\\bthis (?:offer|deal|discount) (?:will not|won't) (?:be shown|appear|last|be (?:available|offered)) again\\b"
                                + "|\\bonly (?:available|valid) (?:on this page|right now|now|today|for today)\\b"
                                + "|\\b(?:only valid|valid only) (?:if|when) you\\b.{0,40}\\bnow\\b")
                        .unless("\\b(?:start|end) dates?\\b"),
                // "Sale ends soon", "Today only", "Last chance!": a deadline with no date attached
                TextRule.of("urgency.ends_soon", LIMITED_TIME_MESSAGE, 0.75,
                                "\\b(?:ends?|ending|expires?|expiring|finish(?:es|ing)?|closes?|closing|disappear\\w*)\\s+(?:very |really )?(?:soon|shortly|tonight|at midnight|today)\\b"
                                        + "|\\b(?:today|tonight|24 hours|48 hours|this weekend) only\\b|\\bonly (?:today|tonight)\\b|\\bvalid (?:only )?(?:today|tonight)\\b"
                                        + "|^\\W*(?:final|last) (?:hours?|minutes?|day|chance)\\W*$|\\b(?:final|last) hours? (?:of|for|to|left)\\b"
                                        + "|\\b(?:sale|offer|deal|price|discount|savings?|promotion)s? (?:won't|will not|can't|doesn't|do not|don't) last\\b"
                                        // "Prices this low won't last!", "Launch price — going up soon!", "Your prize is only valid during this visit"
                                        + "|\\b(?:prices?|deals?|offers?|savings?|discounts?) (?:this|that|so) (?:low|good|big|cheap) (?:won't|will not|can't) last\\b"
                                        + "|\\b(?:price|prices|it's|it is)\\W{0,3}(?:going|goes) up (?:soon|shortly|tomorrow|tonight|at midnight)\\b"
                                        + "|\\b(?:only )?valid (?:only )?(?:during|for|in) this (?:visit|session|page ?view)\\b"
                                        + "|\\b(?:last|final) (?:chance|day|hours?) to (?:buy|save|get|order|grab|shop|claim|enjoy)\\b|\\blast chance\\s*[!:]"
                                        + "|\\bwhile (?:it|they|the offer|the deal|the sale) lasts?\\b"
                                        // Paraphrases of "soon, but we won't say when"
                                        + "|\\b(?:for|only for|available for) a (?:short|brief|limited) (?:time|while|period)\\b|\\bshort time only\\b"
                                        + "|\\b(?:won't|will not|isn't going to|is not going to) (?:be )?(?:around|last|stay|be here|be available) (?:for )?(?:long|forever)\\b"
                                        + "|\\b(?:may|might|could|can) (?:end|expire|stop|disappear|change|go up) (?:at )?any (?:moment|time|minute|second)\\b"
                                        + "|\\b(?:back to|returns? to|goes back to|reverts? to) (?:its |the )?(?:full|regular|normal|original) price (?:soon|shortly|tomorrow|at midnight)\\b"
                                        + "|\\bwhile (?:this|the|our) (?:promotion|promo|offer|sale|deal|price|discount)s? lasts?\\b"
                                        + "|\\b(?:ends|gone|over) before you know it\\b"
                                        // "Payday prices vanish at midnight", "25% off — gone tonight", "get it while you still can", "but not for long"
                                        + "|\\b(?:vanish(?:es|ing)?|(?:is |are |will be )?gone|go(?:es)? away)\\s+(?:at midnight|by midnight|tonight|soon)\\b"
                                        + "|\\b(?:get|grab|buy|snag|shop|order|claim|catch|book)\\b[^.!?]{0,20}\\bwhile you (?:still )?can\\b|\\bbut not for long\\b"
                                        + "|\\bprices? (?:is |are |will be )?(?:going up|goes up|go up|rising|rises?|increas\\w*|will (?:go up|rise|increase))\\s+(?:very )?(?:soon|shortly|any (?:moment|minute|time|day)|tomorrow|at midnight)\\b"
                                        + "|\\b(?:today's|this|the current) (?:price|deal|offer|rate|discount) (?:may|might|will) not (?:be )?(?:available|last|be here|be around|be valid) (?:tomorrow|for long|much longer)\\b"
                                        + "|\\block in (?:your|this|the|today's) (?:rate|price|discount|deal) (?:now|today)\\b"
                                        + "|\\bprices? (?:go|goes|going|will go) back (?:up|to normal|to (?:full|regular|normal) price)\\b.{0,15}\\b(?:soon|shortly|tomorrow|tonight|at midnight)\\b"
                                        + "|\\b(?:once-?off|one-?off) (?:price|pricing|deal|offer)\\b|\\b(?:won't|will not|never) be repeated\\b|\\b(?:won't|will not) (?:stick|hang|be) around\\b"
                                        + "|\\b(?:closing|ending|expiring) (?:imminently|very soon|any (?:moment|minute|second))\\b|\\bon borrowed time\\b"
                                        + "|\\b(?:disappearing|vanishing|ending|expiring|going) (?:at )?any (?:moment|minute|second)\\b"
                                        + "|\\bbefore (?:the |this |our )?(?:offer|deal|sale|discount|promo(?:tion)?) (?:ends|expires|is gone|goes|disappears|runs out|closes)\\b"
                                        + "|\\bonly for (?:today|tonight)\\b|\\b(?:last|final) (?:day|days|hours?|chance) (?:of|for) (?:the|our|this) (?:sale|offer|deal|promotion|promo|discount)\\b"
                                        + "|\\b(?:only|just) for (?:a few|\\d+|another \\d+) more (?:hours|minutes|days)\\b|\\bfor (?:only|just) (?:a few|\\d+) more (?:hours|minutes|days)\\b"
                                        + "|\\b(?:ends?|ending|expires?|closes?) (?:at )?midnight\\b|\\b(?:gone|over|ends|back up|back to (?:full|normal) price) tomorrow\\b"
                                        + "|\\bbefore (?:the )?price (?:bounces|jumps|goes|springs|snaps|changes?)(?: back)?\\b|\\bblink and (?:it's|you'll miss it|you miss it)\\b|\\blimited window\\b")
                        // A delivery cut-off is information; "free delivery" is only what the deal offers
                        .unless("(?<!free )\\b(?:deliver\\w*|dispatch\\w*|arrive\\w*|in time for)\\b|\\bperiod of \\d+ (?:days|weeks|months|years)\\b"
                                // the usual disclaimer, not an offer about to vanish: "Prices and availability can change at any time"
                                + "|\\b(?:prices?|availability|stock levels?|terms|details|rates?|schedules?|specifications?)\\b[^.;!?]{0,25}\\b(?:may|might|could|can) change (?:at )?any (?:moment|time)\\b"
                                + "|\\b(?:at|until|till) \\d{1,2}[:.]\\d{2}\\b|\\bas advertised\\b|\\b(?:start|end) dates?\\b"
                                // a closure notice: "Today only, our café is closed for staff training"
                                + "|\\b(?:is|are|will be) (?:closed|shut)\\b"
                                + "|\\b\\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b|\\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \\d{1,2}\\b|\\d{1,2}(?::\\d{2})? ?(?:am|pm)\\b"),
                // "Hurry!", "Act now", "Don't miss this deal"; not the invitation "hurry over to our blog"
                TextRule.of("urgency.hurry", LIMITED_TIME_MESSAGE, 0.7,
                                "\\bhurry\\b(?<!\\bin a hurry|\\bno hurry|\\bto hurry|\\bdon't hurry)(?:\\s*(?:up\\b|[!,.:;>\\-]|$)|\\s+(?:before|while|only|just|offer|sale|deal|limited|last|don't|now|and|these|this|stock|quantities|ends?|get|grab|buy|order|shop now)\\b)|\\bact (?:now|fast|quickly)\\b|\\bnow or never\\b|\\bbefore it's too late\\b"
                                        + "|\\bdon't (?:miss|wait)\\b(?: out)?.{0,20}\\b(?:deal|offer|sale|discount|savings?|price|chance|opportunity)\\b"
                                        + "|\\bgrab (?:it|them|yours) (?:now|today|quick|fast|while)\\b|\\bbe quick\\b")
                        .unless("\\b(?:sign up|subscribe|newsletter|join (?:our|the) (?:list|club|mailing))\\b|\\bhurry[- ]up (?:offen[cs]e|and wait)\\b|" + ADVICE_ON_SIGNS),
                // A hold clock that hurries checkout: "Complete your booking in 06:12 to keep this fare", "You have 04:59 to complete checkout
                // before your pair is released", "Seats blocked for 09:59 – proceed to payment quickly", "20% off for the next 15 minutes only ⏱ 14:59"
                TextRule.of("urgency.hold_clock", COUNTDOWN_TIMER, 0.75,
                                "(?:\\b(?:in|within|for|have|next)\\s+|[⏱⏳]\\s*)(?:the next )?\\d{1,2}:\\d{2}(?::\\d{2})?\\b(?!\\s*(?:am|pm|h\\b|hrs|uhr|o'clock|[ap]\\.m\\.))")
                        .requires("\\b(?:complete|proceed|check ?out|keep (?:this|the|your)|lock in|released?|quickly|hurry|guaranteed|before (?:your|the|it)|or (?:your|the|you)|timer|lose|claim)\\b|\\d+ ?% off")
                        .unless("\\b(?:duration|runtime|run time|length|pace|5k|10k|marathon|km|miles?|lessons?|episodes?|video|check-?in|check-?out\\s*:|parking)\\b|\\b(?:at|by|until|till|from|opens?|closes?|after) \\d{1,2}:\\d{2}\\b|\\b(?:deliver\\w*|dispatch\\w*|arrive\\w*|collection|pick-?up|slot reserved until)\\b|\\d{1,2}:\\d{2}\\s*[-–]\\s*\\d{1,2}:\\d{2}")
                        .maxLength(160),
                // An offer that vanishes for good: "This offer disappears once you leave this page", "This offer will never appear again!",
                // "Price drops like this won't come back!", "Prices for this fixture may rise at any moment"
                TextRule.of("urgency.offer_gone_for_good", LIMITED_TIME_MESSAGE, 0.75,
                                "\\b(?:offer|deal|discount|price|bonus|code|coupon|gift|reward|savings?)\\b[^.!?]{0,30}\\b(?:disappears?|vanish(?:es)?|expires?|is gone|ends?|goes away|will be gone)\\s+(?:once|when|as soon as|if) you (?:leave|close|exit|navigate away from|refresh)\\b"
                                        + "|\\b(?:offer|deal|discount|price|prices|price drops?|sale|savings?|chance)\\b[^.!?]{0,25}\\b(?:won't|will not|will never|never) (?:come back|be back|appear again|return|be seen again|happen again)\\b(?! until| before| in \\d| next)"
                                        + "|\\bprices?\\b[^.!?]{0,30}\\b(?:may|might|could|will) (?:rise|go up|increase|jump)\\b[^.!?]{0,15}\\b(?:soon|at any (?:moment|time|minute)|any (?:moment|minute))\\b"
                                        + "|\\bprices? (?:are |is )?going up as\\b|\\bextended\\W+but not for long\\b|\\bbefore (?:it's|its|it is) too late\\b|\\bbefore too late\\b"
                                        + "|\\b(?:few|couple of) days only\\b|\\b(?:valid|available) only (?:a )?few days\\b"
                                        + "|\\b(?:only guaranteed|guaranteed only) (?:if|when|while) (?:you )?(?:add(?:ed)?|book|buy|order|the timer)\\b"
                                        // "Bonus meal plan disappears in 14:32", "Price goes back up to €25 in 2 days 3 hours", "next drop in 06:32",
                                        // "Price only valid during this live", "book now to beat the rise", "Book in the next 10 minutes for a free photo pack"
                                        + "|\\b(?:disappears?|vanish(?:es)?|expires?|resets?|next (?:price )?drop) in \\d{1,2}:\\d{2}(?::\\d{2})?\\b(?!\\s*(?:am|pm))"
                                        + "|\\bprices? (?:goes|go|going) (?:back )?up\\b[^.!?]{0,20}\\bin \\d+ ?(?:days?|d|hours?|h|hrs?)\\b"
                                        + "|\\b(?:only )?valid (?:only )?during this (?:live|livestream|stream|broadcast)\\b|\\bbeat the (?:price )?(?:rise|increase|hike)\\b"
                                        + "|\\b(?:book|buy|sign up|join|subscribe|claim|order) (?:with)?in the next \\d+ ?(?:minutes?|mins?|hours?) (?:for|to get|and get)\\b(?! (?:delivery|dispatch|next-day|same-day))")
                        .unless(ADVICE_ON_SIGNS + "|\\b(?:warn\\w*|forecast\\w*|expected|analysts?|economists?|motoring|petrol|fuel|energy bills?|inflation|deliver\\w*|dispatch\\w*|cookies?|session)\\b")
                        .maxLength(200),
                // A countdown written into the offer itself: "Free delivery for the next 18:42", "Price held for the next 09:59"
                TextRule.of("urgency.for_the_next_clock", COUNTDOWN_TIMER, 0.85,
                        "\\bfor (?:the )?next \\d{1,2}:\\d{2}(?::\\d{2})?\\b"),
                // A deal said to be for a short window or to end soon, in the many ways shops say it: "this week only", "for today's visitors
                // only", "while this launch offer lasts", "fares rising soon - book now to lock this price"
                TextRule.of("urgency.short_window", LIMITED_TIME_MESSAGE, 0.75,
                                "\\b(?:this (?:week|weekend|month)|today|tonight|these \\d+ days)(?:'s)? only\\b"
                                        + "|\\bfor (?:today's|tonight's|this week's) (?:visitors|shoppers|customers|guests|readers|members) only\\b"
                                        + "|\\b(?:only |just )?while (?:this|the|our) (?:[\\w-]+ )?(?:offer|deal|promotion|promo|sale|price|discount|pricing)s? lasts?\\b"
                                        + "|\\b(?:prices?|fares?|rates?) (?:are |is )?(?:rising|going up|increasing|increase|increases|rise|go up|goes up|set to (?:rise|increase|go up)|will (?:rise|go up|increase))\\b[^.]{0,40}\\b(?:book|buy|order|lock|grab|secure|act|shop)\\b"
                                        + "|\\block (?:in )?(?:this|the|today's|your) (?:price|fare|rate)\\b[^.]{0,30}\\b(?:before|while|soon|now|today|ends?|expires?)\\b")
                        // An end date stated beside it ("this weekend only (Sat 4 - Sun 5 May)") is a plain sale period
                        .unless("\\b\\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d{1,2}\\b|\\b(?:until|till|ends?) (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b")
                        .requires("\\b(?:off|deals?|offers?|sale|prices?|pricing|fares?|rates?|save|savings|discount\\w*|free|exclusive|launch|intro\\w*|book|buy|order|shop)\\b|%|[$£€₹]")
                        .maxLength(200),

                // Fifth round: a deadline said plainly: "Offer ends Sunday!" (shouted; "Sale ends Sunday" is a plain date), "Welcome bonus €75 — only for the next 48 hours", "Price hike coming
                // soon — recharge now", "50% off — gone once you leave this page", "available on this screen only", "Buy now or miss out!"
                TextRule.of("urgency.deadline_said_plainly", LIMITED_TIME_MESSAGE, 0.7,
                                "\\b(?:offer|sale|deal|discount|promo(?:tion)?|price|bonus|savings?|code|coupon)s? (?:ends?|expires?|finish(?:es)?|closes?) (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\\s*!"
                                        + "|\\bonly (?:for|during) the next \\d+ (?:hours?|hrs?|minutes?|mins?|days?)\\b"
                                        + "|\\bprice (?:hike|rise|increase|jump)s? (?:is |are )?(?:coming|due|on (?:the|its) way) (?:soon|shortly)\\b"
                                        + "|\\bgone (?:once|when|as soon as|the moment) you (?:leave|close|exit|navigate away|refresh)\\b"
                                        + "|\\b(?:available|valid|shown) (?:on|in) this (?:screen|page|window|pop-?up) only\\b|\\bonly (?:available |valid )?on this (?:screen|page|window)\\b"
                                        + "|\\b(?:buy|book|order|shop|act|join|subscribe|sign up) (?:now|today) or (?:miss out|lose (?:it|out)|regret it)\\b")
                        .unless("(?<!free )\\b(?:deliver\\w*|dispatch\\w*)\\b")
                        .maxLength(200));
    }
}
