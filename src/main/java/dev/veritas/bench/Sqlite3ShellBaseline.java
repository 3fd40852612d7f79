package dev.veritas.bench;

import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Finding;
import dev.veritas.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The same workload through the {@code sqlite3} command-line shell, one transaction per unit: what a
 * careful single-threaded writer gets from SQLite without group commit. Same schema, same rows.
 */
final class Sqlite3ShellBaseline {
    private Sqlite3ShellBaseline() {}

    /** The shell, when one answers {@code sqlite3 -version} (the system finds it on the PATH). */
    static Optional<String> sqlite3() {
        try {
            Process p = new ProcessBuilder("sqlite3", "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of("sqlite3") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Writes the script to a file first, so only the shell's work is timed. Returns units per second. */
    static double run(String sqlite3, Path database, int units, String synchronous) throws IOException, InterruptedException {
        Path script = database.resolveSibling("workload-" + synchronous + ".sql");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(script), StandardCharsets.UTF_8), 1 << 20)) {
            w.write("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=" + synchronous + ";\nPRAGMA foreign_keys=ON;\n");
            for (int n = 0; n < units; n++) {
                writeUnit(w, n);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(sqlite3, "-bail", database.toString())
                .redirectInput(script.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        long start = System.nanoTime();
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("sqlite3 failed: " + err.strip());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(script);
        return units / seconds;
    }

    private static void writeUnit(Writer w, int n) throws IOException {
        String id = String.format("vrts_%016x", n);
        long now = 1_790_000_000_000L + n;
        AuditResult r = StoreWorkload.result(n);
        w.write("BEGIN;\n");
        w.write("INSERT INTO audits (id, url, host, status, tier, verdict_mode, attempts, lease_owner, lease_expires_at, created_at, started_at, updated_at, version) VALUES ("
                + q(id) + "," + q("https://bench" + n + ".example/shop") + "," + q("bench" + n + ".example") + ",'running','standard_audit','expert',0,'bench/1/1/main',"
                + (now + 300_000) + "," + now + "," + now + "," + now + ",0);\n");
        w.write(event(id, "status", "{\"status\":\"running\",\"url\":\"https://bench" + n + ".example/shop\",\"tier\":\"standard_audit\"}", now));
        for (int e = 0; e < StoreWorkload.EVENTS; e++) {
            String data = Json.write(Json.object().put("phase", "capture").put("message", StoreWorkload.eventMessage(n, e)).put("pct", e * 2));
            w.write(event(id, "log_entry", data, now));
        }
        w.write("UPDATE audits SET status='completed', trust_score=" + r.trustScore() + ", risk_level=" + q(r.riskLevel().wire())
                + ", signal_scores=" + q(Json.write(r.signals())) + ", overrides='[]', narrative=" + q(r.narrative())
                + ", recommendations=" + q(Json.write(r.recommendations())) + ", site_type='ecommerce', site_type_confidence=0.8"
                + ", security_results=" + q(Json.write(r.securityResults())) + ", pages_scanned=5, screenshots_count=0, findings_count=20"
                + ", elapsed_ms=14000, errors='[]', completed_at=" + now + ", updated_at=" + now + ", version=version+1 WHERE id=" + q(id) + ";\n");
        List<Finding> findings = r.findings();
        for (Finding f : findings) {
            w.write("INSERT INTO audit_findings (audit_id, check_id, category, pattern_type, severity, confidence, title, description, plain_english, page_url, evidence, screenshot_index, created_at) VALUES ("
                    + q(id) + "," + q(f.checkId()) + "," + q(f.category()) + "," + q(f.patternType()) + "," + q(f.severity().wire()) + ","
                    + f.confidence() + "," + q(f.title()) + "," + q(f.description()) + "," + q(f.plainEnglish()) + "," + q(f.pageUrl().orElse(""))
                    + "," + q("{\"text\":\"" + f.evidence().text().orElse("") + "\",\"selector\":\"div.stock > span\",\"values\":{}}") + ","
                    + f.screenshotIndex().orElse(0) + "," + now + ");\n");
        }
        w.write(event(id, "audit_result", "{\"trust_score\":" + r.trustScore() + ",\"findings_count\":20}", now));
        w.write("COMMIT;\n");
    }

    private static String event(String id, String type, String data, long now) {
        return "INSERT INTO audit_events (audit_id, type, data, created_at) VALUES (" + q(id) + "," + q(type) + "," + q(data) + "," + now + ");\n";
    }

    private static String q(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
