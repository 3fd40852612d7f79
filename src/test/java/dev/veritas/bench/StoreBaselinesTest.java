package dev.veritas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.config.Env;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baselines are only fair if they write what Veritas writes: the same rows, the same bytes in every column. */
class StoreBaselinesTest {
    private static final int UNITS = 3;

    @TempDir
    Path dir;

    @Test
    void theCProgramAndThePlainJdbcWriterWriteTheSameRowsAndBytesAsVeritas() throws Exception {
        Path veritas = Files.createDirectories(dir.resolve("veritas"));
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(veritas))) {
            for (int n = 0; n < UNITS; n++) {
                StoreWorkload.unit(store, n, nanos -> { });
            }
        }
        Path jdbc = Files.createDirectories(dir.resolve("jdbc"));
        SqliteAuditStore.open(SqliteOptions.defaults(jdbc)).close();
        JdbcBaseline.run(jdbc.resolve("veritas.db"), UNITS, "NORMAL");
        Map<String, String> expected = sizes(veritas.resolve("veritas.db"));
        assertThat(expected.get("audit_events")).startsWith(UNITS * 52 + "|");
        assertThat(sizes(jdbc.resolve("veritas.db"))).isEqualTo(expected);

        CApiBaseline capi;
        try {
            capi = CApiBaseline.build(Files.createDirectories(dir.resolve("build")));
        } catch (CApiBaseline.Unavailable e) {
            if (Env.isCi()) {
                throw new AssertionError(e.getMessage(), e);
            }
            Assumptions.abort(e.getMessage());
            return;
        }
        Path c = Files.createDirectories(dir.resolve("c"));
        SqliteAuditStore.open(SqliteOptions.defaults(c)).close();
        CApiBaseline.Run run = capi.run(c.resolve("veritas.db"), UNITS, "NORMAL");
        assertThat(run.units()).isEqualTo(UNITS);
        assertThat(sizes(c.resolve("veritas.db"))).isEqualTo(expected);
    }

    /** Per table: the row count and the total length of every column whose content does not depend on the writer's ids or clock. */
    private static Map<String, String> sizes(Path db) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = conn.createStatement()) {
            out.put("audits", one(st, "SELECT count(*) || '|' || sum(length(id)) || '|' || sum(length(url)) || '|' || sum(length(host)) || '|' "
                    + "|| group_concat(status) || '|' || sum(trust_score) || '|' || sum(length(risk_level)) || '|' || sum(length(signal_scores)) || '|' "
                    + "|| sum(length(overrides)) || '|' || sum(length(narrative)) || '|' || sum(length(recommendations)) || '|' "
                    + "|| sum(length(site_type)) || '|' || sum(site_type_confidence) || '|' || sum(length(security_results)) || '|' "
                    + "|| sum(pages_scanned) || '|' || sum(findings_count) || '|' || sum(elapsed_ms) || '|' || sum(length(errors)) || '|' "
                    + "|| count(lease_owner) || '|' || sum(version) FROM audits"));
            out.put("audit_findings", one(st, "SELECT count(*) || '|' || sum(length(check_id)) || '|' || sum(length(category)) || '|' "
                    + "|| sum(length(pattern_type)) || '|' || sum(length(severity)) || '|' || sum(confidence) || '|' || sum(length(title)) || '|' "
                    + "|| sum(length(description)) || '|' || sum(length(plain_english)) || '|' || sum(length(page_url)) || '|' "
                    + "|| sum(length(evidence)) || '|' || sum(screenshot_index) FROM audit_findings"));
            out.put("audit_events", one(st, "SELECT count(*) || '|' || sum(length(type)) || '|' || sum(length(data)) FROM audit_events"));
            out.put("audit_totals", one(st, "SELECT group_concat(status || '=' || n) FROM audit_totals"));
        }
        return out;
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
