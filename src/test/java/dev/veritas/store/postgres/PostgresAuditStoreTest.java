package dev.veritas.store.postgres;

import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.json.Json;
import dev.veritas.store.AuditQueue;
import dev.veritas.store.AuditReader;
import dev.veritas.store.AuditStore;
import dev.veritas.store.AuditWriter;
import dev.veritas.store.NewScreenshot;
import dev.veritas.store.ScreenshotStore;
import dev.veritas.store.Claim;
import dev.veritas.store.AuditStoreContract;
import dev.veritas.store.StoreHealth;
import dev.veritas.store.StoreUnavailableException;
import dev.veritas.store.WorkerId;
import dev.veritas.testing.MutableClock;
import dev.veritas.testing.NeedsPostgres;
import dev.veritas.testing.Requirements;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole store contract against a real PostgreSQL, in a schema of its own per test. */
@NeedsPostgres
class PostgresAuditStoreTest extends AuditStoreContract {
    private final List<String> schemas = new ArrayList<>();

    @BeforeAll
    static void needsPostgres() {
        Requirements.postgres();
    }

    @Override
    protected AuditStore open(Path dataDir, MutableClock clock) {
        String schema = "veritas_test_" + AuditId.random().value().substring(5);
        schemas.add(schema);
        return PostgresAuditStore.open(PostgresUrl.parse(Requirements.postgresUrl()).withSchema(schema), dataDir, clock);
    }

    private PostgresAuditStore openNode(String schema) {
        return PostgresAuditStore.open(PostgresUrl.parse(Requirements.postgresUrl()).withSchema(schema), dataDir, clock);
    }

    @AfterEach
    void dropSchemas() throws Exception {
        try (Connection c = DriverManager.getConnection(Requirements.postgresUrl()); Statement st = c.createStatement()) {
            for (String s : schemas) {
                st.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
            }
        }
    }

