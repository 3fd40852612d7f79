package dev.veritas.checks.phishing;

import java.util.ArrayList;
import java.util.List;

/** Splits addresses and text into the words a reader would see. */
final class Words {
    private Words() {}

    /** Runs of letters and digits: "secure-login2.php" gives [secure, login2, php]. */
    static List<String> alphanumericRuns(String s) {
        return runs(s, true);
    }

    /** Runs of letters only: "secure-login2.php" gives [secure, login, php]. */
    static List<String> letterRuns(String s) {
        return runs(s, false);
    }

    private static List<String> runs(String s, boolean digitsJoin) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean inWord = i < s.length() && isWordChar(s.charAt(i), digitsJoin);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c, boolean digitsJoin) {
        return Character.isLetter(c) || (digitsJoin && Character.isDigit(c));
    }
}
