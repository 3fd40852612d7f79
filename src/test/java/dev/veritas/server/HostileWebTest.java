package dev.veritas.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.cli.Main;
import dev.veritas.testing.ChildJvm;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.sites.CertVariant;
import dev.veritas.testing.sites.TestSite;
import dev.veritas.testing.sites.TestSiteServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Sites that fight back, all submitted at once to a server with two workers, as an attacker would: pages whose
 * scripts never yield (late and early), a 50 MB page, a tarpit, an endless redirect chain, a page that sabotages the
 * built-ins an auditor's script uses, a page that nags with dialogs and windows, frames nested for ever, and a
 * closed port — then one ordinary page. Every audit must end within its tier's time plus a fixed margin with the
 * right status and reason, the ordinary page must complete, health must say ok, and no browser may outlive the
 * server.
 */
@NeedsChromium
@Isolated("what ends each hostile audit, and its reason, depends on its page budget, which must not be shared with other test classes' browsers and JVMs")
class HostileWebTest {
    /** Quick scan's 45 s plus the margin the issue allows. */
    private static final Duration LIMIT = Duration.ofSeconds(45 + 15);

    @TempDir
    Path dataDir;

    /** What one hostile target must end as. */
    private record Expect(String path, String status, String reasonPart, String findingId) {}

    @Test
    void hostilePagesEndWithinTheirBudgetAndTheServerKeepsServing() throws Exception {
        // The hostile pages come from a site without a Content-Security-Policy, so their scripts run; the ordinary
        // page is the honest shop, under the same test CA.
        try (TestSiteServer honest = TestSiteServer.start(TestSite.HONEST_SHOP);
             TestSiteServer site = TestSiteServer.start(TestSite.WEAK_HEADERS, CertVariant.VALID, honest.ca());
             ChildJvm server = ChildJvm.start(Main.class, dataDir, "serve", "--port", "0", "--data", dataDir.toString(),
                     "--workers", "2", "--allow-private", "--trust-ca", site.caPem().toString(), "--shutdown-grace", "5")) {
            ApiClient api = new ApiClient(ServerProcess.port(server));
            int closedPort = freePort();
            List<Expect> cases = List.of(
                    new Expect(site.httpsUrl("/_hostile/late-loop"), "completed", "stopped answering", "capture.page_cut_short"),
                    new Expect(site.httpsUrl("/_hostile/early-loop"), "completed", "stopped answering", "capture.page_cut_short"),
                    new Expect(site.httpsUrl("/_hostile/huge"), "completed", null, null),
                    new Expect(site.httpsUrl("/_hostile/drip"), "completed", "still loading", "capture.page_cut_short"),
                    new Expect(site.httpsUrl("/_hostile/chain/1"), "failed", "redirects in a loop", null),
                    new Expect(site.httpsUrl("/_hostile/sabotage"), "completed", null, "phishing.credential_form_cross_site"),
                    new Expect(site.httpsUrl("/_hostile/dialogs"), "completed", null, null),
                    new Expect(site.httpsUrl("/_hostile/nest"), "completed", null, null),
                    new Expect("https://127.0.0.1:" + closedPort + "/", "failed", "could not reach 127.0.0.1:" + closedPort + " — connection refused", null));
            Map<String, Expect> submitted = new LinkedHashMap<>();
            for (Expect e : cases) {
                submitted.put(api.submit(e.path(), "quick_scan"), e);
            }
            String ordinary = api.submit(honest.httpsUrl("/"), "quick_scan");

            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, Expect> s : submitted.entrySet()) {
                JsonNode audit = api.awaitEnd(s.getKey());
                Expect e = s.getValue();
                String what = e.path() + ": " + audit.path("status").asText() + " " + audit.path("error_message").asText("")
                        + " " + audit.path("errors");
                if (!audit.path("status").asText().equals(e.status())) {
                    problems.add("wrong status, " + what);
                }
                Duration took = Duration.between(Instant.parse(audit.path("started_at").asText()), Instant.parse(audit.path("completed_at").asText()));
                System.out.printf("hostile audit %-40s %-9s %5.1f s  %s%n", e.path().replaceFirst("https://127.0.0.1:\\d+", ""),
                        audit.path("status").asText(), took.toMillis() / 1000.0, audit.path("error_message").asText(""));
                if (took.compareTo(LIMIT) > 0) {
                    problems.add("took " + took.toSeconds() + " s, " + what);
                }
                if (e.reasonPart() != null && !(audit.path("error_message").asText("") + audit.path("errors")).contains(e.reasonPart())) {
                    problems.add("reason should say '" + e.reasonPart() + "', " + what);
                }
                if (e.path().endsWith("sabotage") && (audit.path("screenshots_count").asInt() == 0 || hasFinding(audit, "capture.page_cut_short"))) {
                    problems.add("the sabotaging page must be read in the browser, in full: " + what);
                }
                if (e.findingId() != null && StreamSupport.stream(audit.path("findings").spliterator(), false)
                        .noneMatch(f -> f.path("check_id").asText().equals(e.findingId()))) {
                    problems.add("no finding " + e.findingId() + ", " + what);
                }
            }
            assertThat(problems).isEmpty();

            JsonNode normal = api.awaitEnd(ordinary);
            assertThat(normal.path("status").asText()).isEqualTo("completed");
            assertThat(normal.path("trust_score").asInt()).isGreaterThanOrEqualTo(90);
            JsonNode health = api.get("/api/health").json();
            assertThat(health.path("status").asText()).as(health.toString()).isEqualTo("ok");

            List<ProcessHandle> browsers = ProcessHandle.of(server.pid()).orElseThrow().descendants()
                    .filter(p -> p.info().command().orElse("").contains("chromium")).toList();
            assertThat(browsers).as("the workers' browsers while serving").isNotEmpty();
            server.close();
            for (ProcessHandle b : browsers) {
                b.onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(browsers).noneMatch(ProcessHandle::isAlive);
        }
    }

