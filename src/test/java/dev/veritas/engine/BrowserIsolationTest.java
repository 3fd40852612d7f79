package dev.veritas.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditEvent;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.NewAudit;
import dev.veritas.audit.TargetUrl;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import dev.veritas.store.WorkerId;
import dev.veritas.store.sqlite.SqliteAuditStore;
import dev.veritas.store.sqlite.SqliteOptions;
import dev.veritas.testing.NeedsChromium;
import dev.veritas.testing.Requirements;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine keeps its browser warm between audits, but nothing a site leaves in it may reach the next audit: each
 * audit gets a fresh browser context, so cookies, localStorage and sessionStorage start empty every time. A site
 * that could recognise Veritas' second visit could show it something else.
 */
@NeedsChromium
class BrowserIsolationTest {
    /** Sets a cookie and storage on every visit and shows in its title what it found from earlier visits. */
    private static final String PAGE = "<!doctype html><html><head><title>loading</title><script>"
            + "const stored = localStorage.getItem('seen') || 'none';"
            + "const session = sessionStorage.getItem('seen') || 'none';"
            + "localStorage.setItem('seen', 'yes'); sessionStorage.setItem('seen', 'yes');"
            + "document.title = 'cookie=' + document.cookie + ' stored=' + stored + ' session=' + session;"
            + "</script></head><body><h1>Visits</h1><p>A page that remembers its visitors.</p></body></html>";

    @TempDir
    Path dataDir;

    @BeforeAll
    static void needsChromium() {
        Requirements.chromium();
    }

    @Test
    void aWarmBrowserCarriesNoCookiesOrStorageFromOneAuditToTheNext() throws Exception {
        AtomicInteger visits = new AtomicInteger();
        List<String> cookiesSent = new CopyOnWriteArrayList<>();
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", ex -> {
            try (ex) {
                if (!ex.getRequestURI().getPath().equals("/")) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                cookiesSent.add(Optional.ofNullable(ex.getRequestHeaders().getFirst("Cookie")).orElse(""));
                byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.getResponseHeaders().add("Set-Cookie", "visit=" + visits.incrementAndGet() + "; Path=/; Max-Age=86400");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        site.start();
        String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/";
        try (SqliteAuditStore store = SqliteAuditStore.open(SqliteOptions.defaults(dataDir));
             Engine engine = new Engine(store, EngineOptions.defaults().withAllowPrivate(true))) {
            Audit first = engine.audit(new NewAudit(TargetUrl.parse(url), Tier.QUICK_SCAN, VerdictMode.EXPERT), WorkerId.current().named("test"), id -> { });
            Audit second = engine.audit(new NewAudit(TargetUrl.parse(url), Tier.QUICK_SCAN, VerdictMode.EXPERT), WorkerId.current().named("test"), id -> { });

            assertThat(first.status()).isEqualTo(AuditStatus.COMPLETED);
            assertThat(second.status()).isEqualTo(AuditStatus.COMPLETED);
            // The site did set its cookie and storage in the first audit: the browser kept them while that audit ran.
            assertThat(title(store, first)).isEqualTo("cookie=visit=1 stored=none session=none");
            // The second audit, in the same warm browser, started with nothing of it.
            assertThat(title(store, second)).startsWith("cookie=visit=").endsWith(" stored=none session=none").doesNotContain("visit=1");
            assertThat(cookiesSent).hasSizeGreaterThanOrEqualTo(2).allSatisfy(c -> assertThat(c).isEmpty());
        } finally {
            site.stop(0);
        }
    }

    private static String title(SqliteAuditStore store, Audit audit) {
        return store.eventsAfter(audit.id(), 0, 10_000).stream().filter(e -> e.type().equals("page_captured")).map(AuditEvent::data)
                .findFirst().orElseThrow().path("title").asText();
    }
}
