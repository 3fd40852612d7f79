package dev.veritas.checks.darkpatterns;

import java.nio.charset.StandardCharsets;

/**
 * The fixed rule that decides which pages the model may learn from. Rows of one page stay together,
 * so a page's template wording cannot leak from training into the held-out figures, and the rule
 * depends on nothing but the page id, so anyone can recompute the split.
 *
 * <p>Rule: FNV-1a 32-bit hash of the UTF-8 bytes of {@code page_id}, taken unsigned, modulo 10;
 * buckets 0–6 are for training (about 70% of pages), 7–9 are held out.
 */
public final class PageSplit {
    public static final String RULE = "FNV-1a-32(page_id) mod 10: 0-6 train, 7-9 held-out";
    private static final int TRAIN_BUCKETS = 7;

    public enum Part { TRAIN, HELD_OUT }

    private PageSplit() {
    }

    public static Part of(String pageId) {
        return bucket(pageId) < TRAIN_BUCKETS ? Part.TRAIN : Part.HELD_OUT;
    }

    /** The cross-validation fold (0..folds-1) of a training page, independent of its train/held-out bucket. */
    public static int fold(String pageId, int folds) {
        return Integer.remainderUnsigned(Integer.divideUnsigned(fnv1a(pageId), 10), folds);
    }

    static int bucket(String pageId) {
        return Integer.remainderUnsigned(fnv1a(pageId), 10);
    }

    static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
