package dev.veritas.checks.phishing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The three parts of an honest measurement: {@code tuning} is what the model learns and its threshold is chosen on,
 * {@code check} is measured during development (once per change, before its mistakes are read), {@code final} only
 * once at the end. An address without a split of its own is placed by a hash of its registrable domain, the same one
 * {@link DomainSplit} uses: tuning is exactly the training side, and the held-out side is cut in two, so no row the
 * shipped model learned from is ever measured, and every address of a site lands in one part.
 */
public enum UrlSplit {
    TUNING, CHECK, FINAL;

    public static UrlSplit of(String url) {
        int bucket = DomainSplit.bucket(url);
        if (bucket >= DomainSplit.HELD_OUT_BUCKETS) {
            return TUNING;
        }
        return bucket == 0 ? CHECK : FINAL;
    }

    public static Optional<UrlSplit> named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wire().equals(n)).findFirst();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
