package dev.veritas.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.Evidence;
import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Severity;
import dev.veritas.audit.Tier;
import dev.veritas.json.EventPayload.AnalysisSummary;
import dev.veritas.json.EventPayload.AuditCancelled;
import dev.veritas.json.EventPayload.AuditCompleted;
import dev.veritas.json.EventPayload.AuditFailed;
import dev.veritas.json.EventPayload.CaptureStart;
import dev.veritas.json.EventPayload.CaptureSummary;
import dev.veritas.json.EventPayload.Claimed;
import dev.veritas.json.EventPayload.Created;
import dev.veritas.json.EventPayload.FindingFound;
import dev.veritas.json.EventPayload.HeaderGrade;
import dev.veritas.json.EventPayload.Interrupted;
import dev.veritas.json.EventPayload.JudgeSummary;
import dev.veritas.json.EventPayload.LogEntry;
import dev.veritas.json.EventPayload.LogLevel;
import dev.veritas.json.EventPayload.PageCaptured;
import dev.veritas.json.EventPayload.PhaseComplete;
import dev.veritas.json.EventPayload.PhaseStart;
import dev.veritas.json.EventPayload.Released;
import dev.veritas.json.EventPayload.ScreenshotTaken;
import dev.veritas.json.EventPayload.SecurityResult;
import dev.veritas.json.EventPayload.SiteTypeFound;
import dev.veritas.json.EventPayload.Stats;
import dev.veritas.json.EventPayload.StatsUpdate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event payload, written as the UI's live page, the CLI, SSE/WebSocket clients and events stored by earlier
 * versions expect it — the exact bytes the hand-built events had — and read back into an equal record.
 */
class EventPayloadTest {
    private static final Finding FINDING = new Finding("dark_patterns.fake_countdown", "urgency", "countdown_timer", Severity.HIGH, 0.9,
            "A countdown that restarts", "What it means", "In plain words", Optional.of("https://shop.example/cart"),
            Evidence.of("ends in 09:59", "#banner", Map.of("seen", List.of(1, 2))), OptionalInt.of(0));

    record Sample(EventPayload payload, String type, String json) {
        @Override
        public String toString() {
            return payload.getClass().getSimpleName() + " " + json;
        }
    }

