package dev.veritas.store.copy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One audit as a copy reads it from either database: its row, findings, events, screenshots and their images. */
final class AuditData {
    final String id;
    final Object[] audit;
    final List<Object[]> findings = new ArrayList<>();
    final List<Object[]> events = new ArrayList<>();
    final List<Object[]> screenshots = new ArrayList<>();
    final List<byte[]> images = new ArrayList<>();

    AuditData(String id, Object[] audit) {
        this.id = id;
        this.audit = audit;
    }

    /**
     * SHA-256 over everything that is copied, in order: the audit's columns, each finding, each event with its id,
     * each screenshot's metadata and the digest of its image as read (not as recorded).
     */
    String checksum() {
        MessageDigest d = sha256();
        add(d, "audit", audit);
        findings.forEach(f -> add(d, "finding", f));
        events.forEach(e -> add(d, "event", e));
        screenshots.forEach(s -> add(d, "screenshot", s));
        for (byte[] image : images) {
            d.update(sha256().digest(image));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** What differs in number, for a message; empty if the counts agree. */
    String countDifference(AuditData other) {
        List<String> diffs = new ArrayList<>();
        compare(diffs, "findings", findings.size(), other.findings.size());
        compare(diffs, "events", events.size(), other.events.size());
        compare(diffs, "screenshots", screenshots.size(), other.screenshots.size());
        return String.join(", ", diffs);
    }

    private static void compare(List<String> diffs, String what, int a, int b) {
        if (a != b) {
            diffs.add(what + " " + a + " vs " + b);
        }
    }

    private static void add(MessageDigest d, String tag, Object[] values) {
        StringBuilder sb = new StringBuilder(tag).append('\u0002');
        for (Object v : values) {
            // A null and an empty text must differ, and so must one value's end and the next one's start.
            sb.append(v == null ? "\u0000" : v.getClass().getSimpleName().charAt(0) + v.toString()).append('\u0001');
        }
        d.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
