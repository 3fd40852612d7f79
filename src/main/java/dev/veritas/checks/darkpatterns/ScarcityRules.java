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
    private static final String STOCK_WORDS = "(?:(?!" + TIME_UNIT + "\\b|" + NOT_STOCK + "\\b)[a-z()]+\\s+){0,3}?";

    private ScarcityRules() {
    }

    static List<TextRule> rules() {
        return List.of(
                // "Only 2 left in stock", "Just 1 pair left", "Last one available", "We only have 5 left"
                TextRule.of("scarcity.only_n_left", LOW_STOCK_MESSAGE, 0.95,
                                "\\b(?:only|just|last)\\s*:?\\s*(?:have\\s+)?" + NUM + "\\s+" + STOCK_WORDS
                                        + "(?:left|remaining|available|in stock|to go)\\b")
                        .unless(PER_CUSTOMER),
                // A bare count badge: "3 LEFT", "(5 Left)", "Availability: 5 items left"
                TextRule.of("scarcity.n_left_badge", LOW_STOCK_MESSAGE, 0.9,
                        "(?:^|[:!,.(\\[*\\-]\\s*|\\bin stock\\s*|\\bhurry\\W*|\\bpre-?order\\s*)(?:over\\s+)?\\d{1,5}\\s+"
                                + "(?:(?:items?|units?|pieces?|pcs|pairs?|copies|bottles?|tickets?|seats?|spots?|places?|products?)\\s+)?"
                                + "(?:left|remaining)(?=\\s*(?:$|[^a-z0-9\\s]|in\\b|at\\b|online|today|now|order|hurry|get|buy))"),
                // "Bottles left: 3", "Stock left 2"
                TextRule.of("scarcity.left_count", LOW_STOCK_MESSAGE, 0.85,
                        "\\b(?:items?|units?|pieces?|bottles?|pairs?|copies|stock|tickets?)\\s+(?:left|remaining)\\s*:?\\s*\\d{1,4}\\b"),
                // "2 in stock" as a badge; a count of 10 or fewer only, as large counts are plain stock status
                TextRule.of("scarcity.small_count_in_stock", LOW_STOCK_MESSAGE, 0.8,
                        "(?:^|[:!,.(\\-]\\s*)(?:only\\s*:?\\s*)?(?:[1-9]|10)\\s+(?:(?:items?|units?|pieces?|pcs)\\s+)?"
                                + "(?:in stock|available)\\b(?!\\s+(?:in|for|from|on|at|to|with)\\b)"),
                // "A handful left", "Very few left at this price"
                TextRule.of("scarcity.few_left", LOW_STOCK_MESSAGE, 0.85,
                        "\\b(?:very few|a handful(?: of)?|only a handful(?: of)?|hardly any|not many|just a few)\\s+(?:[a-z]+\\s+)?(?:left|remaining)\\b(?! over)"),
                TextRule.of("scarcity.less_than_n", LOW_STOCK_MESSAGE, 0.9,
                        "\\b(?:less|fewer) than " + NUM + "\\s+" + STOCK_WORDS + "(?:left|remaining|available|in stock)\\b"),
                // "Low in stock", "Limited quantity available", "Almost sold out"
                TextRule.of("scarcity.low_stock_words", LOW_STOCK_MESSAGE, 0.85,
                                "\\b(?:low (?:in )?stock|stock is (?:running )?low|running (?:low|out) (?:on|of) stock"
                                        + "|limited (?:stock|quantit(?:y|ies)|supply|supplies|availability|inventory)"
                                        + "|(?:almost|nearly) sold out|remaining stock|(?:a )?few (?:items?|pieces?|units?|pairs?) left"
                                        + "|(?:last|final) (?:items?|pieces?|units?|pairs?|sizes?) (?:left|available|in stock|remaining))\\b")
                        .unless(PER_CUSTOMER + "|\\blow stock (?:alerts?|notifications?|emails?)\\b"),
                // "Almost gone!" as a message, not "Home + Tech Almost Gone" as a menu label
                TextRule.of("scarcity.almost_gone", LOW_STOCK_MESSAGE, 0.8,
                        "(?:^|[!.:\\-]\\s*)(?:almost|nearly) gone\\b|\\b(?:almost|nearly) gone\\s*[!.]"
                                + "|\\b(?:get|grab|buy|order) (?:it|yours|one|them) (?:now |today )?before (?:it's|they're|it is|they are) (?:all )?gone\\b"),
                // "80% claimed", "803 claimed! Hurry"
                TextRule.of("scarcity.share_claimed", LOW_STOCK_MESSAGE, 0.85,
                        "\\b\\d{1,3} ?% (?:of (?:the )?)?(?:(?:offers?|deals?|stock|items?|coupons?|spots?|tickets?) )?(?:claimed|sold|gone|redeemed)\\b"
                                + "|\\b\\d[\\d,]* claimed\\b"),

                // "In high demand", "Strong demand!"; "due to high demand, dispatch may be delayed" is a service notice
                TextRule.of("scarcity.high_demand", HIGH_DEMAND_MESSAGE, 0.85,
                                "\\bin (?:very |extremely |really |such )?high[- ]demand\\b"
                                        + "|\\b(?:very |extremely |unusually |strong |huge |high |heavy |incredible |big |crazy )demand\\b"
                                        + "|(?:^|[^a-z-])in demand\\b(?!-)|\\bdemand (?:is|has been) (?:very |extremely |really )?(?:high|strong|huge|heavy)\\b")
                        .unless("\\b(?:due to|because of|owing to|given)\\b.{0,40}\\bdemand\\b.{0,80}\\b(?:delay|dispatch|ship|deliver|process|respon|wait|longer|slower)"
                                + "|\\b(?:delay|dispatch|ship|deliver|process|respon|wait|longer)\\w*\\b.{0,80}\\b(?:due to|because of|owing to)\\b.{0,40}\\bdemand\\b"
                                + "|\\bon demand\\b|\\bsupply (?:and|&) demand\\b"),
                // "Selling fast", "Going fast", "Selling out quickly", "Expected to sell out"
                TextRule.of("scarcity.selling_fast", HIGH_DEMAND_MESSAGE, 0.85,
                        "\\b(?:selling|sells?|selling out|sells? out|going|flying|moving|disappearing)\\s+(?:very |really |super |so )?(?:fast|quickly|quick|rapidly)\\b"
                                + "|\\bflying off (?:the|our) shelves\\b|\\b(?:will|expected to|likely to|about to|set to|bound to) sell out\\b"
                                + "|\\bselling out\\b|\\bbefore (?:it|they|stock|this|these) (?:sells?|runs?) out\\b"));
    }
}