    static List<Sample> samples() {
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("navigate", 420L);
        timings.put("settle", 80L);
        return List.of(
                new Sample(new PhaseStart("init", "Initialization", "Starting", 0, 5), "phase_start",
                        "{\"phase\":\"init\",\"label\":\"Initialization\",\"message\":\"Starting\",\"pct\":0,\"end_pct\":5}"),
                new Sample(new CaptureStart("capture", "Capturing pages", "Visiting up to 5 pages", 5, 60, 5), "phase_start",
                        "{\"phase\":\"capture\",\"label\":\"Capturing pages\",\"message\":\"Visiting up to 5 pages\",\"pct\":5,\"end_pct\":60,\"max_pages\":5}"),
                new Sample(new PhaseComplete("capture", "Capturing pages", "2 pages, 1 screenshots", 60,
                        new CaptureSummary(2, 1, "chromium", timings, OptionalLong.of(310))), "phase_complete",
                        "{\"phase\":\"capture\",\"label\":\"Capturing pages\",\"message\":\"2 pages, 1 screenshots\",\"pct\":60,\"summary\":"
                                + "{\"pages\":2,\"screenshots\":1,\"source\":\"chromium\",\"timings\":{\"navigate\":420,\"settle\":80},\"browser_start_ms\":310}}"),
                new Sample(new PhaseComplete("capture", "Reading capture", "3 pages in the capture", 60, CaptureSummary.of(3, 0, "har")),
                        "phase_complete", "{\"phase\":\"capture\",\"label\":\"Reading capture\",\"message\":\"3 pages in the capture\",\"pct\":60,"
                                + "\"summary\":{\"pages\":3,\"screenshots\":0,\"source\":\"har\"}}"),
                new Sample(new PhaseComplete("analysis", "Analysing", "4 findings", 85, new AnalysisSummary(4)), "phase_complete",
                        "{\"phase\":\"analysis\",\"label\":\"Analysing\",\"message\":\"4 findings\",\"pct\":85,\"summary\":{\"findings\":4}}"),
                new Sample(new PhaseComplete("judge", "Judging", "Trust score 72 (probably_safe)", 100, new JudgeSummary(72, RiskLevel.PROBABLY_SAFE)),
                        "phase_complete", "{\"phase\":\"judge\",\"label\":\"Judging\",\"message\":\"Trust score 72 (probably_safe)\",\"pct\":100,"
                                + "\"summary\":{\"trust_score\":72,\"risk_level\":\"probably_safe\"}}"),
                new Sample(new PageCaptured(0, "https://shop.example/", "https://shop.example/home", 200, "Home", "chromium", 1, 5, 16),
                        "page_captured", "{\"index\":0,\"url\":\"https://shop.example/\",\"final_url\":\"https://shop.example/home\",\"status\":200,"
                                + "\"title\":\"Home\",\"source\":\"chromium\",\"screenshots\":1,\"max_pages\":5,\"pct\":16}"),
                new Sample(new ScreenshotTaken(0, "viewport at load", "https://shop.example/", 1280, 800), "screenshot",
                        "{\"index\":0,\"label\":\"viewport at load\",\"page_url\":\"https://shop.example/\",\"width\":1280,\"height\":800}"),
                new Sample(new FindingFound(FINDING), "finding",
                        "{\"finding\":{\"check_id\":\"dark_patterns.fake_countdown\",\"category\":\"urgency\",\"pattern_type\":\"countdown_timer\","
                                + "\"severity\":\"high\",\"confidence\":0.9,\"title\":\"A countdown that restarts\",\"description\":\"What it means\","
                                + "\"plain_english\":\"In plain words\",\"page_url\":\"https://shop.example/cart\",\"evidence\":{\"text\":\"ends in 09:59\","
                                + "\"selector\":\"#banner\",\"values\":{\"seen\":[1,2]}},\"screenshot_index\":0}}"),
                new Sample(new SiteTypeFound("ecommerce", 0.8), "site_type", "{\"site_type\":\"ecommerce\",\"confidence\":0.8}"),
                new Sample(new SecurityResult("observatory", new HeaderGrade(Optional.of("B"), 70)), "security_result",
                        "{\"module\":\"observatory\",\"result\":{\"grade\":\"B\",\"score\":70}}"),
                new Sample(new SecurityResult("observatory", new HeaderGrade(Optional.empty(), 0)), "security_result",
                        "{\"module\":\"observatory\",\"result\":{\"grade\":null,\"score\":0}}"),
                new Sample(new StatsUpdate(new Stats(2, 1, 3, 4.2)), "stats_update",
                        "{\"stats\":{\"pages_scanned\":2,\"screenshots\":1,\"findings\":3,\"elapsed_seconds\":4.2}}"),
                new Sample(new LogEntry("12:00:01", "Capturing pages", "Captured https://shop.example/ (200)", LogLevel.WARNING), "log_entry",
                        "{\"timestamp\":\"12:00:01\",\"agent\":\"Capturing pages\",\"message\":\"Captured https://shop.example/ (200)\",\"level\":\"warning\"}"),
                new Sample(new Created(AuditStatus.QUEUED, "https://example.com/", Tier.QUICK_SCAN), "status",
                        "{\"status\":\"queued\",\"url\":\"https://example.com/\",\"tier\":\"quick_scan\"}"),
                new Sample(new Claimed("worker-1", 1), "status", "{\"status\":\"running\",\"worker\":\"worker-1\",\"attempt\":1}"),
                new Sample(new Released("the server is stopping"), "status", "{\"status\":\"queued\",\"reason\":\"the server is stopping\"}"),
                new Sample(new Interrupted(2), "status", "{\"status\":\"queued\",\"reason\":\"interrupted\",\"attempts\":2}"),
                new Sample(new AuditCompleted(93, RiskLevel.TRUSTED, 2, 1, 6120), "audit_result",
                        "{\"trust_score\":93,\"risk_level\":\"trusted\",\"findings_count\":2,\"pages_scanned\":1,\"elapsed_ms\":6120}"),
                new Sample(new AuditFailed("the site did not answer"), "audit_error", "{\"error\":\"the site did not answer\"}"),
                new Sample(new AuditCancelled("cancelled by a user"), "audit_cancelled", "{\"reason\":\"cancelled by a user\"}"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachPayloadIsWrittenWithItsDocumentedFieldsUnderItsType(Sample s) {
        assertThat(Json.write(s.payload())).isEqualTo(s.json());
        assertThat(s.payload().type().wire()).isEqualTo(s.type());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachPayloadReadsBackEqual(Sample s) throws Exception {
        assertThat(Json.MAPPER.readValue(s.json(), s.payload().getClass())).isEqualTo(s.payload());
        // Progress hands the store the tree of a payload, not its text: the store must write the same bytes from it.
        assertThat(Json.write(Json.tree(s.payload()))).isEqualTo(s.json());
    }

    @Test
    void everyPayloadHasASample() {
        Set<Class<?>> sampled = samples().stream().map(s -> s.payload().getClass()).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(Arrays.asList(EventPayload.class.getPermittedSubclasses()));
        Set<Class<?>> summaries = samples().stream().filter(s -> s.payload() instanceof PhaseComplete)
                .map(s -> ((PhaseComplete) s.payload()).summary().getClass()).collect(Collectors.toSet());
        assertThat(summaries).containsExactlyInAnyOrderElementsOf(Arrays.asList(EventPayload.PhaseSummary.class.getPermittedSubclasses()));
    }

    @Test
    void theWebUiHandlesEveryTypeWrittenButStatus() throws Exception {
        String live = new String(EventPayloadTest.class.getResourceAsStream("/public/js/pages/live.js").readAllBytes());
        for (Sample s : samples()) {
            if (!s.type().equals("status")) {
                assertThat(live).as(s.type()).containsPattern("\\b" + s.type() + "[(:]");
            }
        }
    }
}
