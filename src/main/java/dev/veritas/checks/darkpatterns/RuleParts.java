package dev.veritas.checks.darkpatterns;

/** Regex fragments shared by the rule sets; rules run on {@link TextNormalizer normalised} text. */
final class RuleParts {
    /** A number written out, one to ninety-nine: shops spell counts ("Only twenty-two left!"). */
    static final String NUMBER_WORD = "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
    /** A count as shops write it: digits ("1,204", "50+"), a number word or a vague small count. */
    static final String NUM = "(?:\\d[\\d,.]{0,14}\\+?|" + NUMBER_WORD + "|a few|few|several|a couple(?: of)?)";
    /** A count in digits only, for rules where "a few" would be too loose. */
    static final String DIGITS = "\\d[\\d,]{0,14}\\+?";
    /** A count of at least two, in digits (with "k" for thousands) or words: never "one", "a few". */
    static final String COUNT = "(?:\\d[\\d,.]{0,14}k?\\+?|(?!one\\b)" + NUMBER_WORD + ")";
    static final String TIME_UNIT = "(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)";
    /** Words that follow a count without being stock ("only 3 colours left" is not scarcity). */
    static final String NOT_STOCK = "(?:colou?rs?|sizes?|styles?|options?|variants?|designs?|flavou?rs?|models?|versions?|shades?|patterns?|ways?|steps?|clicks?|questions?|fields?|payments?|instal?lments?)";
    static final String PEOPLE = "(?:people|persons|customers|shoppers|users|visitors|others|other people|buyers|guests|members|fans|readers|travell?ers|families|parents|moms|mums|dads|clients|collectors|gamers|players|riders|folks|pet parents|pawrents|bidders|passengers|subscribers|students|learners|diners|drivers|attendees|homeowners|campers|"
            + "runners|friends|owners|listeners|viewers|person|customer|shopper|user|visitor|buyer|guest|member)";
    static final String CART = "(?:shopping )?(?:carts?|bags?|baskets?|trolleys?|wish ?lists?|favou?rites)";
    /** The opening of a decline button. */
    static final String DECLINE = "(?:no|nah|nope|no thanks|no thank you|no, thanks|no thx|no ty|nah thanks|not now|not today|maybe later|skip|close)";

    /** Advice to learn the signs of something ("Learn the warning signs of a stroke before it's too late"): a reason to act, not a sale. */
    static final String ADVICE_ON_SIGNS = "\\b(?:learn|know|spot|recogni[sz]e|check for|watch (?:out )?for|look out for)\\b[^.!?]{0,40}\\b(?:signs?|symptoms?)\\b";

    private RuleParts() {
    }
}
