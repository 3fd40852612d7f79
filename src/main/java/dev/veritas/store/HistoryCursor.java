package dev.veritas.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a history page ends, as an opaque token. Pages are keyset pages over the insertion sequence,
 * so rows inserted while a client pages never shift or repeat the pages it has not read yet.
 */
public record HistoryCursor(HistorySort sort, int scoreKey, long seq) {
    private static final String INVALID = "cursor is not valid for this query; start again without a cursor";

    public String encode() {
        String raw = sort.wire() + ":" + scoreKey + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static HistoryCursor decode(String token, HistorySort expected) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(INVALID);
        }
        String[] parts = raw.split(":");
        if (parts.length != 3 || !parts[0].equals(expected.wire())) {
            throw new IllegalArgumentException(INVALID);
        }
        try {
            return new HistoryCursor(expected, Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INVALID);
        }
    }
}
