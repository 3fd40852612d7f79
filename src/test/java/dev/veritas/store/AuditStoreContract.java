package dev.veritas.store;

import static dev.veritas.testing.Samples.finding;
import static dev.veritas.testing.Samples.findings;
import static dev.veritas.testing.Samples.newAudit;
import static dev.veritas.testing.Samples.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Comparison;
import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Screenshot;
import dev.veritas.audit.Severity;
import dev.veritas.json.Json;
import dev.veritas.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
/** The whole {@link AuditStore} contract. Every store implementation runs these tests. */
public abstract class AuditStoreContract {
    protected static final Duration LEASE = Duration.ofSeconds(30);
    /** A worker on this host whose process does not exist (above Linux's largest pid). */
    protected static final WorkerId DEAD = new WorkerId(WorkerId.current().host(), 4_194_999L, 1L, "gone");
    protected static final WorkerId ME = WorkerId.current().named("test");

    @TempDir
    protected Path dataDir;
    protected MutableClock clock;
    protected AuditStore store;

    protected abstract AuditStore open(Path dataDir, MutableClock clock);

    @BeforeEach
    void openStore() {
        clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
        store = open(dataDir, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected Claim runningAudit(String url) {
        return store.createRunning(newAudit(url), ME, LEASE);
    }

    protected Audit completedAudit(String url, int score, List<Finding> findings) {
        Claim a = runningAudit(url);
        store.complete(a.lease(), result(score, findings));
        clock.advance(Duration.ofSeconds(1));
        return store.get(a.id());
    }

    @Nested
    class Lifecycle {
        @Test
        void createStoresAQueuedAuditWithAStatusEvent() {
            Audit created = store.create(newAudit("Example.com/path?q=1"));
            Audit read = store.get(created.id());
            assertThat(read.status()).isEqualTo(AuditStatus.QUEUED);
            assertThat(read.url()).isEqualTo("https://example.com/path?q=1");
            assertThat(read.host()).isEqualTo("example.com");
            assertThat(read.createdAt()).isEqualTo(clock.instant());
            assertThat(read.result()).isEmpty();
            assertThat(store.eventsAfter(created.id(), 0, 100)).extracting(AuditEvent::type).containsExactly("status");
        }

        @Test
        void claimTakesTheOldestQueuedAuditOnce() {
            Audit first = store.create(newAudit("https://a.example/"));
            Audit second = store.create(newAudit("https://b.example/"));
            Claim claimed = store.claimNext(ME, LEASE).orElseThrow();
            assertThat(claimed.id()).isEqualTo(first.id());
            assertThat(claimed.audit().status()).isEqualTo(AuditStatus.RUNNING);
            assertThat(claimed.audit().startedAt()).contains(clock.instant());
            assertThat(claimed.lease()).isEqualTo(new Lease(first.id(), ME, 1));
            assertThat(store.claimNext(ME, LEASE).orElseThrow().id()).isEqualTo(second.id());
            assertThat(store.claimNext(ME, LEASE)).isEmpty();
        }

        @Test
        void completeWritesTheWholeResultAndEndsTheEventStream() {
            Claim a = runningAudit("https://shop.example/");
            List<Finding> fs = findings(20);
            store.complete(a.lease(), result(72, fs));
            Audit done = store.get(a.id());
            assertThat(done.status()).isEqualTo(AuditStatus.COMPLETED);
            assertThat(done.completedAt()).isPresent();
            var r = done.result().orElseThrow();
            assertThat(r.trustScore()).isEqualTo(72);
            assertThat(r.riskLevel()).isEqualTo(RiskLevel.PROBABLY_SAFE);
            assertThat(r.signals()).containsKeys("security", "dark_patterns");
            assertThat(r.signals().get("dark_patterns").score()).isEqualTo(0.72);
            assertThat(r.narrative()).isEqualTo("Narrative for score 72");
            assertThat(r.recommendations()).hasSize(1);
            assertThat(r.recommendations().get(0).priority()).isEqualTo(Severity.HIGH);
            assertThat(r.securityResults().get("grade").asText()).isEqualTo("B");
            assertThat(r.findings()).containsExactlyElementsOf(fs);
            List<AuditEvent> events = store.eventsAfter(a.id(), 0, 100);
            assertThat(events.get(events.size() - 1).type()).isEqualTo("audit_result");
            assertThat(events.get(events.size() - 1).data().get("trust_score").asInt()).isEqualTo(72);
        }

        @Test
        void illegalTransitionsAreErrorsAndChangeNothing() {
            Audit a = completedAudit("https://done.example/", 90, List.of());
            Lease old = new Lease(a.id(), ME, 1);
            assertThatThrownBy(() -> store.complete(old, result(10, List.of())))
                    .isInstanceOf(LeaseLostException.class).hasMessageContaining("it is completed");
            assertThatThrownBy(() -> store.fail(old, "boom")).isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.cancel(a.id(), "stop")).isInstanceOf(IllegalTransitionException.class);
            assertThat(store.claimNext(ME, LEASE)).isEmpty();
            Audit queued = store.create(newAudit("https://q.example/"));
            assertThatThrownBy(() -> store.complete(new Lease(queued.id(), ME, 0), result(50, List.of())))
                    .isInstanceOf(LeaseLostException.class).hasMessageContaining("it is queued");
            Audit after = store.get(a.id());
            assertThat(after.result().orElseThrow().trustScore()).isEqualTo(90);
            assertThat(after.version()).isEqualTo(a.version());
        }

        @Test
        void failAndCancelEndAnAuditWithTheirOwnTerminalEvent() {
            Audit queued = store.create(newAudit("https://one.example/"));
            Claim running = runningAudit("https://two.example/");
            store.cancel(queued.id(), "user asked");
            store.fail(running.lease(), "page never answered");
            assertThat(store.get(queued.id()).status()).isEqualTo(AuditStatus.CANCELLED);
            Audit failed = store.get(running.id());
            assertThat(failed.status()).isEqualTo(AuditStatus.FAILED);
            assertThat(failed.errorMessage()).contains("page never answered");
            assertThat(last(queued.id()).type()).isEqualTo("audit_cancelled");
            assertThat(last(running.id()).type()).isEqualTo("audit_error");
            assertThat(last(running.id()).data().get("error").asText()).isEqualTo("page never answered");
        }

        @Test
        void unknownIdsAreNotFound() {
            AuditId nobody = AuditId.random();
            assertThat(store.find(nobody)).isEmpty();
            assertThat(store.status(nobody)).isEmpty();
            assertThatThrownBy(() -> store.get(nobody)).isInstanceOf(AuditNotFoundException.class).hasMessageContaining(nobody.value());
            Lease none = new Lease(nobody, ME, 1);
            assertThatThrownBy(() -> store.complete(none, result(50, List.of()))).isInstanceOf(AuditNotFoundException.class);
            assertThatThrownBy(() -> store.fail(none, "x")).isInstanceOf(AuditNotFoundException.class);
            assertThatThrownBy(() -> store.cancel(nobody, "x")).isInstanceOf(AuditNotFoundException.class);
            assertThatThrownBy(() -> store.appendEvent(none, "log_entry", Json.object())).isInstanceOf(AuditNotFoundException.class);
            assertThatThrownBy(() -> store.eventsAfter(nobody, 0, 10)).isInstanceOf(AuditNotFoundException.class);
            assertThatThrownBy(() -> store.compare(List.of(nobody, AuditId.random()))).isInstanceOf(AuditNotFoundException.class);
            assertThat(store.delete(nobody)).isFalse();
            assertThat(store.renewLease(none, LEASE)).isFalse();
        }

        @Test
        void leasesRenewOnlyForTheirOwner() {
            Claim a = runningAudit("https://lease.example/");
            assertThat(store.renewLease(a.lease(), LEASE)).isTrue();
            assertThat(store.renewLease(new Lease(a.id(), ME.named("other"), a.lease().epoch()), LEASE)).isFalse();
            assertThat(store.renewLease(new Lease(a.id(), ME, a.lease().epoch() + 1), LEASE)).isFalse();
        }
    }

    @Nested
    class Events {
        @Test
        void appendedEventsGetIncreasingGlobalIdsAndReadBackInOrder() {
            Claim a = runningAudit("https://a.example/");
            Claim b = runningAudit("https://b.example/");
            long first = store.appendEvent(a.lease(), "phase_start", Json.object().put("phase", "capture"));
            long other = store.appendEvent(b.lease(), "phase_start", Json.object());
            List<Long> more = store.appendEvents(a.lease(), List.of(
                    new NewEvent("page_captured", Json.object().put("url", "https://a.example/")),
                    new NewEvent("finding", Json.object().put("n", 1))));
            assertThat(other).isGreaterThan(first);
            assertThat(more.get(0)).isGreaterThan(other);
            assertThat(more.get(1)).isGreaterThan(more.get(0));
            List<AuditEvent> after = store.eventsAfter(a.id(), first, 100);
            assertThat(after).extracting(AuditEvent::id).containsExactlyElementsOf(more);
            assertThat(after.get(0).data().get("url").asText()).isEqualTo("https://a.example/");

            // A replay from the start: this audit's events only, oldest first, each with its id, type and data as written.
            List<AuditEvent> all = store.eventsAfter(a.id(), 0, 100);
            assertThat(all).extracting(AuditEvent::type).containsExactly("status", "phase_start", "page_captured", "finding");
            assertThat(all).extracting(AuditEvent::auditId).containsOnly(a.id());
            assertThat(all.subList(1, 4)).extracting(AuditEvent::id).containsExactly(first, more.get(0), more.get(1));
            assertThat(all).extracting(AuditEvent::id).isSorted().doesNotHaveDuplicates().doesNotContain(other);
            assertThat(all.get(0).data().get("status").asText()).isEqualTo("running");
            assertThat(all.get(1).data()).isEqualTo(Json.object().put("phase", "capture"));
            assertThat(all.get(3).data()).isEqualTo(Json.object().put("n", 1));
            // In pages: the limit cuts at the oldest events, and the next page goes on from the last id read.
            List<AuditEvent> page = store.eventsAfter(a.id(), 0, 2);
            assertThat(page).isEqualTo(all.subList(0, 2));
            assertThat(store.eventsAfter(a.id(), page.get(1).id(), 2)).isEqualTo(all.subList(2, 4));
            assertThat(store.eventsAfter(a.id(), more.get(1), 100)).isEmpty();
        }

        @Test
        void anAppendLargerThanOneInsertStatementKeepsEveryEventInOrder() {
            // 250 events: more rows than one multi-row INSERT takes (100), so the append spans three statements of two sizes.
            Claim a = runningAudit("https://many.example/");
            List<NewEvent> events = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                events.add(new NewEvent(i % 2 == 0 ? "log_entry" : "page_captured", Json.object().put("n", i)));
            }
            List<Long> ids = store.appendEvents(a.lease(), events);
            long next = store.appendEvent(a.lease(), "log_entry", Json.object().put("n", 250));

            assertThat(ids).hasSize(250).isSorted().doesNotHaveDuplicates();
            assertThat(next).isGreaterThan(ids.get(249));
            List<AuditEvent> stored = store.eventsAfter(a.id(), ids.get(0) - 1, 1000);
            assertThat(stored).hasSize(251);
            assertThat(stored).extracting(AuditEvent::id).startsWith(ids.toArray(Long[]::new)).endsWith(next);
            for (int i = 0; i < 250; i++) {
                assertThat(stored.get(i).type()).isEqualTo(events.get(i).type());
                assertThat(stored.get(i).data().get("n").asInt()).as("event %d", i).isEqualTo(i);
            }
        }

        @Test
        void anEndedAuditTakesNoMoreEvents() {
            Audit a = completedAudit("https://x.example/", 80, List.of());
            assertThatThrownBy(() -> store.appendEvent(new Lease(a.id(), ME, 1), "log_entry", Json.object()))
                    .isInstanceOf(LeaseLostException.class).hasMessageContaining("completed");
        }

        @Test
        void terminalEventsCannotBeAppendedDirectly() {
            Claim a = runningAudit("https://x.example/");
            assertThatThrownBy(() -> store.appendEvent(a.lease(), "audit_result", Json.object()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.appendEvent(a.lease(), "Bad Type!", Json.object()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theSignalFiresAfterCommit() throws Exception {
            Claim a = runningAudit("https://sig.example/");
            long generation = store.eventSignal().generation(a.id());
            store.appendEvent(a.lease(), "log_entry", Json.object());
            assertThat(store.eventSignal().generation(a.id())).isGreaterThan(generation);
        }
    }

    @Nested
    class History {
        @Test
        void newestFirstWithFiltersAndTotal() {
            Audit low = completedAudit("https://bad.example/", 15, List.of());
            Audit high = completedAudit("https://good.example/", 95, List.of());
            Audit mid = completedAudit("https://shop.good.example/cart", 55, List.of());
            Audit queued = store.create(newAudit("https://later.example/"));

            HistoryPage all = store.history(HistoryQuery.all());
            assertThat(all.total()).isEqualTo(4);
            assertThat(all.items()).extracting(AuditSummary::id).containsExactly(queued.id(), mid.id(), high.id(), low.id());
            assertThat(all.nextCursor()).isEmpty();

            assertThat(ids(HistoryQuery.builder().status(AuditStatus.QUEUED).build())).containsExactly(queued.id());
            assertThat(ids(HistoryQuery.builder().riskLevel(RiskLevel.TRUSTED).build())).containsExactly(high.id());
            assertThat(ids(HistoryQuery.builder().host("GOOD.example").build())).containsExactly(high.id());
            assertThat(ids(HistoryQuery.builder().urlContains("good.example").build())).containsExactly(mid.id(), high.id());
            assertThat(ids(HistoryQuery.builder().urlContains("100%_").build())).isEmpty();
            assertThat(ids(HistoryQuery.builder().minScore(50).maxScore(90).build())).containsExactly(mid.id());
            assertThat(ids(HistoryQuery.builder().createdFrom(high.createdAt()).createdTo(mid.createdAt()).build()))
                    .containsExactly(mid.id(), high.id());
            assertThat(store.history(HistoryQuery.builder().minScore(50).build()).total()).isEqualTo(2);
            assertThat(ids(HistoryQuery.builder().sort(HistorySort.SCORE_DESC).build())).containsExactly(high.id(), mid.id(), low.id(), queued.id());
            assertThat(ids(HistoryQuery.builder().sort(HistorySort.OLDEST).build())).containsExactly(low.id(), high.id(), mid.id(), queued.id());
        }

        @Test
        void totalsFollowEveryLifecycleChange() {
            Audit q1 = store.create(newAudit("https://t1.example/"));
            store.create(newAudit("https://t2.example/"));
            Claim r = runningAudit("https://t3.example/");
            Claim dead = store.createRunning(newAudit("https://t4.example/"), DEAD, LEASE);
            store.complete(r.lease(), result(80, List.of()));
            store.cancel(q1.id(), "no");
            store.claimNext(ME, LEASE).orElseThrow();
            store.recoverInterrupted();
            store.delete(r.id());
            assertThat(totals()).isEqualTo(Map.of(AuditStatus.QUEUED, 1L, AuditStatus.RUNNING, 1L, AuditStatus.CANCELLED, 1L));
            for (AuditStatus s : AuditStatus.values()) {
                long counted = store.history(HistoryQuery.builder().status(s).limit(200).build()).items().size();
                assertThat(store.history(HistoryQuery.builder().status(s).build()).total()).as(s.wire()).isEqualTo(counted);
            }
            assertThat(store.history(HistoryQuery.all()).total()).isEqualTo(3);
            assertThat(store.countByStatus().get(AuditStatus.QUEUED)).isEqualTo(1);
            assertThat(dead.audit().status()).isEqualTo(AuditStatus.RUNNING);
        }

        private Map<AuditStatus, Long> totals() {
            Map<AuditStatus, Long> m = new EnumMap<>(AuditStatus.class);
            for (AuditStatus s : AuditStatus.values()) {
                long n = store.history(HistoryQuery.builder().status(s).build()).total();
                if (n > 0) {
                    m.put(s, n);
                }
            }
            return m;
        }

        @Test
        void summariesCarryCountsAndScores() {
            Audit a = completedAudit("https://s.example/", 64, findings(3));
            AuditSummary s = store.history(HistoryQuery.all()).items().get(0);
            assertThat(s.id()).isEqualTo(a.id());
            assertThat(s.trustScore()).contains(64);
            assertThat(s.riskLevel()).contains(RiskLevel.SUSPICIOUS);
            assertThat(s.findingsCount()).isEqualTo(3);
            assertThat(s.siteType()).contains("ecommerce");
            assertThat(s.signals()).containsKey("security");
        }

        @Test
        void cursorPagesStayStableWhileAuditsAreInserted() throws Exception {
            List<AuditId> existing = new ArrayList<>();
            for (int i = 0; i < 57; i++) {
                existing.add(store.create(newAudit("https://page" + i + ".example/")).id());
            }
            AtomicBoolean paging = new AtomicBoolean(true);
            ExecutorService inserter = Executors.newSingleThreadExecutor();
            Future<Integer> inserted = inserter.submit(() -> {
                int n = 0;
                while (paging.get() || n < 5) {
                    store.create(newAudit("https://new" + n + ".example/"));
                    n++;
                }
                return n;
            });
            List<AuditId> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            HistoryQuery.Builder q = HistoryQuery.builder().urlContains("page").limit(10);
            do {
                HistoryPage page = store.history(q.cursor(cursor.orElse(null)).build());
                page.items().forEach(s -> seen.add(s.id()));
                cursor = page.nextCursor();
                store.create(newAudit("https://page-late" + seen.size() + ".example/"));
            } while (cursor.isPresent());
            paging.set(false);
            assertThat(inserted.get()).isPositive();
            inserter.shutdown();

            Set<AuditId> unique = new HashSet<>(seen);
            assertThat(unique).hasSize(seen.size());                 // no audit on two pages
            assertThat(unique).containsAll(existing);               // none skipped
            List<AuditId> newestFirst = new ArrayList<>(existing);
            Collections.reverse(newestFirst);
            assertThat(seen.subList(seen.size() - existing.size(), seen.size())).containsExactlyElementsOf(newestFirst.subList(0, existing.size()));
        }

        @Test
        void scoreSortedCursorsVisitEveryAuditOnce() {
            for (int i = 0; i < 25; i++) {
                completedAudit("https://score" + i + ".example/", (i * 7) % 100, List.of());
            }
            store.create(newAudit("https://unscored.example/"));
            for (HistorySort sort : List.of(HistorySort.SCORE_ASC, HistorySort.SCORE_DESC)) {
                List<AuditSummary> seen = new ArrayList<>();
                Optional<String> cursor = Optional.empty();
                do {
                    HistoryPage page = store.history(HistoryQuery.builder().sort(sort).limit(4).cursor(cursor.orElse(null)).build());
                    seen.addAll(page.items());
                    cursor = page.nextCursor();
                } while (cursor.isPresent());
                assertThat(seen).hasSize(26);
                assertThat(seen.stream().map(AuditSummary::id).distinct().count()).isEqualTo(26);
                List<Integer> scores = seen.stream().map(s -> s.trustScore().orElse(-1)).toList();
                List<Integer> sorted = new ArrayList<>(scores);
                sorted.sort(sort == HistorySort.SCORE_ASC ? Comparator.naturalOrder() : Comparator.reverseOrder());
                assertThat(scores).containsExactlyElementsOf(sorted);
            }
        }

        @Test
        void aForeignCursorIsRejectedWithAClearMessage() {
            assertThatThrownBy(() -> store.history(HistoryQuery.builder().cursor("not-a-cursor!").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start again without a cursor");
            String newestCursor = new HistoryCursor(HistorySort.NEWEST, -1, 10).encode();
            assertThatThrownBy(() -> store.history(HistoryQuery.builder().sort(HistorySort.SCORE_ASC).cursor(newestCursor).build()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void auditsOfAUrlAreNewestFirst() {
            Audit one = completedAudit("https://same.example/", 40, List.of());
            Audit two = completedAudit("https://same.example/", 60, List.of());
            completedAudit("https://other.example/", 60, List.of());
            assertThat(store.auditsOfUrl("same.example", 10)).extracting(AuditSummary::id).containsExactly(two.id(), one.id());
        }

        private List<AuditId> ids(HistoryQuery q) {
            return store.history(q).items().stream().map(AuditSummary::id).toList();
        }
    }

    @Nested
    class Compare {
        @Test
        void overlappingFindingsAreSplitIntoAddedRemovedAndUnchanged() {
            Finding timer = finding("dp.timer", "countdown_timer", Severity.HIGH, "Offer ends in 04:59");
            Finding stock = finding("dp.text", "low_stock_message", Severity.MEDIUM, "Only 3 left");
            Finding shame = finding("dp.text", "confirmshaming", Severity.MEDIUM, "No thanks, I hate saving");
            Finding timerLater = finding("dp.timer", "countdown_timer", Severity.HIGH, "Offer ends in 03:10");
            Audit before = completedAudit("https://shop.example/", 40, List.of(timer, stock));
            Audit after = completedAudit("https://shop.example/", 70, List.of(timerLater, shame));

            Comparison c = store.compare(List.of(after.id(), before.id()));
            assertThat(c.audits()).extracting(Comparison.Compared::auditId).containsExactly(before.id(), after.id());
            assertThat(c.trustScoreDeltas()).singleElement().satisfies(d -> {
                assertThat(d.delta()).contains(30);
                assertThat(d.percentageChange()).contains(75.0);
            });
            assertThat(c.riskLevelChanges()).singleElement().satisfies(r -> {
                assertThat(r.from()).isEqualTo("suspicious");
                assertThat(r.to()).isEqualTo("probably_safe");
            });
            assertThat(c.signalDeltas()).filteredOn(s -> s.signal().equals("dark_patterns")).singleElement()
                    .satisfies(s -> assertThat(s.delta()).contains(0.3));
            var diff = c.findingChanges().get(0);
            assertThat(diff.unchanged()).extracting(Comparison.FindingRef::patternType).containsExactly("countdown_timer");
            assertThat(diff.added()).extracting(Comparison.FindingRef::patternType).containsExactly("confirmshaming");
            assertThat(diff.removed()).extracting(Comparison.FindingRef::patternType).containsExactly("low_stock_message");
            assertThat(c.audits().get(0).findingsSummary().total()).isEqualTo(2);
        }

        @Test
        void disjointFindingsAreAllAddedOrRemoved() {
            Audit a = completedAudit("https://d.example/", 50, findings(3));
            Audit b = completedAudit("https://d.example/", 50, List.of(finding("tls.expired", "certificate_expired", Severity.CRITICAL, "expired")));
            Audit c = store.create(newAudit("https://d.example/"));
            Comparison cmp = store.compare(List.of(a.id(), b.id(), c.id()));
            assertThat(cmp.findingChanges()).hasSize(2);
            assertThat(cmp.findingChanges().get(0).added()).hasSize(1);
            assertThat(cmp.findingChanges().get(0).removed()).hasSize(3);
            assertThat(cmp.findingChanges().get(0).unchanged()).isEmpty();
            assertThat(cmp.trustScoreDeltas().get(0).percentageChange()).contains(0.0);
            // c is still queued: no score is not a score of 0
            assertThat(cmp.trustScoreDeltas().get(1).delta()).isEmpty();
            assertThat(cmp.trustScoreDeltas().get(1).percentageChange()).isEmpty();
            assertThat(cmp.riskLevelChanges()).singleElement().satisfies(r -> assertThat(r.to()).isEqualTo("unknown"));
            // ... and found nothing because it never looked: its findings are not compared at all
            assertThat(cmp.findingChanges().get(0).comparable()).isTrue();
            assertThat(cmp.findingChanges().get(1).comparable()).isFalse();
            assertThat(cmp.findingChanges().get(1).removed()).isEmpty();
            assertThat(cmp.audits()).extracting(Comparison.Compared::tier).containsOnly(a.tier());
            assertThat(cmp.audits().get(0).pagesScanned()).isEqualTo(a.result().map(r -> r.pagesScanned()));
            assertThat(cmp.audits().get(2).pagesScanned()).isEmpty();
        }

        @Test
        void needsTwoDistinctAudits() {
            Audit a = completedAudit("https://d.example/", 50, List.of());
            assertThatThrownBy(() -> store.compare(List.of(a.id(), a.id()))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 2");
        }
    }

    @Nested
    class Screenshots {
        @Test
        void screenshotsAreWrittenWithDigestAndRead() throws Exception {
            Claim a = runningAudit("https://img.example/");
            byte[] png = pngBytes();
            Screenshot s = store.addScreenshot(a.lease(), new NewScreenshot(0, "viewport at load", Optional.of("https://img.example/"), "image/png", 10, 20, png));
            assertThat(s.sha256()).hasSize(64);
            assertThat(s.sizeBytes()).isEqualTo(png.length);
            assertThat(s.filePath()).startsWith(a.id().value() + "/").endsWith(".png");
            ScreenshotContent content = store.screenshot(a.id(), 0).orElseThrow();
            assertThat(bytesOf(content)).isEqualTo(png);
            assertThat(content.screenshot()).isEqualTo(s);
            assertThat(store.get(a.id()).screenshots()).containsExactly(s);
            assertThat(store.screenshot(a.id(), 1)).isEmpty();
            assertThat(storedImages(a.id())).isEqualTo(1);
        }

        /** Larger than any one piece a store may split it into: read back whole, in order, with what a server needs to serve it. */
        @Test
        void aLargeImageIsReadBackExactlyWithItsTypeAndDigest() throws Exception {
            Claim a = runningAudit("https://large.example/");
            byte[] jpeg = new byte[700_001];
            new Random(12).nextBytes(jpeg);
            store.addScreenshot(a.lease(), new NewScreenshot(3, "full page", Optional.empty(), "image/jpeg", 1280, 4000, jpeg));
            ScreenshotContent content = store.screenshot(a.id(), 3).orElseThrow();
            assertThat(content.screenshot().mediaType()).isEqualTo("image/jpeg");
            assertThat(content.screenshot().sizeBytes()).isEqualTo(jpeg.length);
            assertThat(content.screenshot().sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(jpeg)));
            assertThat(bytesOf(content)).isEqualTo(jpeg);
            try (var in = content.open()) {
                assertThat(in.read()).isEqualTo(jpeg[0] & 0xff);
                assertThat(in.skip(jpeg.length - 2)).isEqualTo(jpeg.length - 2);
                assertThat(in.read()).isEqualTo(jpeg[jpeg.length - 1] & 0xff);
                assertThat(in.read()).isEqualTo(-1);
            }
            store.complete(a.lease(), result(60, List.of()));
            assertThat(store.delete(a.id())).isTrue();
            assertThat(store.screenshot(a.id(), 3)).isEmpty();
            assertThat(storedImages(a.id())).isZero();
        }

        @Test
        void aDuplicateIndexIsRefusedAndLeavesNoFileBehind() throws Exception {
            Claim a = runningAudit("https://img.example/");
            store.addScreenshot(a.lease(), new NewScreenshot(0, "t0", Optional.empty(), "image/png", 1, 1, pngBytes()));
            assertThatThrownBy(() -> store.addScreenshot(a.lease(), new NewScreenshot(0, "again", Optional.empty(), "image/png", 1, 1, pngBytes())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
            assertThat(storedImages(a.id())).isEqualTo(1);
            assertThat(bytesOf(store.screenshot(a.id(), 0).orElseThrow())).isEqualTo(pngBytes());
        }

        @Test
        void aRefusedDuplicateWithTheSameLabelKeepsTheRecordedImage() throws Exception {
            Claim a = runningAudit("https://img-same.example/");
            store.addScreenshot(a.lease(), new NewScreenshot(0, "home", Optional.empty(), "image/png", 1, 1, pngBytes()));
            byte[] other = Arrays.copyOf(pngBytes(), pngBytes().length + 1);
            assertThatThrownBy(() -> store.addScreenshot(a.lease(), new NewScreenshot(0, "home", Optional.empty(), "image/png", 1, 1, other)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
            assertThat(bytesOf(store.screenshot(a.id(), 0).orElseThrow())).isEqualTo(pngBytes());
        }

        @Test
        void aScreenshotOfAnUnknownAuditLeavesNoFile() throws Exception {
            AuditId nobody = AuditId.random();
            assertThatThrownBy(() -> store.addScreenshot(new Lease(nobody, ME, 1), new NewScreenshot(0, "t0", Optional.empty(), "image/png", 1, 1, pngBytes())))
                    .isInstanceOf(AuditNotFoundException.class);
            assertThat(storedImages(nobody)).isZero();
        }
    }

    @Nested
    class Delete {
        @Test
        void deleteRemovesRowsEventsAndFiles() throws Exception {
            Claim a = runningAudit("https://del.example/");
            store.addScreenshot(a.lease(), new NewScreenshot(0, "t0", Optional.empty(), "image/png", 1, 1, pngBytes()));
            store.appendEvent(a.lease(), "log_entry", Json.object());
            store.complete(a.lease(), result(50, findings(5)));
            assertThat(storedImages(a.id())).isEqualTo(1);

            assertThat(store.delete(a.id())).isTrue();
            assertThat(store.find(a.id())).isEmpty();
            assertThat(storedImages(a.id())).isZero();
            assertThatThrownBy(() -> store.eventsAfter(a.id(), 0, 10)).isInstanceOf(AuditNotFoundException.class);
            assertThat(store.check().rowCounts()).containsEntry("audit_findings", 0L).containsEntry("audit_events", 0L)
                    .containsEntry("audit_screenshots", 0L);
            assertThat(store.delete(a.id())).isFalse();
        }

        @Test
        void aRunningAuditMustBeCancelledBeforeItIsDeleted() {
            Claim a = runningAudit("https://del.example/");
            assertThatThrownBy(() -> store.delete(a.id())).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("cancel it first");
            store.cancel(a.id(), "stop");
            assertThat(store.delete(a.id())).isTrue();
        }
    }

    @Nested
    class Recovery {
        @Test
        void auditsOfADeadWorkerGoBackToTheQueueThenFailAfterThreeInterruptions() {
            Claim a = store.createRunning(newAudit("https://crash.example/"), DEAD, LEASE);
            Claim mine = runningAudit("https://alive.example/");
            for (int attempt = 1; attempt < AuditStore.MAX_ATTEMPTS; attempt++) {
                RecoveryReport report = store.recoverInterrupted();
                assertThat(report.requeued()).containsExactly(a.id());
                Audit requeued = store.get(a.id());
                assertThat(requeued.status()).isEqualTo(AuditStatus.QUEUED);
                assertThat(requeued.attempts()).isEqualTo(attempt);
                Claim claimed = store.claimNext(DEAD, LEASE).orElseThrow();
                assertThat(claimed.id()).isEqualTo(a.id());
            }
            RecoveryReport last = store.recoverInterrupted();
            assertThat(last.failed()).containsExactly(a.id());
            Audit failed = store.get(a.id());
            assertThat(failed.status()).isEqualTo(AuditStatus.FAILED);
            assertThat(failed.errorMessage().orElseThrow()).contains("interrupted");
            assertThat(last(a.id()).type()).isEqualTo("audit_error");
            assertThat(store.get(mine.id()).status()).isEqualTo(AuditStatus.RUNNING);
        }

        @Test
        void anExpiredLeaseIsRecoveredEvenForALiveLookingWorker() {
            WorkerId remote = new WorkerId("another-host", 1, 1, "w");
            Claim a = store.createRunning(newAudit("https://remote.example/"), remote, LEASE);
            assertThat(store.recoverInterrupted().isEmpty()).isTrue();
            clock.advance(LEASE.plusSeconds(1));
            assertThat(store.recoverInterrupted().requeued()).containsExactly(a.id());
        }

        @Test
        void aRequeuedAuditLosesItsPartialScreenshotsAndProgressButKeepsItsStatusEvents() throws Exception {
            Claim a = store.createRunning(newAudit("https://crash.example/"), DEAD, LEASE);
            store.addScreenshot(a.lease(), new NewScreenshot(0, "t0", Optional.empty(), "image/png", 1, 1, pngBytes()));
            store.appendEvent(a.lease(), "screenshot", Json.object().put("index", 0));
            store.appendEvent(a.lease(), "log_entry", Json.object().put("message", "captured"));
            store.recoverInterrupted();
            assertThat(store.get(a.id()).screenshots()).isEmpty();
            assertThat(storedImages(a.id())).isZero();
            // A replay never points at an image of another attempt: only the status events of the attempt remain.
            assertThat(store.eventsAfter(a.id(), 0, 100)).extracting(AuditEvent::type).containsExactly("status", "status");
            assertThat(store.eventsAfter(a.id(), 0, 100).get(1).data().get("reason").asText()).isEqualTo("interrupted");
        }
    }

    /** A worker whose claim has moved on changes nothing: every write it makes is refused in the write's transaction. */
    @Nested
    class Fencing {
        @Test
        void aStaleWorkerCanNoLongerWriteOnceTheAuditWasClaimedAgain() throws Exception {
            WorkerId slow = ME.named("slow");
            WorkerId fresh = ME.named("fresh");
            Claim stale = store.createRunning(newAudit("https://fenced.example/"), slow, LEASE);
            store.appendEvent(stale.lease(), "log_entry", Json.object().put("message", "first attempt"));
            clock.advance(LEASE.plusSeconds(1)); // the slow worker paused past its lease
            assertThat(store.recoverInterrupted().requeued()).containsExactly(stale.id());
            Claim current = store.claimNext(fresh, LEASE).orElseThrow();
            assertThat(current.lease().epoch()).isGreaterThan(stale.lease().epoch());
            long fencedBefore = store.fencedWrites();
            List<AuditEvent> eventsBefore = store.eventsAfter(stale.id(), 0, 1000);
            Audit before = store.get(stale.id());

            Lease old = stale.lease();
            NewScreenshot shot = new NewScreenshot(0, "late", Optional.empty(), "image/png", 1, 1, pngBytes());
            assertThatThrownBy(() -> store.appendEvent(old, "log_entry", Json.object())).isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.appendEvents(old, List.of(new NewEvent("log_entry", Json.object()))))
                    .isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.addScreenshot(old, shot)).isInstanceOf(LeaseLostException.class);
            assertThatThrownBy(() -> store.complete(old, result(99, findings(3)))).isInstanceOf(LeaseLostException.class)
                    .hasMessageContaining("slow").hasMessageContaining("running");
            assertThatThrownBy(() -> store.fail(old, "late failure")).isInstanceOf(LeaseLostException.class);
            assertThat(store.renewLease(old, LEASE)).isFalse();
            assertThat(store.release(old, "late release")).isFalse();

            // Zero rows changed: the same events, no screenshot row or file, the audit still running for the new claim.
            assertThat(store.eventsAfter(stale.id(), 0, 1000)).isEqualTo(eventsBefore);
            Audit after = store.get(stale.id());
            assertThat(after.status()).isEqualTo(AuditStatus.RUNNING);
            assertThat(after.version()).isEqualTo(before.version());
            assertThat(after.screenshots()).isEmpty();
            assertThat(storedImages(stale.id())).isZero();
            assertThat(store.fencedWrites() - fencedBefore).isEqualTo(5);

            store.addScreenshot(current.lease(), shot);
            store.complete(current.lease(), result(70, findings(2)));
            Audit done = store.get(stale.id());
            assertThat(done.status()).isEqualTo(AuditStatus.COMPLETED);
            assertThat(done.result().orElseThrow().trustScore()).isEqualTo(70);
            assertThat(done.screenshots()).hasSize(1);
        }

        @Test
        void aCancelledAuditRefusesItsWorkerSayingSo() {
            Claim a = runningAudit("https://cancelled.example/");
            store.cancel(a.id(), "changed my mind");
            assertThatThrownBy(() -> store.appendEvent(a.lease(), "log_entry", Json.object()))
                    .isInstanceOfSatisfying(LeaseLostException.class, e -> assertThat(e.current()).isEqualTo(AuditStatus.CANCELLED));
            assertThatThrownBy(() -> store.complete(a.lease(), result(50, List.of()))).isInstanceOf(LeaseLostException.class);
            assertThat(store.get(a.id()).status()).isEqualTo(AuditStatus.CANCELLED);
            assertThat(last(a.id()).type()).isEqualTo("audit_cancelled");
        }

        @Test
        void aReleasedAuditIsClaimedUnderANewEpoch() {
            Claim first = runningAudit("https://released.example/");
            assertThat(store.release(first.lease(), "shutting down")).isTrue();
            Claim second = store.claimNext(ME, LEASE).orElseThrow();
            assertThat(second.lease().worker()).isEqualTo(ME);
            assertThat(second.lease().epoch()).isEqualTo(first.lease().epoch() + 1);
            // Same worker name, older claim: still refused.
            assertThatThrownBy(() -> store.appendEvent(first.lease(), "log_entry", Json.object())).isInstanceOf(LeaseLostException.class);
            store.appendEvent(second.lease(), "log_entry", Json.object());
        }
    }

    /** Image files left in an audit's screenshot folder (the folder itself may stay behind, empty). */
    /** How many images this store holds for the audit, wherever it keeps their bytes (here: files beside the database). */
    protected long storedImages(AuditId id) throws Exception {
        Path dir = dataDir.resolve("screenshots").resolve(id.value());
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    protected static byte[] bytesOf(ScreenshotContent content) throws IOException {
        try (var in = content.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void checkReportsOk() {
        completedAudit("https://ok.example/", 80, findings(2));
        StoreCheck check = store.check();
        assertThat(check.problems()).isEmpty();
        assertThat(check.ok()).isTrue();
        assertThat(check.schemaVersion()).isNotEqualTo("none");
        assertThat(check.rowCounts()).containsEntry("audits_completed", 1L).containsEntry("audit_findings", 2L);
    }

    protected AuditEvent last(AuditId id) {
        List<AuditEvent> events = store.eventsAfter(id, 0, 1000);
        return events.get(events.size() - 1);
    }

    protected static byte[] pngBytes() {
        return Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }
}
