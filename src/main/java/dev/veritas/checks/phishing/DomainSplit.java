package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;

import java.nio.charset.StandardCharsets;

/**
 * The fixed split of labelled addresses into the part the model learns from and the part kept
 * back to measure it. Rows are assigned by a hash of their registrable domain, so every address
 * of one site lands on the same side: a campaign's hundred look-alike links cannot teach the
 * model a site name and then "test" it on its siblings.
 */
public enum DomainSplit {
    /** 70% of domains: weights, vocabulary, scaling and threshold are learned here only. */
    TRAINING,
    /** 30% of domains: never seen while learning; the honest estimate of performance. */
    HELD_OUT;

    /** Of every ten hash buckets, how many are held out. */
    static final int HELD_OUT_BUCKETS = 3;

    public static DomainSplit of(String url) {
        return bucket(url) < HELD_OUT_BUCKETS ? HELD_OUT : TRAINING;
    }

    /** 0–9, stable across runs and machines. */
    static int bucket(String url) {
        return (int) Long.remainderUnsigned(hash(siteKey(url)), 10);
    }

    /** Which of {@code folds} cross-validation folds a training row belongs to, also by domain. */
    public static int fold(String url, int folds) {
        return (int) Long.remainderUnsigned(hash(siteKey(url)) / 10, folds);
    }

    public static String siteKey(String url) {
        RegistrableDomain rd = RegistrableDomain.of(UrlParts.parse(url).asciiHost());
        return rd.domain().orElse(rd.host());
    }

    /** FNV-1a, 64 bits: simple, fixed and independent of the JVM's String.hashCode. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
