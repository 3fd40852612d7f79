package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.ACTIVITY_NOTIFICATION;
import static dev.veritas.checks.darkpatterns.PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN;
import static dev.veritas.checks.darkpatterns.RuleParts.CART;
import static dev.veritas.checks.darkpatterns.RuleParts.COUNT;
import static dev.veritas.checks.darkpatterns.RuleParts.DIGITS;
import static dev.veritas.checks.darkpatterns.RuleParts.NUM;
import static dev.veritas.checks.darkpatterns.RuleParts.NUMBER_WORD;
import static dev.veritas.checks.darkpatterns.RuleParts.PEOPLE;

import java.util.List;

/**
 * Social proof: live "others are buying" messages. Counts of reviews or ratings are verifiable by the
 * shopper and are not matched; first-person text ("I bought this 2 weeks ago") is a review, not a
 * notification, and is excluded where the wording overlaps.
 */
final class SocialProofRules {
    private static final String ACTIVITY = "(?:viewing|looking|watching|browsing|considering|checking|viewed|looked|watched|bought|purchased|ordered|"
            + "added|saved|booked|booking|ordering|reserving|reserved|eyeing|peeked at|peeking at|on the fence about|on this (?:deal|item|product|page|listing)|grabbed|snapped up|shopping|buying|interested|checked|liked|like|have (?:this|it) in|has (?:this|it) in|have (?:this|the) (?:page|tab|listing|item|product) open|wish ?listed|favou?rited|loved"
            // "19 people are searching this route", "1,340 fans are in the queue with you", "21 people tried these on",
            // "4 other shoppers have these items in their cart"
            + "|searching|selecting|choosing|picking|comparing|requesting|reading|downloading|playing|streaming"
            + "|in (?:the )?(?:queue|line|waiting room)|tried (?:this|these|it|them) on|trying to (?:get|buy|book|grab|secure)|competing for|want (?:it|this|these|one) too"
            + "|(?:items|products|things) from your " + CART + " in (?:theirs|their " + CART + ")"
            + "|(?:this|these|it|them|the same)(?: [\\w-]+){0,2}? in (?:their|his|her) " + CART + ")";
    /** Verbs of a purchase or sign-up that a notification reports someone else has just made. */
    private static final String ACTED = "(?:bought|purchased|ordered|booked|reserved|claimed|grabbed|snagged|snapped up|scored|picked up|saved|upgraded|"
            + "signed up|set up|subscribed|joined|registered|enrolled|checked out|got|unlocked|sent|downloaded|won|started|began|"
            + "requested|renewed|activated|redeemed|rented|hired|adopted|gifted|installed|personali[sz]ed|customi[sz]ed|"
            + "left with|walked away with|took home|placed (?:an|a|his|her|their) (?:new |first |second |repeat )?order"
            + "|completed (?:checkout|(?:a|an|the|their|her|his) (?:booking|order|purchase|checkout))"
            + "|added (?:[\\w-]+ ){0,4}?to (?:his|her|their) (?:cart|bag|basket|trolley|wish ?list)"
            + "|paid for|completed (?:payment|(?:a|the|their|her|his) (?:order|purchase|checkout))|hit buy|copped|bagged|nabbed|secured|treated (?:herself|himself|themselves)"
            + "|snapped (?:one|it|this|these|a [\\w-]+) up)";
    /** Watching verbs of a live "someone is looking at this" notice. */
    private static final String WATCHING = "(?:is|are) (?:also |currently |now |right now )?(?:looking at|viewing|watching|eyeing|checking out|considering|browsing|buying|booking|ordering|shopping for)";
    /** A recent time window, as activity counters state it; unlike RECENTLY, never "per day" or "since". */
    private static final String RECENT_WINDOW = "(?:(?:in|over|during|within) (?:the )?(?:last|past) (?:\\d+\\s*|few |couple of |" + NUMBER_WORD + " )?\\w+"
            + "|in past \\w+|(?:the )?(?:last|past) (?:\\d+ )?(?:hours?|days?|weeks?|months?|24h|48h)|this (?:hour|morning|afternoon|evening|week|month|season|year|weekend)"
            + "|today|tonight|yesterday|last night|overnight|right now|just now|so far today|since (?:lunch\\w*|breakfast|this morning|midnight|yesterday|we opened|opening))";
    /** People a crowd notice may count besides {@link RuleParts#PEOPLE}. */
    private static final String MORE_PEOPLE = "(?:aussies|canadians|kiwis|brits|americans|londoners|backers|callers|gamers|watchers|entrants|girls|boys|women|men|ladies|guys|neighbou?rs|locals|couples|households|pet owners|dog owners|cat owners"
            + "|renters|tenants|applicants|brides|gardeners|parents|kids|contractors|sellers)";
    /** A short recent window, or "already": what makes a crowd count a live notice rather than a history. */
    private static final String SHORT_WINDOW = "(?:today|tonight|this (?:hour|morning|afternoon|evening|week|weekend)|right now|just now|already|so far today"
            + "|in the (?:last|past) (?:\\d+ |few |couple of )?(?:minutes?|mins?|hours?|hrs?|days?|24 hours|48 hours)|in the past hour|past 24 hours|last 24 hours)";
    /** What someone "just" did in a notice: any verb except those of goods arriving. */
    private static final String JUST_ACTED = "(?!(?:arrived|landed|launched|dropped|restocked|released|opened|reopened|published|updated|posted|announced|shipped|dispatched|delivered|got|became|become|asked|answered|replied|commented|wrote|said|shared|reviewed|rated|won|in|now|for|the|a|an|like|as|right|because|to|what|ask|add|one)\\b)[\\p{L}]{2,}";
    /**
     * The shopper's own collection or allowance counted under its label: "Recipe box: 12 saved this week",
     * "Vouchers: 2 redeemed this month, 1 remaining". Other people's activity is never introduced this way.
     */
    private static final String OWN_TALLY = "^\\W*(?:(?:your|my) )?(?:recipe box|saved (?:items|recipes|searches|articles)|bookmarks|reading list|my list|watch ?list|wish ?list|collection"
            + "|vouchers?|coupons?|credits?|rewards?|points|perks|benefits|allowance)\\s*:";
    /**
     * What a review system shows: a measured review (no exclamation, no superlative) from a verified buyer described by
     * something about them ("… softened nicely after a wash. – Verified buyer, Ottawa", "– Verified buyer, combination
     * skin"). Testimonials of uncertain origin gush; this one reports.
     */
    private static final String MEASURED_VERIFIED_REVIEW = "^(?!.*!)(?!.*\\b(?:best|ever|life|never|incredible|amazing|miracle|flawless|perfect|obsessed|holy grail|game[- ]?changer)\\b)"
            + ".*\\bverified (?:buyer|customer|purchaser|purchase|owner|guest|reviewer)s?\\s*,\\s*[\\p{L}\\d]";
    private static final String FIRST_PERSON = "\\b(?:i|we|i've|we've|i'd|i'm|my|our)\\b";
    private static final String RECENTLY = "(?:in (?:the )?(?:last|past)|this (?:hour|morning|week|month|day)|today|tonight|within|since|recently|right now|just now|per (?:hour|day)|an hour|a day|each (?:hour|day))";
    /** Words that show "X in Y ordered" is a policy sentence ("Free returns in store for items ordered online"). */
    private static final String NOT_A_NAME = "(?!(?:for|the|a|an|items?|products?|stores?|online|orders?|and|with|to|of|on|at|you|your|this|that|free|returns?|"
            + "refunds?|exchanges?|collect|click|made|designed|available|gifts?|delivery|shipping|it|is|are|was|were|be|been)\\b)";
    private static final String WORD = NOT_A_NAME + "[\\p{L}][\\p{L}.'\\-]*";
    private static final String PLACE = "(?:" + WORD + "[ ,]*){1,5}?";
    private static final String NAME = "(?:" + WORD + "\\s+){1,4}?";