    /**
     * Cancelling an audit whose page is still trickling in stops it at once: its only worker is free for the next audit
     * within seconds, where the page alone would hold it for most of its tier's time.
     */
    @Test
    void cancelStopsTheRunningPageWithinSeconds() throws Exception {
        try (TestSiteServer honest = TestSiteServer.start(TestSite.HONEST_SHOP);
             TestSiteServer site = TestSiteServer.start(TestSite.WEAK_HEADERS, CertVariant.VALID, honest.ca());
             ChildJvm server = ChildJvm.start(Main.class, dataDir, "serve", "--port", "0", "--data", dataDir.toString(),
                     "--workers", "1", "--allow-private", "--trust-ca", site.caPem().toString())) {
            ApiClient api = new ApiClient(ServerProcess.port(server));
            String tarpit = api.submit(site.httpsUrl("/_hostile/drip"), "quick_scan");
            String next = api.submit(honest.httpsUrl("/"), "quick_scan");
            assertThat(site.awaitRequest("/_hostile/drip", Duration.ofSeconds(60))).as("the tarpit is being visited").isTrue();
            Instant cancelledAt = Instant.now();
            assertThat(api.post("/api/audits/" + tarpit + "/cancel", "{}").status()).isEqualTo(200);

            JsonNode following = api.awaitEnd(next);
            assertThat(following.path("status").asText()).isEqualTo("completed");
            Duration freedAfter = Duration.between(cancelledAt, Instant.parse(following.path("started_at").asText()));
            assertThat(freedAfter).as("the worker was free %s after the cancel", freedAfter).isLessThan(Duration.ofSeconds(15));
            JsonNode cancelled = api.get("/api/audits/" + tarpit).json();
            assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
            List<ApiClient.SseEvent> events = api.events(tarpit, 0, 0);
            assertThat(events).extracting(ApiClient.SseEvent::type).last().isEqualTo("audit_cancelled");
            assertThat(events).extracting(ApiClient.SseEvent::type).containsOnlyOnce("audit_cancelled");
        }
    }

    private static boolean hasFinding(JsonNode audit, String checkId) {
        return StreamSupport.stream(audit.path("findings").spliterator(), false).anyMatch(f -> f.path("check_id").asText().equals(checkId));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
