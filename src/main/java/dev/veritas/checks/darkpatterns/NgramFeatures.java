package dev.veritas.checks.darkpatterns;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns normalised text into the word n-grams the learned model reads. Numbers become {@code <n>}
 * so "only 2 left" and "only 14 left" teach the same thing; "^" and "$" mark the ends of the text
 * because badges and buttons are recognisable by how they start and stop.
 *
 * <p>Every feature contains a word. Shapes alone ("<n> $", ": <n>") are left out on purpose: prices,
 * opening hours and sizes share them with timers and stock counts, and a model that learns "a
 * number means a dark pattern" flags every price tag.
 */
public final class NgramFeatures {
    /**
     * A number takes at most eight separators ("1,234,567.89"): an unbounded repeated group recurses once per repetition
     * in java.util.regex, and a page of "1,1,1,…" overflowed the stack.
     */
    private static final Pattern TOKEN = Pattern.compile("\\d++(?:[.,]\\d++){0,8}+|\\p{L}++(?:'\\p{L}++)?|[%$£€!?:]");
    /**
     * Tokens that cannot be the evidence of a finding on their own: "no", "i" and "^ no" start every
     * shaming decline but also "No thanks, I want to keep shopping", and a report citing only them
     * would explain nothing.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("^", "$", "<n>", "no", "yes", "not", "i", "i'm", "i'll", "i'd", "me", "my",
            "we", "our", "you", "your", "it", "this", "that", "the", "a", "an", "to", "of", "in", "on", "at", "for", "and", "or", "is",
            "are", "be", "with", "thanks", "thank", "please", "now", "don't", "do", "does", "doesn't", "won't", "can't", "has", "have", "been",
            "was", "were", "!", "?", ":", "%", "£", "€");
    /** Long paragraphs add nothing past this many tokens and would only slow scoring. */
    private static final int MAX_TOKENS = 400;

    private NgramFeatures() {
    }

    public static List<String> tokens(String normalized) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(normalized);
        while (m.find() && out.size() < MAX_TOKENS) {
            String t = m.group();
            out.add(Character.isDigit(t.charAt(0)) ? "<n>" : t);
        }
        return out;
    }

    /** How many words (not numbers or signs) the normalised text has, counted up to the token limit. */
    public static int words(String normalized) {
        int n = 0;
        for (String t : tokens(normalized)) {
            n += isWord(t) ? 1 : 0;
        }
        return n;
    }

    /** Distinct features of the text: unigrams, bigrams (with end markers) and a length bucket. */
    public static Set<String> of(String normalized) {
        List<String> toks = tokens(normalized);
        Set<String> features = new LinkedHashSet<>();
        String prev = "^";
        for (String t : toks) {
            if (isWord(t)) {
                features.add(t);
            }
            if (isWord(t) || isWord(prev)) {
                features.add(prev + " " + t);
            }
            prev = t;
        }
        if (isWord(prev)) {
            features.add(prev + " $");
        }
        return features;
    }

    /** Whether any of the n-grams contains a word that carries meaning on its own. */
    public static boolean hasContentWord(List<String> terms) {
        for (String term : terms) {
            for (String token : term.split(" ")) {
                if (!FUNCTION_WORDS.contains(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWord(String token) {
        return Character.isLetter(token.charAt(0));
    }
}
