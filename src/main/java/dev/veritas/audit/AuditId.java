package dev.veritas.audit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An audit's id: {@code vrts_} and 16 hex digits. The strict pattern matters: ids name folders on disk,
 * so anything that is not exactly this shape is rejected before it reaches a path.
 */
public record AuditId(String value) {
    private static final Pattern SHAPE = Pattern.compile("vrts_[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public AuditId {
        Require.present("audit id", value);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("audit id must look like vrts_ followed by 16 hex digits (got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "')");
        }
    }

    public static AuditId random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new AuditId("vrts_" + HexFormat.of().formatHex(bytes));
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
