package dev.veritas.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Evidence;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Screenshot;
import dev.veritas.audit.Severity;
import dev.veritas.audit.Signal;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import java.util.TreeMap;
/** Rows to records. Times are stored as UTC epoch milliseconds and JSON columns as JSON text (jsonb on PostgreSQL). */
final class AuditRows {
    private AuditRows() {}

    static final String AUDIT_COLUMNS = "seq, id, url, host, status, tier, verdict_mode, trust_score, risk_level, signal_scores, "
            + "overrides, narrative, recommendations, site_type, site_type_confidence, security_results, pages_scanned, "
            + "screenshots_count, findings_count, elapsed_ms, errors, error_message, attempts, created_at, started_at, "
            + "completed_at, updated_at, version";

    static final String SUMMARY_COLUMNS = "seq, id, url, host, status, tier, verdict_mode, trust_score, risk_level, signal_scores, "
            + "site_type, site_type_confidence, pages_scanned, screenshots_count, findings_count, elapsed_ms, attempts, "
            + "created_at, started_at, completed_at, error_message";

    static final String FINDING_COLUMNS = "check_id, category, pattern_type, severity, confidence, title, description, "
            + "plain_english, page_url, evidence, screenshot_index";

    static final String SCREENSHOT_COLUMNS = "index_num, label, page_url, file_path, media_type, width, height, file_size_bytes, sha256, created_at";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Recommendation>> RECOMMENDATIONS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};

    static Audit audit(ResultSet rs, List<Finding> findings, List<Screenshot> screenshots) throws SQLException {
        AuditStatus status = AuditStatus.parse(rs.getString("status"));
        Optional<AuditResult> result = Optional.empty();
        if (status == AuditStatus.COMPLETED) {
            int score = rs.getInt("trust_score");
            result = Optional.of(new AuditResult(
                    score,
                    RiskLevel.parse(rs.getString("risk_level")),
                    signals(rs.getString("signal_scores")),
                    readJson(rs.getString("overrides"), STRINGS, List.of()),
                    Optional.ofNullable(rs.getString("narrative")).orElse(""),
                    readJson(rs.getString("recommendations"), RECOMMENDATIONS, List.of()),
                    Optional.ofNullable(rs.getString("site_type")).orElse("other"),
                    rs.getDouble("site_type_confidence"),
                    Optional.ofNullable(rs.getString("security_results")).map(Json::parse).orElse(Json.object()),
                    rs.getInt("pages_scanned"),
                    rs.getInt("screenshots_count"),
                    rs.getLong("elapsed_ms"),
                    readJson(rs.getString("errors"), STRINGS, List.of()),
                    findings));
        }
        return new Audit(
                new AuditId(rs.getString("id")),
                rs.getString("url"),
                rs.getString("host"),
                status,
                Tier.parse(rs.getString("tier")),
                VerdictMode.parse(rs.getString("verdict_mode")),
                rs.getInt("attempts"),
                instant(rs, "created_at").orElseThrow(),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                instant(rs, "updated_at").orElseThrow(),
                rs.getLong("version"),
                result,
                Optional.ofNullable(rs.getString("error_message")),
                screenshots);
    }

    static AuditSummary summary(ResultSet rs) throws SQLException {
        return new AuditSummary(
                new AuditId(rs.getString("id")),
                rs.getString("url"),
                rs.getString("host"),
                AuditStatus.parse(rs.getString("status")),
                Tier.parse(rs.getString("tier")),
                VerdictMode.parse(rs.getString("verdict_mode")),
                optionalInt(rs, "trust_score"),
                Optional.ofNullable(rs.getString("risk_level")).map(RiskLevel::parse),
                signals(rs.getString("signal_scores")),
                Optional.ofNullable(rs.getString("site_type")),
                optionalDouble(rs, "site_type_confidence"),
                rs.getInt("pages_scanned"),
                rs.getInt("screenshots_count"),
                rs.getInt("findings_count"),
                optionalLong(rs, "elapsed_ms"),
                rs.getInt("attempts"),
                instant(rs, "created_at").orElseThrow(),
                instant(rs, "started_at"),
                instant(rs, "completed_at"),
                Optional.ofNullable(rs.getString("error_message")));
    }

    static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(
                rs.getString("check_id"),
                rs.getString("category"),
                rs.getString("pattern_type"),
                Severity.parse(rs.getString("severity")),
                rs.getDouble("confidence"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("plain_english"),
                Optional.ofNullable(rs.getString("page_url")),
                evidence(rs.getString("evidence")),
                optionalInt(rs, "screenshot_index").map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    static Screenshot screenshot(ResultSet rs) throws SQLException {
        return new Screenshot(
                rs.getInt("index_num"),
                rs.getString("label"),
                Optional.ofNullable(rs.getString("page_url")),
                rs.getString("file_path"),
                rs.getString("media_type"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getLong("file_size_bytes"),
                rs.getString("sha256"),
                instant(rs, "created_at").orElseThrow());
    }

    static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                new AuditId(rs.getString("audit_id")),
                rs.getString("type"),
                Json.parse(rs.getString("data")),
                instant(rs, "created_at").orElseThrow());
    }

    static String evidenceJson(Evidence e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", e.text().orElse(null));
        map.put("selector", e.selector().orElse(null));
        map.put("values", e.values());
        return Json.write(map);
    }

    @SuppressWarnings("unchecked")
    private static Evidence evidence(String json) {
        if (json == null) {
            return Evidence.none();
        }
        // One pass to plain maps: cheaper than a tree plus a conversion, and this runs for every finding read.
        Map<String, Object> node = readJson(json, OBJECT_MAP, Map.of());
        Object values = node.get("values");
        return new Evidence(
                Optional.ofNullable(node.get("text")).map(Object::toString),
                Optional.ofNullable(node.get("selector")).map(Object::toString),
                values instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    /** Signal scores as stored ({name: {score, confidence, weight}}), read by hand: Jackson's record creator is slow for so small a shape. */
    private static Map<String, Signal> signals(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Signal> out = new TreeMap<>();
        Json.parse(json).fields().forEachRemaining(f -> out.put(f.getKey(), new Signal(f.getValue().path("score").asDouble(),
                f.getValue().path("confidence").asDouble(), f.getValue().path("weight").asDouble())));
        return out;
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
    }

    static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Double> optionalDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static <T> T readJson(String json, TypeReference<T> type, T fallback) {
        if (json == null) {
            return fallback;
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON could not be read: " + e.getMessage(), e);
        }
    }
}
