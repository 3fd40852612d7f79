package dev.veritas.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditId;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.AuditStatus;
import dev.veritas.audit.AuditSummary;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Screenshot;
import dev.veritas.audit.Signal;
import dev.veritas.audit.Tier;
import dev.veritas.audit.VerdictMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public JSON shapes of audits: what {@code GET /api/audits/{id}} and {@code GET /api/audits} answer and
 * {@code veritas audit --json}, {@code show --json}, {@code history --json} and the JSON export print. One record per
 * shape, written by {@link Json}'s mapper, so the CLI and the API can never drift apart: a record's components, in
 * snake_case, are the field names, in their order. An absent value is an explicit {@code null}, never a missing field.
 */
public final class AuditJson {
    private AuditJson() {}

    public static String apiPath(AuditId id) {
        return "/api/audits/" + id.value();
    }

    /** Where the API serves a stored screenshot's image. */
    public static String screenshotPath(AuditId id, int index) {
        return apiPath(id) + "/screenshots/" + index;
    }

    /** The addresses a client follows from an audit: itself, its event stream and its report page in the web UI. */
    public record Links(String self, String events, String report) {
        public static Links of(AuditId id) {
            return new Links(apiPath(id), apiPath(id) + "/events", "/audits/" + id.value());
        }
    }

    /** An audit in full. The result's fields are null (empty lists and objects for collections) until it completes. */
    public record Detail(
            AuditId id,
            String url,
            String host,
            AuditStatus status,
            Tier tier,
            VerdictMode verdictMode,
            int attempts,
            Instant createdAt,
            Optional<Instant> startedAt,
            Optional<Instant> completedAt,
            Instant updatedAt,
            Optional<Integer> trustScore,
            Optional<RiskLevel> riskLevel,
            Map<String, Signal> signalScores,
            List<String> overrides,
            Optional<String> narrative,
            List<Recommendation> recommendations,
            Optional<String> siteType,
            Optional<Double> siteTypeConfidence,
            JsonNode securityResults,
            int pagesScanned,
            Optional<Long> elapsedMs,
            List<String> errors,
            int screenshotsCount,
            int findingsCount,
            Optional<String> errorMessage,
            List<Finding> findings,
            List<ScreenshotInfo> screenshots,
            Links links) {}

    /** A stored screenshot's metadata and the address of its image; where it lies on disk is not the client's business. */
    public record ScreenshotInfo(
            int index,
            String label,
            Optional<String> pageUrl,
            String mediaType,
            int width,
            int height,
            long sizeBytes,
            String sha256,
            Instant createdAt,
            String url) {

        public static ScreenshotInfo of(AuditId id, Screenshot s) {
            return new ScreenshotInfo(s.index(), s.label(), s.pageUrl(), s.mediaType(), s.width(), s.height(), s.sizeBytes(), s.sha256(),
                    s.createdAt(), screenshotPath(id, s.index()));
        }
    }

    /** One row of history: an audit without its findings, screenshots and narrative. */
    public record Summary(
            AuditId id,
            String url,
            String host,
            AuditStatus status,
            Tier tier,
            VerdictMode verdictMode,
            Optional<Integer> trustScore,
            Optional<RiskLevel> riskLevel,
            Map<String, Signal> signalScores,
            Optional<String> siteType,
            Optional<Double> siteTypeConfidence,
            int pagesScanned,
            int screenshotsCount,
            int findingsCount,
            Optional<Long> elapsedMs,
            int attempts,
            Instant createdAt,
            Optional<Instant> startedAt,
            Optional<Instant> completedAt,
            Optional<String> errorMessage,
            Links links) {}

    /** A page of history, with how many audits match in all and the cursor of the next page. */
    public record History(List<Summary> items, long total, Optional<String> nextCursor) {}

    /** What {@code POST /api/audits} takes, as the CLI sends it to a server. */
    public record Request(String url, Tier tier, VerdictMode verdictMode) {}

    /** The answer to a submitted audit: enough to follow it. */
    public record Submitted(AuditId id, AuditStatus status, String url, Tier tier, Links links) {
        public static Submitted of(Audit a) {
            return new Submitted(a.id(), a.status(), a.url(), a.tier(), Links.of(a.id()));
        }
    }

    public static Detail audit(Audit a) {
        Optional<AuditResult> r = a.result();
        return new Detail(a.id(), a.url(), a.host(), a.status(), a.tier(), a.verdictMode(), a.attempts(), a.createdAt(), a.startedAt(),
                a.completedAt(), a.updatedAt(),
                r.map(AuditResult::trustScore),
                r.map(AuditResult::riskLevel),
                r.map(AuditResult::signals).orElse(Map.of()),
                r.map(AuditResult::overrides).orElse(List.of()),
                r.map(AuditResult::narrative),
                r.map(AuditResult::recommendations).orElse(List.of()),
                r.map(AuditResult::siteType),
                r.map(AuditResult::siteTypeConfidence),
                r.map(AuditResult::securityResults).orElseGet(Json::object),
                r.map(AuditResult::pagesScanned).orElse(0),
                r.map(AuditResult::elapsedMs),
                r.map(AuditResult::errors).orElse(List.of()),
                a.screenshots().size(),
                a.findings().size(),
                a.errorMessage(),
                a.findings(),
                a.screenshots().stream().map(s -> ScreenshotInfo.of(a.id(), s)).toList(),
                Links.of(a.id()));
    }

    public static Summary summary(AuditSummary s) {
        return new Summary(s.id(), s.url(), s.host(), s.status(), s.tier(), s.verdictMode(), s.trustScore(), s.riskLevel(), s.signals(),
                s.siteType(), s.siteTypeConfidence(), s.pagesScanned(), s.screenshotsCount(), s.findingsCount(), s.elapsedMs(), s.attempts(),
                s.createdAt(), s.startedAt(), s.completedAt(), s.errorMessage(), Links.of(s.id()));
    }

    public static History history(List<AuditSummary> items, long total, Optional<String> nextCursor) {
        return new History(items.stream().map(AuditJson::summary).toList(), total, nextCursor);
    }
}