    /** Images are kept in the database itself: the chunks of this audit's screenshots. */
    @Override
    protected long storedImages(AuditId id) throws Exception {
        String schema = schemas.get(0);
        try (Connection c = DriverManager.getConnection(Requirements.postgresUrl());
             PreparedStatement ps = c.prepareStatement("SELECT count(DISTINCT c.screenshot_id) FROM " + schema + ".audit_screenshot_chunks c JOIN "
                     + schema + ".audit_screenshots s ON s.id = c.screenshot_id WHERE s.audit_id = ?")) {
            ps.setString(1, id.value());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long chunkRows() throws Exception {
        try (Connection c = DriverManager.getConnection(Requirements.postgresUrl()); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + schemas.get(0) + ".audit_screenshot_chunks")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Any node serves any screenshot: one written through this node is read, byte for byte, through another. */
    @Test
    void aScreenshotWrittenOnOneNodeIsReadOnAnotherAndGoesWithItsAudit() throws Exception {
        byte[] image = new byte[600_000];
        new Random(7).nextBytes(image);
        Claim a = store.createRunning(newAudit("https://nodes.example/"), ME, LEASE);
        var written = store.addScreenshot(a.lease(), new NewScreenshot(0, "home", Optional.empty(), "image/webp", 10, 10, image));
        try (PostgresAuditStore other = openNode(schemas.get(0))) {
            var read = other.screenshot(a.id(), 0).orElseThrow();
            assertThat(read.screenshot()).isEqualTo(written);
            assertThat(bytesOf(read)).isEqualTo(image);
            assertThat(chunkRows()).isEqualTo(3); // 600,000 bytes in chunks of 256 KiB
            store.complete(a.lease(), result(50, List.of()));
            assertThat(other.delete(a.id())).isTrue();
            assertThat(chunkRows()).isZero();
            assertThat(store.screenshot(a.id(), 0)).isEmpty();
        }
    }

    /**
     * The roles used as an API node and a worker node use them, each through its own interfaces only: the API submits
     * and reads, the worker claims and writes; what the worker wrote is what the API reads.
     */
    @Test
    void anApiNodeAndAWorkerNodeEachUseOnlyTheirRoles() throws Exception {
        try (PostgresAuditStore workerNode = openNode(schemas.get(0))) {
            AuditQueue apiQueue = store;
            AuditReader apiReader = store;
            ScreenshotStore apiScreenshots = store;
            AuditQueue workerQueue = workerNode.queue();
            AuditWriter workerWriter = workerNode.writer();
            ScreenshotStore workerScreenshots = workerNode.screenshots();

            AuditId id = apiQueue.create(newAudit("https://roles.example/")).id();
            Claim claim = workerQueue.claimNext(ME.named("worker-node"), LEASE).orElseThrow();
            assertThat(claim.id()).isEqualTo(id);
            long eventId = workerWriter.appendEvent(claim.lease(), "log_entry", Json.object().put("message", "captured"));
            workerScreenshots.addScreenshot(claim.lease(), new NewScreenshot(0, "home", Optional.empty(), "image/png", 1, 1, new byte[] {1, 2, 3}));
            workerWriter.complete(claim.lease(), result(80, List.of()));

            assertThat(apiReader.get(id).status()).isEqualTo(AuditStatus.COMPLETED);
            assertThat(apiReader.eventsAfter(id, 0, 100)).extracting(e -> e.id()).contains(eventId);
            assertThat(bytesOf(apiScreenshots.screenshot(id, 0).orElseThrow())).containsExactly(1, 2, 3);
        }
    }

    @Test
    void workersOnTwoNodesNeverClaimTheSameAudit() throws Exception {
        String schema = schemas.get(0);
        try (PostgresAuditStore other = openNode(schema)) {
            Set<AuditId> created = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                created.add(store.create(newAudit("https://claim" + i + ".example/")).id());
            }
            ConcurrentLinkedQueue<AuditId> claimed = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                AuditStore node = w % 2 == 0 ? store : other;
                WorkerId worker = ME.named("w" + w);
                fs.add(pool.submit(() -> {
                    Optional<Claim> a;
                    while ((a = node.claimNext(worker, LEASE)).isPresent()) {
                        claimed.add(a.get().id());
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(claimed).hasSize(60).doesNotHaveDuplicates();
            assertThat(new HashSet<>(claimed)).isEqualTo(created);
        }
    }

    /** A busy PostgreSQL (a row held locked by another session) ends the write after lock_timeout, clearly, and nothing sticks. */
    @Test
    void aWriteWaitingForALockedRowFailsClearlyAfterTheLockTimeoutAndTheNextOneSucceeds() throws Exception {
        String schema = "veritas_test_" + AuditId.random().value().substring(5);
        schemas.add(schema);
        PostgresTimeouts quick = new PostgresTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofSeconds(10));
        try (PostgresAuditStore pg = PostgresAuditStore.open(PostgresUrl.parse(Requirements.postgresUrl()).withSchema(schema), dataDir, clock, quick);
             Connection holder = DriverManager.getConnection(Requirements.postgresUrl())) {
            Audit a = pg.create(newAudit("https://locked.example/"));
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM " + schema + ".audits WHERE id = ? FOR UPDATE")) {
                lock.setString(1, a.id().value());
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> pg.cancel(a.id(), "no longer wanted"))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("PostgreSQL is busy").hasMessageContaining("nothing was written");
            assertThat(pg.health().condition()).isEqualTo(StoreHealth.Condition.BUSY);
            assertThat(pg.status(a.id())).contains(AuditStatus.QUEUED);
            holder.rollback();
            pg.cancel(a.id(), "no longer wanted");
            assertThat(pg.status(a.id())).contains(AuditStatus.CANCELLED);
            assertThat(pg.health().ok()).isTrue();
        }
    }

    @Test
    void anotherNodeHearsOfNewEventsThroughNotify() throws Exception {
        try (PostgresAuditStore other = openNode(schemas.get(0))) {
            Claim a = store.createRunning(newAudit("https://notify.example/"), ME, LEASE);
            long seen = other.eventSignal().generation(a.id());
            store.appendEvent(a.lease(), "log_entry", Json.object().put("m", "hello"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (other.eventSignal().generation(a.id()) == seen && System.nanoTime() < deadline) {
                other.eventSignal().awaitChange(a.id(), seen, Duration.ofSeconds(1));
            }
            assertThat(other.eventSignal().generation(a.id())).isGreaterThan(seen);
            assertThat(other.eventsAfter(a.id(), 0, 10)).extracting(e -> e.type()).contains("log_entry");
        }
    }
}
