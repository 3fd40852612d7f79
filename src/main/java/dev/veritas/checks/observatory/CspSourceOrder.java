package dev.veritas.checks.observatory;

import java.util.Comparator;

/**
 * The order Observatory sorts CSP sources in before comparing neighbours: {@code Intl.Collator("en")},
 * i.e. the Unicode root collation, not code-point order. Punctuation sorts before digits and digits before
 * letters, and within punctuation {@code _ - , ; : ! ? . ' " ( ) [ ] { } @ * / \ & # % ` ^ + < = > | ~ $}.
 * Which sources end up neighbours decides which ones survive when policies are combined, so the order
 * matters (e.g. {@code ':'} sorts before {@code '.'} here but after it in ASCII).
 */
final class CspSourceOrder {
    private static final String ROOT_ORDER =
            "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

    static final Comparator<String> COLLATOR = CspSourceOrder::compare;

    private CspSourceOrder() {}

    private static int rank(char c) {
        char lower = Character.toLowerCase(c);
        int index = ROOT_ORDER.indexOf(lower);
        if (index >= 0) {
            return index + 1;
        }
        // White space and controls sort first; anything beyond ASCII after the Latin letters.
        return c < 128 ? 0 : ROOT_ORDER.length() + 1 + c;
    }

    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int diff = rank(a.charAt(i)) - rank(b.charAt(i));
            if (diff != 0) {
                return diff;
            }
        }
        if (a.length() != b.length()) {
            return a.length() - b.length();
        }
        // Same letters in another case: the collator puts lower case first.
        return b.compareTo(a);
    }
}
