package dev.veritas.checks.phishing;

import java.util.List;
import java.util.Optional;

/**
 * Finds words of a host that imitate a brand without spelling it: "paypa1", "rnicrosoft",
 * "appleld", or a name written with letters from another alphabet.
 */
final class BrandLookalikes {
    private BrandLookalikes() {}

    /** Words longer than this are not names anyone reads; skip them to keep huge hosts cheap. */
    private static final int MAX_WORD = 40;
    /** Enough words to cover any real host; a 100 kB host must not cost 100 kB of comparisons. */
    private static final int MAX_WORDS = 64;
    /** Shorter brand names collide with ordinary words at one edit ("apple"/"apply"). */
    private static final int MIN_EDIT_KEYWORD = 6;

    /** A host word that looks like a brand: what is written, and what a reader takes it for. */
    record Lookalike(Brand brand, String keyword, String written) {}

    /**
     * Looks at each word of the host (as written and as its Latin skeleton) for a brand imitation.
     * A word that spells the brand exactly is not a look-alike: that is a plain brand mention.
     */
    static Optional<Lookalike> in(String unicodeHost) {
        String skeleton = Confusables.skeleton(unicodeHost);
        boolean disguisedLetters = !skeleton.equals(unicodeHost);
        List<String> written = Words.alphanumericRuns(unicodeHost);
        List<String> seen = Words.alphanumericRuns(skeleton);
        int n = Math.min(Math.min(written.size(), seen.size()), MAX_WORDS);
        for (int i = 0; i < n; i++) {
            String w = written.get(i);
            String s = seen.get(i);
            if (s.length() < 3 || s.length() > MAX_WORD) {
                continue;
            }
            if (disguisedLetters && !w.equals(s)) {
                Optional<Brands.BrandHit> hit = Brands.inWord(s);
                if (hit.isPresent()) {
                    return Optional.of(new Lookalike(hit.get().brand(), hit.get().keyword(), w));
                }
            }
            if (Brands.inWord(s).isPresent()) {
                continue;
            }
            String plain = undisguise(s);
            if (!plain.equals(s)) {
                Optional<Brands.BrandHit> hit = Brands.inWord(plain);
                if (hit.isPresent() && hit.get().keyword().length() >= 4) {
                    return Optional.of(new Lookalike(hit.get().brand(), hit.get().keyword(), w));
                }
            }
            Optional<Lookalike> near = nearBrand(s, w);
            if (near.isPresent()) {
                return near;
            }
        }
        return Optional.empty();
    }

    /** Digits and letter pairs that pass for letters: 0→o, 1→l, 3→e, 5→s, rn→m, vv→w. */
    static String undisguise(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '0' -> b.append('o');
                case '1' -> b.append('l');
                case '3' -> b.append('e');
                case '4' -> b.append('a');
                case '5' -> b.append('s');
                case '7' -> b.append('t');
                default -> b.append(c);
            }
        }
        return b.toString().replace("rn", "m").replace("vv", "w");
    }

    private static Optional<Lookalike> nearBrand(String word, String written) {
        for (Brand brand : Brands.all()) {
            for (String k : brand.keywords()) {
                if (k.length() < MIN_EDIT_KEYWORD || Math.abs(k.length() - word.length()) > 1
                        || k.charAt(0) != word.charAt(0)) {
                    continue;
                }
                if (EditDistance.atMostOne(word, k)) {
                    return Optional.of(new Lookalike(brand, k, written));
                }
            }
        }
        return Optional.empty();
    }
}
