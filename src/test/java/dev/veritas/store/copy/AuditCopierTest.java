package dev.veritas.store.copy;

import static dev.veritas.testing.CliRun.run;
import static dev.veritas.testing.Samples.findings;
import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.json.Json;
import dev.veritas.store.Claim;
import dev.veritas.store.HistoryQuery;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.ScreenshotContent;
import dev.veritas.store.WorkerId;
import dev.veritas.store.postgres.PostgresAuditStore;
import dev.veritas.store.postgres.PostgresUrl;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.CliRun;
import dev.veritas.testing.NeedsPostgres;
import dev.veritas.testing.Requirements;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code veritas db copy} from a real SQLite data directory into a real PostgreSQL, in a schema of its own. */
@NeedsPostgres
class AuditCopierTest {
    private static final WorkerId ME = WorkerId.current().named("copier-test");
    private static final Duration LEASE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final String schema = "veritas_copy_" + AuditId.random().value().substring(5);
    private final List<String> messages = new ArrayList<>();
    private Path data;
    private final List<AuditId> audits = new ArrayList<>();

    @BeforeAll
    static void needsPostgres() {
        Requirements.postgres();
    }

    @BeforeEach
    void history() {
        data = dir.resolve("data");
        try (SqliteAuditStore s = SqliteAuditStore.open(SqliteOptions.defaults(data))) {
            for (int i = 0; i < 7; i++) {
                Claim a = s.createRunning(newAudit("https://copy" + i + ".example/"), ME, LEASE);
                s.appendEvent(a.lease(), "log_entry", Json.object().put("message", "page " + i).put("ratio", 0.5).put("n", i));
                s.addScreenshot(a.lease(), new NewScreenshot(0, "viewport", Optional.of("https://copy" + i + ".example/"), "image/png", 10, 10, image(i, 4_000)));
                if (i % 2 == 0) {
                    s.addScreenshot(a.lease(), new NewScreenshot(1, "full page", Optional.empty(), "image/jpeg", 10, 900, image(i + 100, 400_000)));
                }
                if (i == 5) {
                    s.fail(a.lease(), "could not reach copy5.example:443 — connection refused");
                } else {
                    s.complete(a.lease(), result(40 + i, findings(i)));
                }
                audits.add(a.id());
            }
            audits.add(s.create(newAudit("https://queued.example/")).id());
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(Requirements.postgresUrl()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private PostgresAuditStore target() {
        return PostgresAuditStore.open(PostgresUrl.parse(Requirements.postgresUrl()).withSchema(schema), dir, Clock.systemUTC());
    }

    private SqliteAuditStore source() {
        return SqliteAuditStore.openExisting(SqliteOptions.defaults(data));
    }

    private AuditCopier.Report copy() {
        try (SqliteAuditStore s = source(); PostgresAuditStore t = target()) {
            return new AuditCopier(s, t, messages::add).copy();
        }
    }

    @Test
    void aRoundTripKeepsAuditsFindingsEventsWithTheirIdsAndScreenshotBytes() throws Exception {
        AuditCopier.Report report = copy();
        assertThat(report.copied()).isEqualTo(8);
        assertThat(report.screenshots()).isEqualTo(11);
        try (SqliteAuditStore s = source(); PostgresAuditStore t = target()) {
            for (AuditId id : audits) {
                assertThat(t.get(id)).isEqualTo(s.get(id));
                List<AuditEvent> events = s.eventsAfter(id, 0, 10_000);
                assertThat(t.eventsAfter(id, 0, 10_000)).isEqualTo(events);
                // A client that saw the first event resumes after it on the new database and misses nothing.
                assertThat(t.eventsAfter(id, events.get(0).id(), 10_000)).isEqualTo(events.subList(1, events.size()));
                for (var shot : s.get(id).screenshots()) {
                    assertThat(bytes(t.screenshot(id, shot.index()).orElseThrow())).isEqualTo(bytes(s.screenshot(id, shot.index()).orElseThrow()));
                }
            }
            assertThat(t.history(HistoryQuery.builder().limit(100).build()).items()).isEqualTo(s.history(HistoryQuery.builder().limit(100).build()).items());
            assertThat(t.check().rowCounts()).isEqualTo(s.check().rowCounts());
            assertThat(t.check().problems()).isEmpty();
            // New events on the target are numbered after every copied one.
            Claim next = t.claimNext(ME, LEASE).orElseThrow();
            long maxCopied = audits.stream().flatMap(id -> s.eventsAfter(id, 0, 10_000).stream()).mapToLong(AuditEvent::id).max().orElseThrow();
            assertThat(t.appendEvent(next.lease(), "log_entry", Json.object())).isGreaterThan(maxCopied);
        }
    }

    @Test
    void aSecondRunCopiesNothingAndARunAfterNewAuditsCopiesOnlyThem() {
        copy();
        AuditCopier.Report again = copy();
        assertThat(again.copied()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(8);
        try (SqliteAuditStore s = source()) {
            s.create(newAudit("https://later.example/"));
        }
        AuditCopier.Report third = copy();
        assertThat(third.copied()).isEqualTo(1);
        assertThat(third.alreadyThere()).isEqualTo(8);
    }

    @Test
    void aTargetHoldingADifferentAuditWithTheSameIdIsRefusedAndNothingIsCopied() throws Exception {
        copy();
        AuditId changed = audits.get(2);
        try (Connection c = DriverManager.getConnection(Requirements.postgresUrl());
             PreparedStatement ps = c.prepareStatement("UPDATE " + schema + ".audits SET narrative = 'another history' WHERE id = ?")) {
            ps.setString(1, changed.value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        AuditId added;
        try (SqliteAuditStore s = source()) {
            added = s.create(newAudit("https://after.example/")).id();
        }
        assertThatThrownBy(this::copy).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds 1 audits with the same ids").hasMessageContaining(changed.value())
                .hasMessageContaining("Nothing was copied");
        try (PostgresAuditStore t = target()) {
            assertThat(t.find(added)).isEmpty();
        }
    }

    @Test
    void aTargetWhoseEventIdsAreTakenByOtherAuditsIsRefused() {
        try (PostgresAuditStore t = target()) {
            for (int i = 0; i < 3; i++) {
                t.create(newAudit("https://other" + i + ".example/"));
            }
        }
        assertThatThrownBy(this::copy).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events with the ids of the source's events").hasMessageContaining("empty database");
        try (PostgresAuditStore t = target()) {
            assertThat(t.find(audits.get(0))).isEmpty();
        }
    }

    @Test
    void theCommandCopiesReportsProgressAndDbCheckWorksOnPostgres() throws Exception {
        try (Connection c = DriverManager.getConnection(Requirements.postgresUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String url = Requirements.postgresUrl() + (Requirements.postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        CliRun first = run("db", "copy", "--from", "sqlite:" + data, "--to", url);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("8 audits in the source").contains("copied 8 of 8 audits").contains("copied 8 audits")
                .contains("verified");
        CliRun second = run("db", "copy", "--from", "sqlite:" + data.resolve("veritas.db"), "--to", url);
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).contains("nothing to copy").contains("8 audits");

        CliRun check = run("db", "check", "--database-url", url);
        assertThat(check.code()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).contains("postgresql").contains("schema version  4").contains("audits completed 6").contains("screenshots     11");
        assertThat(check.out().strip()).endsWith("ok");
    }

    @Test
    void aMissingOrWrongSourceIsAClearErrorNotAStackTrace() throws Exception {
        Path nowhere = dir.resolve("nowhere");
        CliRun missing = run("db", "copy", "--from", "sqlite:" + nowhere, "--to", Requirements.postgresUrl());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("there is no " + nowhere).contains("data directory that holds veritas.db").doesNotContain("Exception");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun noDb = run("db", "copy", "--from", "sqlite:" + empty, "--to", Requirements.postgresUrl());
        assertThat(noDb.code()).isEqualTo(1);
        assertThat(noDb.err()).contains("no Veritas database at").doesNotContain("Exception");
        assertThat(empty.resolve("veritas.db")).doesNotExist();

        CliRun scheme = run("db", "copy", "--from", data.toString(), "--to", Requirements.postgresUrl());
        assertThat(scheme.code()).isEqualTo(2);
        assertThat(scheme.err()).contains("--from must be sqlite:PATH");
    }

    @Test
    void aScreenshotWhoseFileIsGoneStopsTheCopySayingWhich() throws Exception {
        try (var files = Files.walk(data.resolve("screenshots").resolve(audits.get(3).value()))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        assertThatThrownBy(this::copy).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audit " + audits.get(3)).hasMessageContaining("has no image").hasMessageContaining("db check");
    }

    private static byte[] image(int seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] bytes(ScreenshotContent content) throws Exception {
        try (InputStream in = content.open()) {
            return in.readAllBytes();
        }
    }

}
