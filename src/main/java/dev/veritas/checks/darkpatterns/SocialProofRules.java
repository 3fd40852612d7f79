package dev.veritas.checks.darkpatterns;

import static dev.veritas.checks.darkpatterns.PatternType.ACTIVITY_NOTIFICATION;
import static dev.veritas.checks.darkpatterns.PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN;
import static dev.veritas.checks.darkpatterns.RuleParts.CART;
import static dev.veritas.checks.darkpatterns.RuleParts.DIGITS;
import static dev.veritas.checks.darkpatterns.RuleParts.NUM;
import static dev.veritas.checks.darkpatterns.RuleParts.PEOPLE;

import java.util.List;

/**
 * Social proof: live "others are buying" messages. Counts of reviews or ratings are verifiable by the
 * shopper and are not matched; first-person text ("I bought this 2 weeks ago") is a review, not a
 * notification, and is excluded where the wording overlaps.
 */
final class SocialProofRules {
    private static final String ACTIVITY = "(?:viewing|looking|watching|browsing|considering|checking|viewed|looked|watched|bought|purchased|ordered|"
            + "added|saved|booked|shopping|buying|interested|checked|liked|like|have (?:this|it) in|has (?:this|it) in|wish ?listed|favou?rited|loved)";
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
                                + "\\s+(?:(?:are|have|has|had|just|recently|already|currently|now|right now|also|other than you)\\s+){0,3}" + ACTIVITY + "\\b"),
                // "72 Viewing This Product", "105 pawrents are buying for their furkids now!"
                TextRule.of("social.n_viewing_now", ACTIVITY_NOTIFICATION, 0.9,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+(?:[a-z]+\\s+)?(?:are\\s+)?(?:now\\s+)?(?:viewing|looking at|watching|buying|checking out) (?:this|it|now|right now)\\b"),
                // "16 recently purchased it", "2+ people just viewed this product"
                TextRule.of("social.n_recently_verb", ACTIVITY_NOTIFICATION, 0.85,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+(?:[a-z]+\\s+)?(?:recently|just) (?:purchased|bought|ordered|viewed|added)\\b"),
                // "Viewed 1040 times", "Added to basket 38 times today", "Purchased 8 times in the last few days"
                TextRule.of("social.n_times", ACTIVITY_NOTIFICATION, 0.9,
                        "\\b(?:viewed|purchased|bought|ordered|sold|booked|add(?:ed)? to (?:" + CART + "))\\s+(?:over\\s+)?" + DIGITS + "\\s+times\\b"),
                // "24 sold in last 24 hours", "45 added to bag in the past 24 hours", "2 viewed per hour"
                TextRule.of("social.n_recent_sales", ACTIVITY_NOTIFICATION, 0.9,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+(?:(?:items?|units?|pieces?|pairs?|people|times)\\s+)?(?:sold|bought|purchased|orders?|ordered|viewed|views|added to (?:" + CART + "))\\s+"
                                + RECENTLY + "\\b"),
                // A bare counter badge: "210+ bought", "3642 BOUGHT"
                TextRule.of("social.n_bought_badge", ACTIVITY_NOTIFICATION, 0.75,
                        "^\\W*(?:over |more than )?\\d[\\d,.]*k?\\+?\\s+(?:sold|bought|orders|purchases|purchased)\\s*[!.]*$"),
                // "Bought by 39 people in the last few hours", "Loved by 2,000 shoppers this week"
                TextRule.of("social.bought_by_n", ACTIVITY_NOTIFICATION, 0.85,
                        "\\b(?:bought|purchased|ordered|viewed|added to (?:" + CART + ")) by (?:over |more than )?" + NUM + "\\s+" + PEOPLE + "\\b"
                                + "|\\b(?:loved|liked|wishlisted|saved) by " + NUM + "\\s+" + PEOPLE + "\\s+" + RECENTLY),
                // "7 customers have this in their basket", "In 43 people's shopping bag", "In other users' carts 59"
                TextRule.of("social.in_other_carts", ACTIVITY_NOTIFICATION, 0.9,
                        "\\bin (?:" + DIGITS + " )?(?:other )?(?:people's|peoples|people|users'|users|others'|customers'|shoppers') " + CART + "\\b"
                                + "|\\b(?:have|has|added) (?:this|it|this item|this product)?\\s?(?:in|to) (?:their|other) " + CART + "\\b"),
                // "Someone in Madrid just bought", "Someone added ... to their cart"
                TextRule.of("social.someone_bought", ACTIVITY_NOTIFICATION, 0.9,
                        "\\b(?:someone|somebody|a (?:customer|shopper|buyer)|another (?:customer|shopper|buyer|[a-z]+ (?:in|from)))\\b.{0,120}?\\b(?:just |recently )?"
                                + "(?:bought|purchased|ordered|added|started buying|signed up|booked|subscribed)\\b"),
                // "Nancy in Pennsylvania purchased ...", "Sharmeen From Karachi just bought": a name and a place at the start
                TextRule.of("social.name_place_bought", ACTIVITY_NOTIFICATION, 0.9,
                                "^\\W*" + NAME + "(?:in|from|near) " + PLACE + "\\s*(?:just |recently )?(?:bought|purchased|ordered|signed up|subscribed|booked|added)")
                        .unless("^\\W*(?:i|we|my|our)\\b"),
                // "Armin bought 10M Gold ... about 10 seconds ago", "... purchased a Bass XL just now!"
                TextRule.of("social.bought_ago", ACTIVITY_NOTIFICATION, 0.85,
                                "\\b(?:bought|purchased|ordered|added|subscribed|signed up)\\b.{0,150}?\\b(?:(?:about |around |over )?(?:\\d+|an?|one)\\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\\s+ago|just now)\\b")
                        .unless(FIRST_PERSON),
                TextRule.of("social.last_purchased", ACTIVITY_NOTIFICATION, 0.85,
                        "\\blast (?:purchased|bought|ordered|sold|booked)\\b.{0,20}\\b(?:ago|today|at \\d)"),
                // "339 users are currently active on our website"
                TextRule.of("social.n_online_now", ACTIVITY_NOTIFICATION, 0.85,
                        "(?<![\\d$£€.])" + DIGITS + "\\s+" + PEOPLE + "\\s+(?:are\\s+)?(?:currently\\s+|now\\s+|right now\\s+)?(?:active|online|on (?:this|our) (?:site|page|website|store))\\b(?! (?:since|for|over))"),

                // A testimonial heading that names no source ("What people are saying about us")
                TextRule.of("social.unsourced_testimonials", TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.55,
                        "\\bwhat (?:people|customers|our customers|clients|our clients|others|everyone|shoppers|users) (?:are |is )?(?:saying|say) about us\\b"));
    }
}