    private SocialProofRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "23 people are viewing this", "17 people have added this item to cart", "77 people like this"
                TextRule.of("social.n_people_active", ACTIVITY_NOTIFICATION, 0.95,
                        "(?<![\\d$£€.])(?:over |more than )?" + NUM + "\\s+(?:other\\s+)?" + PEOPLE
                                + "\\s+(?:(?:in|from|near) (?:your (?:area|city|country|region|town)|you|(?!the\\b|our\\b|this\\b)[\\p{L}'-]+(?:,? [\\p{L}'-]+){0,2}?)\\s+)?"
                                + "(?:(?:are|have|has|had|just|recently|already|currently|now|right now|also|other than you)\\s+){0,3}" + ACTIVITY + "\\b"),
                // "72 Viewing This Product", "105 pawrents are buying for their furkids now!"
                TextRule.of("social.n_viewing_now", ACTIVITY_NOTIFICATION, 0.9,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+(?:[a-z]+\\s+)?(?:are\\s+)?(?:now\\s+)?(?:viewing|looking at|watching|buying|checking out) (?:this|it|now|right now)\\b"),
                // "16 recently purchased it", "2+ people just viewed this product"
                TextRule.of("social.n_recently_verb", ACTIVITY_NOTIFICATION, 0.85,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+(?:[a-z]+\\s+)?(?:recently|just) (?:purchased|bought|ordered|viewed|added)\\b"),
                // "Viewed 1040 times", "Added to basket 38 times today", "Purchased 8 times in the last few days"
                TextRule.of("social.n_times", ACTIVITY_NOTIFICATION, 0.9,
                        "\\b(?:viewed|purchased|bought|ordered|sold|booked|claimed|redeemed|used|add(?:ed)? to (?:" + CART + "))\\s+(?:over\\s+)?" + DIGITS + "(?:\\.\\d+)?k?\\s+times\\b"),
                // "24 sold in last 24 hours", "45 added to bag in the past 24 hours", "2 viewed per hour"
                TextRule.of("social.n_recent_sales", ACTIVITY_NOTIFICATION, 0.9,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+(?:(?:items?|units?|pieces?|pairs?|people|times)\\s+)?(?:sold|bought|purchased|orders?|ordered|viewed|views|added to (?:" + CART + "))\\s+"
                                + RECENTLY + "\\b"),
                // A bare counter badge: "210+ bought", "3642 BOUGHT"
                TextRule.of("social.n_bought_badge", ACTIVITY_NOTIFICATION, 0.75,
                        "^\\W*(?:over |more than )?\\d[\\d,.]{0,14}k?\\+?\\s+(?:sold|bought|orders|purchases|purchased)\\s*[!.]*$"),
                // "Bought by 39 people in the last few hours", "Loved by 2,000 shoppers this week"
                TextRule.of("social.bought_by_n", ACTIVITY_NOTIFICATION, 0.85,
                        "\\b(?:bought|purchased|ordered|viewed|added to (?:" + CART + ")) by (?:over |more than )?" + NUM + "\\s+" + PEOPLE + "\\b"
                                + "|\\b(?:loved|liked|wishlisted|saved) by " + NUM + "\\s+" + PEOPLE + "\\s+" + RECENTLY),
                // "7 customers have this in their basket", "In 43 people's shopping bag", "In other users' carts 59"
                TextRule.of("social.in_other_carts", ACTIVITY_NOTIFICATION, 0.9,
                        "\\bin (?:" + DIGITS + " )?(?:other )?(?:people's|peoples|people|users'|users|others'|customers'|shoppers') " + CART + "\\b"
                                + "|\\b(?:have|has|added) (?:this|it|this item|this product)?\\s?(?:in|to|on) (?:their|other) " + CART + "\\b"),
                // "🔥 In 42 carts", "This product was added to 86 carts today"
                TextRule.of("social.in_n_carts", ACTIVITY_NOTIFICATION, 0.85,
                        "\\b(?:in|added to|sitting in) (?:over |more than )?" + COUNT + " (?:other )?(?:shopping )?(?:carts|baskets|trolleys|wish ?lists)\\b"
                                + "|\\badded to " + COUNT + " (?:other )?(?:shopping )?bags\\b|\\b\\d+ (?:carts|baskets|bags) and counting\\b"
                                // "28 in carts", "🛒 12 in baskets right now"
                                + "|^\\W*" + COUNT + " in (?:other (?:people's )?)?(?:shopping )?(?:carts|baskets|trolleys|bags)\\b"),
                // A count of purchases in a recent window: "2,000+ sold this season", "1.2k bought in past month",
                // "3 bookings made for your dates in the last hour", "Customers bought 73 of these yesterday"
                TextRule.of("social.count_in_recent_window", ACTIVITY_NOTIFICATION, 0.85,
                                "(?<![\\d$£€.#/-])" + COUNT + "\\s+(?:[\\p{L}'-]+\\s+){0,3}?(?:" + ACTED + "|shipped to (?:\\w+ )?(?:customers|buyers|shoppers|homes|people)|adds? to (?:bag|cart|basket)|checkouts?|sold|bookings?|orders?|sales|purchases?|reservations?|sign-?ups|favou?rited|wish ?listed|views|viewed)\\b"
                                        + "[^.!?]{0,40}?\\b" + RECENT_WINDOW + "\\b"
                                        + "|\\b(?:bought|purchased|ordered|booked|sold)\\s+(?:over\\s+)?" + COUNT + "\\s+(?:of (?:these|this|them)|units?|pieces?|pairs?|items?|tickets?|rooms?)\\b[^.!?]{0,30}?\\b" + RECENT_WINDOW + "\\b")
                        .unless(FIRST_PERSON + "|\\b(?:orders?|bookings?) (?:placed|made|received|over|above|of)\\b.{0,40}\\b(?:ship|dispatch|deliver|arrive|free|process)\\w*"
                                // a community notice, not a sales counter: "Welcome to the 25 new members who joined this week!"
                                + "|\\b(?:welcome|congrat\\w*|thank\\w*)\\b"
                                // a delivery promise, whose date is no crowd: "FREE delivery Thursday, May 9 if you order by 2pm today"
                                + "|\\bif you order (?:by|before|within|in)\\b"
                                + "|" + OWN_TALLY),
                // "Priya just ordered the Linen Wrap Dress", "Chris just claimed this deal": a name, then "just" and a purchase
                TextRule.of("social.name_just_acted", ACTIVITY_NOTIFICATION, 0.85,
                                "^\\W*" + NAME + "(?:\\([^)\\d$£€+]{1,40}\\)\\s*)?(?:has |have )?(?:just|recently) " + ACTED + "\\b"
                                        + "|^\\W*[\\p{L}.'-]+(?: [\\p{L}.'-]+)?\\s*[,-]\\s*[\\p{L} ,.'/-]{2,40}?\\b(?:just|recently) " + ACTED + "\\b")
                        .unless("^\\W*(?:i|we|you|my|our|your|they|he|she|it|this|these|prices?|stock|new|items?|orders?)\\b|\\bjust got (?:a (?:lot|bit) )?(?:better|worse|easier|harder|cheaper|bigger|[a-z]+ier|[a-z]+er)\\b"),
                // "Recently bought by Tom in Dublin", "Just sold to a customer in Lyon"
                TextRule.of("social.sold_to_someone", ACTIVITY_NOTIFICATION, 0.85,
                        "\\b(?:just|recently) (?:sold|shipped) to (?:a |an )?" + WORD + " (?:in|from|near)\\b"
                                + "|\\b(?:just|recently) (?:bought|purchased|ordered|booked|claimed) by (?!you\\b|me\\b)" + WORD + "\\b"
                                + "|\\b(?:just|recently) (?:bought|purchased|ordered|booked|claimed) by (?:a|an|another) (?:customer|shopper|buyer|guest|travell?er|user|visitor) (?:in|from)\\b"
                                + "|\\b(?:nabbed|bagged|snapped up|grabbed|bought|purchased|ordered|booked|claimed) by (?!you\\b|me\\b|us\\b)[\\p{L}]+(?: [\\p{L}.]+)?\\s*[,(]\\s*[\\p{L}]"),
                // "Someone in Madrid just bought", "Someone added ... to their cart"
                TextRule.of("social.someone_bought", ACTIVITY_NOTIFICATION, 0.9,
                        "\\b(?:someone|somebody|a (?:customer|shopper|buyer)|another (?:customer|shopper|buyer|[a-z]+ (?:in|from)))\\b.{0,120}?\\b(?:just |recently )?"
                                + "(?:bought|purchased|ordered|added|started buying|signed up|booked|subscribed|claimed|grabbed|snagged|saved|upgraded|reserved|picked up|placed (?:an|a new) order)\\b"),
                // "Another customer is looking at this right now", "Lucas in Sao Paulo is looking at the same item"
                TextRule.of("social.someone_viewing", ACTIVITY_NOTIFICATION, 0.85,
                        "\\b(?:someone|somebody|another (?:customer|shopper|buyer|person|visitor|travell?er|guest|user)|a (?:customer|shopper|buyer|visitor) (?:in|from) [\\p{L} ,.'-]{2,40}?)"
                                + " (?:else )?" + WATCHING + "\\b"
                                + "|\\b(?:someone|somebody)'s (?:buying|ordering|booking|looking at|viewing) (?:this|one|these|it)\\b"
                                + "|^\\W*" + NAME + "(?:(?:in|from|near) " + PLACE + "|\\([^)\\d$£€+]{1,40}\\))\\s*" + WATCHING + "\\b"
                                + "|\\b(?:being )?(?:viewed|checked out|watched|considered|looked at) by (?:over )?" + COUNT + " (?:other )?" + PEOPLE + "\\b"
                                + "|\\b(?:eyes on this|viewers|watching|looking now|viewing now|watching now)\\s*:\\s*\\d+\\b|(?<![\\d.])\\d+ (?:viewers|watchers|lookers)\\b"),
                // "Others near you are ordering from this store right now", "Shoppers like you are buying this right now"
                TextRule.of("social.others_at_it_now", ACTIVITY_NOTIFICATION, 0.8,
                        "\\b(?:others|other (?:shoppers|people|customers|buyers|guests|fans)|shoppers like you|people like you|your friends|people)(?: near you| nearby| in your (?:area|city|town))? (?:are|is) (?:also |now |currently )?(?:viewing|looking at|buying|ordering|booking|watching|eyeing|grabbing)\\b[^.!?]{0,40}?\\b(?:right now|now|as we speak)\\b")
                        .unless(FIRST_PERSON)
                        .maxLength(160),
                // "Omar - Dubai, UAE - 17 minutes ago - Oud Perfume", "New order from Kolkata", "Latest order: 2 minutes ago from Warsaw"
                TextRule.of("social.recent_order_card", ACTIVITY_NOTIFICATION, 0.8,
                        "^\\W*[\\p{L}.'-]+(?: [\\p{L}.'-]+)?\\s*[-|·,]\\s*[\\p{L} ,.'-]{2,40}?\\s*[-|·,]\\s*(?:\\d+|an?|a few) (?:seconds?|secs?|minutes?|mins?|hours?|hrs?) ago"
                                + "|\\b(?:new|latest|last|most recent|recent) (?:order|purchase|booking|sale|sign-?up) (?:from|in|by) (?!your\\b|our\\b|the\\b|you\\b|us\\b)[\\p{L}]"
                                + "|\\b(?:latest|last|most recent|recent) (?:order|purchase|booking|sale)\\b.{0,80}\\bago"
                                + "|^\\W*(?:just|recently) (?:sold|purchased|bought|booked|ordered)\\b(?! out).{0,40}\\b(?:from|in) [\\p{L}]"
                                + "|^\\W*(?:\\d+|a few) (?:seconds?|secs?|minutes?|mins?) ago\\W+[\\p{L}]"
                                + "|\\b(?:just now|\\d+ (?:secs?|seconds?|mins?|minutes?) ago)\\W{0,3}(?:an? )?(?:order|purchase|booking|sale) (?:from|in)\\b"
                                + "|\\border placed by [\\p{L}]|\\b(?:buyer|purchase|order|sale)s? alert\\s*:|\\bjust (?:flew|walked|went) out (?:the|our) door\\b"
                                + "|\\b(?:recent|latest|new) (?:sale|order|purchase|booking)\\s*:\\s*[\\p{L}]+(?: [\\p{L}.]+)?,\\s*[\\p{L}]"),
                // "Nancy in Pennsylvania purchased ...", "Sharmeen From Karachi just bought": a name and a place at the start
                TextRule.of("social.name_place_bought", ACTIVITY_NOTIFICATION, 0.9,
                                "^\\W*" + NAME + "(?:(?:in|from|near) " + PLACE + "|\\((?:[^)\\d$£€+]{1,40})\\)\\s*(?=(?:just |recently )?" + ACTED + "))\\s*(?:just |recently )?(?:" + ACTED + "|added)")
                        .unless("^\\W*(?:i|we|my|our)\\b|\\bjust got (?:a (?:lot|bit) )?(?:better|worse|easier|harder|cheaper|bigger|[a-z]+ier|[a-z]+er)\\b"),
                // "Armin bought 10M Gold ... about 10 seconds ago", "... purchased a Bass XL just now!"
                TextRule.of("social.bought_ago", ACTIVITY_NOTIFICATION, 0.85,
                                "\\b(?:" + ACTED + "|added)\\b.{0,150}?(?:(?:\\b(?:about|around|over|only) )?(?:\\d+|\\b(?:an?|one|a few|few|several|a couple of|" + NUMBER_WORD + "))\\s*(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)\\s+ago|just now\\b)")
                        .unless(FIRST_PERSON),
                TextRule.of("social.last_purchased", ACTIVITY_NOTIFICATION, 0.85,
                        "\\blast (?:purchased|bought|ordered|sold|booked)\\b.{0,20}\\b(?:ago|today|at \\d)"),
                // A counted crowd that acted in a stated recent window: "1,284 people in your area signed up this week",
                // "212 passengers on this flight have already picked their seat", "11 bidders placed bids in the last 10 minutes"
                TextRule.of("social.crowd_acted_recently", ACTIVITY_NOTIFICATION, 0.8,
                                "(?<![\\d$£€.#/:-])(?:over |more than |almost |nearly )?" + COUNT + "\\s+(?:[\\p{L}'-]+\\s+){0,2}?(?:" + PEOPLE + "|" + MORE_PEOPLE + ")\\b"
                                        // the crowd is the subject: a place at most, then what it did or is doing
                                        + "(?:\\s+(?:in|from|near|on|at|across) [^.!?]{1,30}?)?\\s+(?:(?:have|has|are|is|just|already|recently|also)\\s+){0,3}"
                                        + "(?:[a-z]+ed|bought|sold|made|got|took|chose|picked|joined|signed up|[a-z]+ing|online|here|in line)\\b"
                                        + "[^.!?]{0,40}?\\b(?:" + SHORT_WINDOW + ")\\b")
                        .unless(FIRST_PERSON + "|\\b(?:for|up to|sleeps|serves|seats|fits|accommodates|max\\.?|maximum|per|table for|party of|groups? of|with|valid)\\s+(?:up to\\s+)?(?:over\\s+)?\\d"
                                + "|\\b(?:open|opening hours|business hours|closed|staff|agents?|team|available to|limit(?:ed)? to|join|thanks|thank you|congratulations|congrats|welcome|volunteer\\w*|donat\\w+|graduat\\w+|passed|seeing|treating|teaching)\\b")
                        .maxLength(160),
                // "Aaliyah from Atlanta just said yes", "A contractor from Bedok just ordered 5 units", "Someone nearby just Super Liked you"
                TextRule.of("social.someone_somewhere_just", ACTIVITY_NOTIFICATION, 0.8,
                                "^\\W*(?:(?:a|an|another|your|one) )?[\\p{L}'&-]+(?:,? [\\p{L}'&.-]+){0,3}?,? (?:\\d{1,2},? )?(?:from|in|near|on) [\\p{L}][\\p{L} ,.'-]{1,40}? just " + JUST_ACTED
                                        // "Oliver from Hull protected his console 3 min ago"
                                        + "|^\\W*(?:(?:a|an|another) )?[\\p{L}'&-]+(?:,? [\\p{L}'&.-]+){0,2}?,? (?:\\d{1,2},? )?(?:from|in|near) [\\p{L}][\\p{L} ,.'-]{1,30}? (?!(?:posted|reviewed|wrote|replied|commented|asked|answered|updated|rated|said)\\b)[\\p{L}]{3,}(?:ed|ght|ook|ew|ot|ave|id|ent|an)\\b[^.!?]{0,40}?\\b(?:\\d+|an?|a few) (?:seconds?|secs?|minutes?|mins?|min|hours?|hrs?) ago\\b"
                                        + "|^\\W*(?:someone|somebody)(?: nearby| near you| in your (?:area|city|town)| else)? just " + JUST_ACTED)
                        .unless("^\\W*(?:i|we|you|my|our|new|fresh|made|designed|back|available|arriving|now|just|sale|prices?)\\b"
                                + "|\\b(?:order|parcel|package|delivery|shipment|refund|return|store|shop|branch|restaurant|team|bakery|cafe|company|brand|council|school|hotel|bar|pub|club|museum|airline|life|breakfast|lunch|dinner|commuting|travel|shopping)\\b")
                        .maxLength(140),
                // "Last used 12 minutes ago", "27 watched in the past 24 hours", "Bought in the last week: 300+", "34 watching",
                // "Hundreds bought today", "1,024 sold during this live", "jessa_mnl just checked out 3 pcs!"
                TextRule.of("social.last_used_ago", ACTIVITY_NOTIFICATION, 0.8,
                        "\\b(?:code|coupon|voucher|deal|offer|promo|discount)\\b[^.!?]{0,40}?\\blast (?:used|redeemed|claimed) (?:\\d+|an?|a few) (?:seconds?|secs?|minutes?|mins?|hours?|hrs?) ago\\b"
                                + "|\\b(?:bought|sold|ordered|booked|viewed|claimed) (?:in the (?:last|past) \\w+|today|this week)\\s*:\\s*\\d"
                                + "|^\\W*\\d[\\d,]{0,14}\\+? (?:watching|viewing|watchers|looking)\\W*$"
                                + "|\\b(?:hundreds|thousands|dozens) (?:of (?:people|shoppers|customers|fans|buyers) )?(?:have )?(?:bought|ordered|booked|joined|viewed|grabbed|snapped|claimed|signed up)\\b[^.!?]{0,30}?\\b(?:today|tonight|this week|right now|already|in the (?:last|past) \\w+)\\b"
                                + "|(?<![\\d$£€.])" + DIGITS + "\\s+(?:sold|bought|orders?|claimed)\\s+during (?:this|the) (?:live|livestream|stream|broadcast|show)\\b"
                                + "|^\\W*(?:user )?[a-z0-9]+[._][a-z0-9._]+ (?:just )?(?:bought|ordered|checked out|purchased|entered|booked|claimed|grabbed|won)\\b(?![^.!?]*\\b(?:19|20)\\d{2}\\b)"
                                + "|(?<![\\d$£€.])" + DIGITS + "\\s+(?:watched|saved|booked|reserved|redeemed|claimed)\\s+" + RECENTLY + "\\b")
                        .unless(OWN_TALLY),
                // "339 users are currently active on our website"
                TextRule.of("social.n_online_now", ACTIVITY_NOTIFICATION, 0.85,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+" + PEOPLE + "\\s+(?:are\\s+)?(?:currently\\s+|now\\s+|right now\\s+)?(?:active|online|on (?:this|our) (?:site|page|website|store))\\b(?! (?:since|for|over))"
                                + "|\\b(?:real-?time|live|current) (?:visitors|viewers|shoppers|users|people online)\\s*:?\\s*\\d+"),

                // A quote signed by nobody: "'Best purchase I've ever made!!' – Happy Customer"
                TextRule.of("social.anonymous_testimonial", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.6,
                        "[\"'!.]\\s*[-~]+\\s*(?:an?\\.? )?(?:happy|satisfied|verified|real|loyal|delighted|thrilled|repeat|anonymous) (?:customer|client|buyer|shopper|user|mum|mom|dad|reader|guest)s?(?:,\\s*[\\p{L} ]{2,20})?\\W*$"
                                + "|[\"”]\\s*[-~]+\\s*[\\p{L}]\\.?\\s*$")
                        .unless(MEASURED_VERIFIED_REVIEW),
                // A miracle result signed with a first name only: "I lost 14 lbs in 3 weeks!" - Jennifer, USA
                TextRule.of("social.miracle_testimonial", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.6,
                        "\\b(?:lost \\d+ ?(?:lbs?|pounds|kgs?|kilos|dress sizes)|\\d+ years younger|cured my|overnight results|changed my life)\\b.{0,80}"
                                + "[-~]\\s*[\\p{L}]+(?: [\\p{L}]\\.?)?(?:,\\s*[\\p{L} ]{2,20})?[\\s★*.!]*$"),
                // Praise signed with a first name, a bare initial or a label instead of a person: "I can't believe how well this works!
                // - Jessica", "Changed my life. 10/10 – Verified Buyer", "“Simply the best.” — A. from USA", "… — customer review".
                // A review with a full name, a place or a date and something specific is a review, not this.
                TextRule.of("social.praise_signed_by_nobody", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.6,
                        "\\b(?:amazing|best|love[ds]?|loving|incredible|changed my life|saved my \\w+|can't believe|cannot believe|couldn't believe|could not believe|10/10|five stars|5 stars|perfect|miracle|game[- ]?changer|life[- ]?changing|highly recommend|wonderful|fantastic|awesome|obsessed|wow|just works"
                                // the other marks of a glowing testimonial: a holy grail, a verdict for all time, a body transformed
                                + "|holy grail|never (?:looked|felt|been|had|slept) (?:this |so )?(?:better|good|great|younger|thicker)|(?:\\d+ )?years younger|lost \\d+ ?(?:lbs?|kg|kilos?|pounds)|can't live without|not a (?:single )?scratch|compliments)\\b"
                                // signed by a first name, with at most an initial and an age: "– Jess", "— Rahul S.", "– Jessica, 34"
                                + ".{0,100}?[!.\"”'★]\\s*[-–—~]+\\s*(?:[\\p{L}]+(?: [\\p{L}]\\.?)?(?:,\\s*\\d{2})?|(?:a|an|pro|power|top|long-time) (?:reader|user|fan|member|parent|gamer|player|subscriber)|[\\p{L}]\\.?(?: from [\\p{L} ]{2,20})?|(?:an? )?(?:verified|happy|satisfied|real|loyal|proud|beauty|music|book|style|food|coffee|wine|pet|dog|cat)\\W? (?:buyer|customer|purchaser|shopper|user|client|student|travell?er|attendee|subscriber|member|guest|parent|mum|mom|dad|lover|fan|reader|owner|patient|diner)|customer review|anonymous|(?:a |an )?(?:customer|buyer|shopper|user|client|subscriber|attendee|traveller|traveler))\\W*$"
                                // praise credited to a crowd: "Readers love it: 'Impossible to put down'", "3,000 glowing reviews — 'best lenses ever!'"
                                + "|\\b(?:customers|readers|users|fans|parents|buyers|people|guests|members) (?:love|adore|rave about) (?:it|them|this|us)\\s*[:!]\\s*[\"'‘“]|\\bglowing reviews?\\b.{0,10}[\"'‘“]")
                        .unless("\\b(?:19|20)\\d\\d\\b|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d"),
                // "Thousands of satisfied customers: 'Amazing quality, fast shipping!'": a crowd quoted as one voice
                TextRule.of("social.crowd_quoted", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.6,
                        "\\b(?:thousands|millions|hundreds|tons|lots|\\d[\\d,.]{0,14}k?\\+?) of (?:happy|satisfied|delighted|loyal|thrilled) (?:customers|clients|buyers|shoppers|users|fans)\\b\\W{0,3}[\"“']"
                                + "|\\b(?:over |more than )?\\d[\\d,.]{0,14}k?\\+? (?:happy|satisfied|delighted|loyal|thrilled) (?:customers|clients|buyers|shoppers|users|fans) (?:say|agree|said)\\W{0,3}[\"“']"),
                // A testimonial heading that names no source ("What people are saying about us")
                TextRule.of("social.unsourced_testimonials", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.55,
                        "\\bwhat (?:people|customers|our customers|clients|our clients|others|everyone|shoppers|users) (?:are |is )?(?:saying|say) about us\\b"),
                // "Kai_88 just unlocked the Dragon Bundle!": a user handle doing something a moment ago
                TextRule.of("social.handle_just_acted", ACTIVITY_NOTIFICATION, 0.8,
                        "^\\W*[a-z][\\w.-]*(?:_|\\d)[\\w.-]*\\s+(?:just|has just|recently) (?:bought|purchased|unlocked|ordered|booked|grabbed|claimed|joined|got|won|subscribed|upgraded|redeemed|signed up|picked up|added)\\b")
                        .maxLength(140),
                // A quote spoken by a crowd or a faceless role: "Our customers agree: '…'", "Over 2 million women swear by it: '…'",
                // "Trusted by millions: '…'", "'…' - Gamers everywhere", "'…' - Certified Buyer", "'…' - CEO, Fortune 500 company"
                TextRule.of("social.quote_of_a_crowd_or_role", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.65,
                        "\\b(?:our (?:customers|clients|users|members|fans|buyers|shoppers|players|guests)|(?:over |more than |nearly )?(?:\\d[\\d,.]{0,14}k?\\+?|thousands|millions|hundreds)(?: (?:million|thousand))? (?:of )?(?:[\\w-]+ )?(?:people|women|men|customers|users|mums|moms|parents|fans|buyers|shoppers|players|gamers|readers|clients|owners|athletes|families)"
                                + "|everyone|people everywhere|(?:trusted|loved|adored|used|chosen|recommended) by (?:millions|thousands|\\d[\\d,.]{0,14}k?\\+?(?: million| thousand)?)(?: [\\w-]+)?)\\b[^\":]{0,30}:\\s*\""
                                + "|^\\W*\"[^\"]{5,200}\"\\W*-\\s*(?:[\\w-]+ ){0,2}(?:everywhere|worldwide|around the (?:world|globe)|across the (?:country|world|globe))\\W*$"
                                + "|^\\W*\"[^\"]{5,200}\"\\W*-\\s*(?:an? )?(?:[\\w-]+ )?(?:(?:certified|verified|trusted|real|genuine|top|leading|industry|tech|beauty|fitness|health|independent|famous|happy) )?(?:buyer|customer|expert|insider|professional|doctor|dermatologist|reviewer|critic|ceo|founder|user|influencer|celebrity|chef|athlete)s?\\b[^\"]{0,40}$")
                        .unless(MEASURED_VERIFIED_REVIEW)
                        .maxLength(300),

                // Fifth round: a counted crowd doing anything lately, or "already": "112 people donated in the last hour", "97 donors increased
                // their gift this week", "Designers at 9,000+ companies switched this month", "142,000+ sneakerheads have already entered this
                // draw", "87% of your clan already unlocked Premium", "Your friend Jordan just upgraded to Family", "14 singles near you are online right now"
                TextRule.of("social.crowd_acted_lately", ACTIVITY_NOTIFICATION, 0.75,
                                "(?<![\\d$£€.#/-])(?:" + COUNT + "|\\d{1,3} ?%)\\s+(?:of (?:your |our |the )?)?(?:[\\p{L}'-]+\\s+){0,3}?(?:have |has )?(?:already )?"
                                        + "(?:donated|gave|pledged|backed|entered|switched|joined|unlocked|upgraded|enrolled|subscribed|increased their (?:gift|donation|pledge)s?)\\b"
                                        + "[^.!?]{0,40}?\\b(?:in the (?:last|past) \\w+(?: \\w+)?|this (?:week|month|morning|hour)|today|tonight|right now)\\b"
                                        + "|(?<![\\d$£€.#/-])(?:" + COUNT + "|\\d{1,3} ?%)\\s+(?:of (?:your |our |the )?)?(?:[\\p{L}'-]+\\s+){0,3}?(?:have |has )?already (?:donated|entered|joined|unlocked|upgraded|claimed|bought|signed up|backed|pledged|switched|grabbed)\\b"
                                        + "|^\\W*your (?:friend|contact|neighbou?r|colleague|teammate|classmate) [\\p{L}]+ (?:just|recently) (?:upgraded|joined|bought|subscribed|ordered|booked|signed up|unlocked|switched)\\b"
                                        + "|(?<![\\d$£€.])" + COUNT + " (?:[\\p{L}'-]+ ){1,2}near you (?:are|were) (?:online|active|shopping|looking|browsing|viewing|swiping|booking)\\b")
                        .unless(FIRST_PERSON + "|\\b(?:welcome|congrat\\w*|thank\\w*)\\b|" + OWN_TALLY)
                        .maxLength(160),
                // Praise with nobody behind it: a quoted rave signed by nothing, or by a bare role: "“Best sofa we've ever had!!”", "'The best
                // money I spend every month.'", "A masterpiece. Couldn't put it down. — Reader", "'Lost 22 lbs…' — Happy member". A quote under a
                // star rating ("“Best pizza in town!” ★★★★★") belongs to a review widget and is left alone.
                TextRule.of("social.praise_from_nowhere", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.6,
                                "^\\W*[\"“'‘](?=[^\"”]{0,160}\\b(?:best|never (?:looked|felt|been) (?:better|happier|healthier)|changed my life|life[- ]?chang\\w*|masterpiece|amazing|incredible|obsessed|game[- ]?changer|can't live without|couldn't put it down|miracle)\\b)[^\"”]{5,200}[\"”'’][\\s!.]*$"
                                        + "|[.!\"”’']\\s*[-–—~]+\\s*(?:an? )?(?:happy|satisfied|proud|loyal|delighted) (?:member|subscriber|reader|parent|owner|guest|patient|student)s?\\W*$"
                                        + "|[.!\"”’']\\s*[-–—~]+\\s*(?:an? )?(?:reader|member|subscriber|fan|listener|viewer|backer|player)\\W*$")
                        .unless("\\b(?:19|20)\\d\\d\\b")
                        .maxLength(260));
    }
}
