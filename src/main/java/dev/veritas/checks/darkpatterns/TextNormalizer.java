package dev.veritas.checks.darkpatterns;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.regex.MatchResult;
/**
 * Brings a page's text segment to one canonical form so rules and the model see "Only 2&nbsp;left",
 * "ONLY 2 LEFT" and "Only ２ left" alike: entities decoded, tags dropped, compatibility forms folded
 * (NFKC), typographic quotes and dashes made plain, lower case, one space between words.
 */
public final class TextNormalizer {
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^<>]{0,300}>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    // Scraped text often carries the escapes themselves ("VALENTINE\u2019S", "Limited Time!\n*DISH").
    private static final Pattern LITERAL_ESCAPE = Pattern.compile("\\\\(u[0-9a-fA-F]{4}|[ntr])");
    private static final Pattern PLURAL_PAREN = Pattern.compile("(?<=[a-z])\\(s\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Contractions typed without the apostrophe ("dont", "weve", "youll", as in caps banners and quick copy) restored, so rules
     * written for "don't" read both. Only forms that are not words of their own: "were", "well", "ill", "id" and "its" stay.
     */
    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("dont", "don't"), Map.entry("doesnt", "doesn't"), Map.entry("didnt", "didn't"), Map.entry("cant", "can't"),
            Map.entry("wont", "won't"), Map.entry("isnt", "isn't"), Map.entry("arent", "aren't"), Map.entry("wasnt", "wasn't"),
            Map.entry("werent", "weren't"), Map.entry("havent", "haven't"), Map.entry("hasnt", "hasn't"), Map.entry("wouldnt", "wouldn't"),
            Map.entry("shouldnt", "shouldn't"), Map.entry("couldnt", "couldn't"), Map.entry("im", "i'm"), Map.entry("ive", "i've"),
            Map.entry("youre", "you're"), Map.entry("youve", "you've"), Map.entry("youll", "you'll"), Map.entry("youd", "you'd"),
            Map.entry("weve", "we've"), Map.entry("theyre", "they're"), Map.entry("theyve", "they've"), Map.entry("itll", "it'll"),
            Map.entry("thats", "that's"), Map.entry("theres", "there's"), Map.entry("whats", "what's"));
    private static final Pattern BARE_CONTRACTION = Pattern.compile("\\b(?:dont|doesnt|didnt|cant|wont|isnt|arent|wasnt|werent|havent|hasnt|wouldnt|shouldnt|couldnt"
            + "|im|ive|youre|youve|youll|youd|weve|theyre|theyve|itll|thats|theres|whats)\\b(?!')");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("nbsp", " "), Map.entry("quot", "\""), Map.entry("apos", "'"),
            Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("rsquo", "'"), Map.entry("lsquo", "'"),
            Map.entry("rdquo", "\""), Map.entry("ldquo", "\""), Map.entry("ndash", "-"), Map.entry("mdash", "-"),
            Map.entry("hellip", "..."), Map.entry("pound", "£"), Map.entry("euro", "€"), Map.entry("times", "x"),
            Map.entry("eacute", "é"), Map.entry("shy", ""), Map.entry("zwj", ""), Map.entry("zwnj", ""));

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = LITERAL_ESCAPE.matcher(text).replaceAll(TextNormalizer::unescape);
        s = decodeEntities(s);
        s = TAG.matcher(s).replaceAll(" ");
        // Fold before NFKC: NFKC turns an acute accent used as an apostrophe into a combining mark.
        s = foldPunctuation(s);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = s.toLowerCase(Locale.ROOT);
        s = PLURAL_PAREN.matcher(s).replaceAll("s");
        s = BARE_CONTRACTION.matcher(s).replaceAll(m -> Matcher.quoteReplacement(CONTRACTIONS.get(m.group())));
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    private static String unescape(MatchResult m) {
        String g = m.group(1);
        String out = switch (g.charAt(0)) {
            case 'n', 'r', 't' -> " ";
            default -> String.valueOf((char) Integer.parseInt(g.substring(1), 16));
        };
        return Matcher.quoteReplacement(out);
    }

    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        // Twice, because scraped text is sometimes double-encoded ("&amp;nbsp;").
        for (int pass = 0; pass < 2; pass++) {
            s = ENTITY.matcher(s).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        return s;
    }

    private static String entity(String body, String whole) {
        if (body.charAt(0) == '#') {
            try {
                int cp = body.charAt(1) == 'x' || body.charAt(1) == 'X'
                        ? Integer.parseInt(body.substring(2), 16) : Integer.parseInt(body.substring(1));
                return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : " ";
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return NAMED.getOrDefault(body.toLowerCase(Locale.ROOT), whole);
    }

    private static String foldPunctuation(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u00B4', '`', '\u2032' -> b.append('\'');
                case '\u201C', '\u201D', '\u201E', '\u2033' -> b.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> b.append('-');
                case '\u00A0', '\u2007', '\u202F' -> b.append(' ');
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> {
                    // invisible characters split words ("On\u200Bly") and carry no meaning
                }
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
