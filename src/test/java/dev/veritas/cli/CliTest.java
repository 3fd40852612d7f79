package dev.veritas.cli;

import static dev.veritas.testing.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.json.Json;
import dev.veritas.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in process, on real data directories; audits come from HAR files written here. */
class CliTest {
    @TempDir
    Path dir;

    private String data() {
        return dir.resolve("data").toString();
    }

    private Path har(String name, String url, String html) throws Exception {
        String entry = """
                {"startedDateTime":"2026-11-20T10:00:00.000Z","request":{"method":"GET","url":"%s","headers":[]},
                 "response":{"status":200,"headers":[{"name":"Content-Type","value":"text/html"}],
                 "content":{"mimeType":"text/html","text":%s}}}
                """.formatted(url, Json.write(Json.MAPPER.getNodeFactory().textNode(html)));
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"log\":{\"version\":\"1.2\",\"entries\":[" + entry + "]}}");
        return p;
    }

    private String auditHar(String name, String url, String html) throws Exception {
        CliRun r = run("audit", "--har", har(name, url, html).toString(), "--data", data(), "--json", "--no-browser");
        assertThat(r.code()).as(r.err()).isZero();
        return r.json().path("id").asText();
    }

    @Test
    void anEmptyHistorySaysHowToStart() {
        CliRun r = run("history", "--data", data());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No audits yet").contains("veritas audit");
    }

    @Test
    void aHarAuditIsStoredAndPrintedInTheApiShape() throws Exception {
        CliRun r = run("audit", "--har", har("shop.har", "https://shop.example/",
                "<html><head><title>Shop</title></head><body><p>Only 2 left in stock!</p><a href='/privacy'>Privacy</a></body></html>").toString(),
                "--data", data(), "--json", "--no-browser");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode a = r.json();
        assertThat(a.path("status").asText()).isEqualTo("completed");
        assertThat(a.path("url").asText()).isEqualTo("https://shop.example/");
        assertThat(a.path("findings")).anySatisfy(f -> {
            assertThat(f.path("pattern_type").asText()).isEqualTo("low_stock_message");
            assertThat(f.path("category").asText()).isEqualTo("scarcity");
            assertThat(f.has("severity")).isTrue();
            assertThat(f.has("confidence")).isTrue();
        });
        assertThat(a.path("security_results").path("capture").path("source").asText()).isEqualTo("har");
        // The progress lines come from the audit's stored events, through the follower the server streams with.
        assertThat(r.err()).contains("Reading capture").contains("[100%] Judging done");
        String id = a.path("id").asText();

        CliRun show = run("show", id, "--data", data(), "--json");
        assertThat(show.json()).isEqualTo(a);
        CliRun text = run("show", id, "--data", data());
        assertThat(text.out()).contains("Trust score").contains("Low-stock message");
        CliRun history = run("history", "--data", data(), "--json");
        assertThat(history.json().path("total").asInt()).isEqualTo(1);
        assertThat(history.json().path("items").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void compareExportCheckAndBackup() throws Exception {
        String first = auditHar("a.har", "https://site.example/", "<html><body><p>Only 3 left!</p><p>Hurry, offer ends soon!</p></body></html>");
        String second = auditHar("b.har", "https://site.example/", "<html><body><p>Welcome</p><a href='/contact'>Contact</a></body></html>");

        CliRun compare = run("compare", first, second, "--data", data(), "--json");
        assertThat(compare.code()).isZero();
        assertThat(compare.json().path("finding_changes").get(0).path("removed").size()).isPositive();
        assertThat(run("compare", first, second, "--data", data()).out()).contains(first).contains("score");

        Path html = dir.resolve("report.html");
        CliRun export = run("export", second, "--data", data(), "--format", "html", "-o", html.toString());
        assertThat(export.code()).isZero();
        assertThat(Files.readString(html)).startsWith("<!doctype html>").contains("site.example").doesNotContain("<script");
        Path json = dir.resolve("report.json");
        assertThat(run("export", second, "--data", data(), "--format", "json", "-o", json.toString()).code()).isZero();
        assertThat(Json.parse(Files.readString(json)).path("id").asText()).isEqualTo(second);

        CliRun check = run("db", "check", "--data", data());
        assertThat(check.code()).isZero();
        assertThat(check.out().strip()).endsWith("ok");
        assertThat(check.out()).contains("journal_mode    wal");

        Path backup = dir.resolve("backup.db");
        CliRun b = run("db", "backup", backup.toString(), "--data", data());
        assertThat(b.code()).as(b.err()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audits")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
        CliRun again = run("db", "backup", backup.toString(), "--data", data());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void badInputGetsOneClearLineAndExitCode2() throws Exception {
        Path broken = dir.resolve("broken.har");
        Files.writeString(broken, "{\"log\": {\"entries\": [ {\"request\": ");
        List<String[]> cases = List.of(
                new String[] {"show", "vrts_0000000000000000", "--data", data()},
                new String[] {"show", "not-an-id", "--data", data()},
                new String[] {"audit", "https://example.com", "--tier", "gigantic", "--data", data()},
                new String[] {"audit", "http://127.0.0.1/", "--data", data(), "--no-browser"},
                new String[] {"audit", "file:///etc/passwd", "--data", data()},
                new String[] {"audit", "--har", dir.resolve("missing.har").toString(), "--data", data()},
                new String[] {"audit", "--har", broken.toString(), "--data", data()},
                new String[] {"history", "--status", "sideways", "--data", data()},
                new String[] {"history", "--since", "last tuesday", "--data", data()},
                new String[] {"export", "vrts_0000000000000000", "--format", "docx", "--data", data()});
        for (String[] args : cases) {
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + " → " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("veritas: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.err().strip().lines().count()).isEqualTo(1);
        }
        assertThat(run("audit", "http://10.1.2.3/", "--data", data(), "--no-browser").err()).contains("--allow-private");
        assertThat(run("audit", "--har", broken.toString(), "--data", data()).err()).contains("not a HAR file").contains("not valid JSON");
        // Nothing was stored by any of it.
        assertThat(run("history", "--data", data(), "--json").json().path("total").asInt()).isZero();
    }
}
