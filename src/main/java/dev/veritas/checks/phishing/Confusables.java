package dev.veritas.checks.phishing;

import java.text.Normalizer;

/**
 * Letters from other alphabets that look like Latin ones. A host written with them ("аpple" with a
 * Cyrillic "а") reads as a familiar name but leads somewhere else; its skeleton shows what a
 * reader believes they see.
 */
final class Confusables {
    private Confusables() {}

    /** Look-alike letter followed by the Latin letter it imitates: Cyrillic, Greek, Armenian, IPA. */
    private static final String PAIRS =
            "аaеeоoрpсcуyхxіiјjѕsԁdһhӏlԛqԝwвbкkмmнhтtпnьbοoαaρpνvιiκkτtυuχxεeոnսuհhօoɑaɡgɩiıiʟlᴏo";

    /** The host as a Latin reader would see it: look-alikes replaced, accents removed. */
    static String skeleton(String s) {
        if (UrlParts.isAscii(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int at = lookAlikeIndex(c);
            b.append(at >= 0 ? PAIRS.charAt(at + 1) : c);
        }
        String decomposed = Normalizer.normalize(b, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "");
    }

    private static int lookAlikeIndex(char c) {
        for (int i = 0; i < PAIRS.length(); i += 2) {
            if (PAIRS.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether one label mixes letters of different alphabets (Latin with Cyrillic, say). Honest
     * names are written in one script; mixing is how homograph attacks are built.
     */
    static boolean mixesScripts(String label) {
        Character.UnicodeScript first = null;
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
                continue;
            }
            if (first == null) {
                first = script;
            } else if (first != script && !isCjkMix(first, script)) {
                return true;
            }
        }
        return false;
    }

    // Japanese legitimately mixes Han, Hiragana and Katakana in one word.
    private static boolean isCjkMix(Character.UnicodeScript a, Character.UnicodeScript b) {
        return isCjk(a) && isCjk(b);
    }

    private static boolean isCjk(Character.UnicodeScript s) {
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }
}
