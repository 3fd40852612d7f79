package dev.veritas.bench;

import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Evidence;
import dev.veritas.audit.Finding;
import dev.veritas.json.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The C-API baseline's statements from Java through sqlite-jdbc, in this process: one thread, prepared statements, one
 * transaction per unit, one row per statement. Between the C program and Veritas it shows what the driver costs.
 */
final class JdbcBaseline {
    private JdbcBaseline() {}

    /** Returns units per second. The schema must already exist. */
    static double run(Path database, int units, String synchronous) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=" + synchronous);
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
                st.execute("PRAGMA temp_store=MEMORY");
                st.execute("PRAGMA cache_size=-8000");
            }
            try (PreparedStatement begin = c.prepareStatement("BEGIN IMMEDIATE");
                 PreparedStatement commit = c.prepareStatement("COMMIT");
                 PreparedStatement audit = c.prepareStatement("INSERT INTO audits (id, url, host, status, tier, verdict_mode, attempts, "
                         + "lease_owner, lease_expires_at, created_at, started_at, updated_at, version) VALUES (?, ?, ?, 'running', "
                         + "'standard_audit', 'expert', 0, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO audit_events (audit_id, type, data, created_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement complete = c.prepareStatement("UPDATE audits SET status = 'completed', trust_score = ?, risk_level = ?, "
                         + "signal_scores = ?, overrides = ?, narrative = ?, recommendations = ?, site_type = ?, site_type_confidence = ?, "
                         + "security_results = ?, pages_scanned = ?, screenshots_count = 0, findings_count = ?, elapsed_ms = ?, errors = ?, "
                         + "error_message = NULL, completed_at = ?, updated_at = ?, lease_owner = NULL, lease_expires_at = NULL, "
                         + "version = version + 1 WHERE id = ? AND status = 'running'");
                 PreparedStatement finding = c.prepareStatement("INSERT INTO audit_findings (audit_id, check_id, category, pattern_type, "
                         + "severity, confidence, title, description, plain_english, page_url, evidence, screenshot_index, created_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                String owner = "jdbc-baseline/" + ProcessHandle.current().pid() + "/" + System.currentTimeMillis() + "/main";
                long start = System.nanoTime();
                for (int n = 0; n < units; n++) {
                    long now = System.currentTimeMillis();
                    String id = String.format("vrts_%016x", n);
                    String url = "https://bench" + n + ".example/shop";
                    AuditResult r = StoreWorkload.result(n);
                    begin.execute();
                    audit.setString(1, id);
                    audit.setString(2, url);
                    audit.setString(3, "bench" + n + ".example");
                    audit.setString(4, owner);
                    audit.setLong(5, now + 300_000);
                    audit.setLong(6, now);
                    audit.setLong(7, now);
                    audit.setLong(8, now);
                    audit.executeUpdate();
                    event(event, id, "status", Json.write(Json.object().put("status", "running").put("url", url).put("tier", "standard_audit")), now);
                    for (var e : StoreWorkload.events(n)) {
                        event(event, id, e.type(), Json.write(e.data()), now);
                    }
                    int i = 1;
                    complete.setInt(i++, r.trustScore());
                    complete.setString(i++, r.riskLevel().wire());
                    complete.setString(i++, Json.write(r.signals()));
                    complete.setString(i++, Json.write(r.overrides()));
                    complete.setString(i++, r.narrative());
                    complete.setString(i++, Json.write(r.recommendations()));
                    complete.setString(i++, r.siteType());
                    complete.setDouble(i++, r.siteTypeConfidence());
                    complete.setString(i++, Json.write(r.securityResults()));
                    complete.setInt(i++, r.pagesScanned());
                    complete.setInt(i++, r.findings().size());
                    complete.setLong(i++, r.elapsedMs());
                    complete.setString(i++, Json.write(r.errors()));
                    complete.setLong(i++, now);
                    complete.setLong(i++, now);
                    complete.setString(i, id);
                    complete.executeUpdate();
                    List<Finding> findings = r.findings();
                    for (Finding f : findings) {
                        int p = 1;
                        finding.setString(p++, id);
                        finding.setString(p++, f.checkId());
                        finding.setString(p++, f.category());
                        finding.setString(p++, f.patternType());
                        finding.setString(p++, f.severity().wire());
                        finding.setDouble(p++, f.confidence());
                        finding.setString(p++, f.title());
                        finding.setString(p++, f.description());
                        finding.setString(p++, f.plainEnglish());
                        finding.setString(p++, f.pageUrl().orElse(null));
                        finding.setString(p++, evidenceJson(f.evidence()));
                        finding.setInt(p++, f.screenshotIndex().orElse(0));
                        finding.setLong(p, now);
                        finding.executeUpdate();
                    }
                    event(event, id, "audit_result", Json.write(Json.object().put("trust_score", r.trustScore())
                            .put("risk_level", r.riskLevel().wire()).put("findings_count", findings.size())
                            .put("pages_scanned", r.pagesScanned()).put("elapsed_ms", r.elapsedMs())), now);
                    commit.execute();
                }
                return units / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** As the store writes it: text, selector and values, nulls included. */
    private static String evidenceJson(Evidence e) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", e.text().orElse(null));
        map.put("selector", e.selector().orElse(null));
        map.put("values", e.values());
        return Json.write(map);
    }

    private static void event(PreparedStatement ps, String id, String type, String data, long now) throws SQLException {
        ps.setString(1, id);
        ps.setString(2, type);
        ps.setString(3, data);
        ps.setLong(4, now);
        ps.executeUpdate();
    }
}
