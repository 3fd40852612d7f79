package dev.veritas.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.Audit;
import dev.veritas.audit.AuditResult;
import dev.veritas.audit.Finding;
import dev.veritas.audit.Recommendation;
import dev.veritas.audit.Screenshot;
import dev.veritas.audit.Signal;
import dev.veritas.store.ScreenshotContent;
import dev.veritas.store.ScreenshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
/**
 * A report as one self-contained HTML file: styles inline and screenshots embedded as data URLs, so it can be
 * mailed or archived and still opens years later without a server. Every text from the audited site is escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1b1f24;max-width:960px;margin:2rem auto;padding:0 1rem}
            h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
            .meta{color:#57606a}.score{display:flex;gap:1.5rem;align-items:center;margin:1rem 0}
            .gauge{font-size:2.5rem;font-weight:700;width:5.5rem;height:5.5rem;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff}
            .trusted{background:#1a7f37}.probably_safe{background:#4d8f00}.suspicious{background:#9a6700}.high_risk{background:#bc4c00}.likely_fraudulent{background:#cf222e}
            .risk{font-size:1.25rem;font-weight:600}.narrative p{margin:.5rem 0}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d8dee4;padding:.35rem .5rem;text-align:left;vertical-align:top}
            .sev{font-weight:700;text-transform:uppercase;font-size:.75rem;padding:.1rem .4rem;border-radius:.25rem;color:#fff}
            .critical{background:#cf222e}.high{background:#bc4c00}.medium{background:#9a6700}.low{background:#57606a}
            .finding{border:1px solid #d0d7de;border-radius:.5rem;padding:.75rem;margin:.75rem 0}.evidence{background:#f6f8fa;padding:.5rem;border-radius:.25rem;white-space:pre-wrap;word-break:break-word}
            meter{display:block;width:100%;height:.8rem}
            figure{margin:1rem 0}figure img{max-width:100%;border:1px solid #d0d7de}figcaption{color:#57606a;font-size:.85rem}
            .pass{color:#1a7f37}.fail{color:#cf222e}footer{margin-top:3rem;color:#57606a;font-size:.85rem}
            """;

    /**
     * The report's Content-Security-Policy. A report shows text taken from audited pages, which may be hostile; every
     * such text is escaped, and this policy is the second line: no script runs, nothing is fetched (images are
     * embedded as data URLs), and only the report's own style sheet applies. Sent as a header by the API and carried
     * in the file itself, for the copy that is downloaded and opened later.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src '" + sha256(CSS) + "'; "
            + "base-uri 'none'; form-action 'none'";

    private HtmlReport() {}

    public static String render(Audit a, ScreenshotStore store) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">");
        h.append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.append("<title>Veritas report — ").append(e(a.host())).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>").append(e(a.url())).append("</h1>");
        h.append("<p class=\"meta\">Audit ").append(e(a.id().value())).append(" · ").append(e(a.tier().wire().replace('_', ' ')))
                .append(" · ").append(e(a.status().wire())).append(" · created ").append(e(a.createdAt().toString()))
                .append(a.completedAt().map(t -> " · finished " + e(t.toString())).orElse("")).append("</p>");
        a.errorMessage().ifPresent(m -> h.append("<p><strong>").append(e(m)).append("</strong></p>"));
        a.result().ifPresent(r -> result(h, a, r, store));
        h.append("<footer>Made by Veritas, a self-hosted website trust auditor. Scores are evidence-based estimates, not guarantees.</footer>");
        h.append("</body></html>");
        return h.toString();
    }

    private static void result(StringBuilder h, Audit a, AuditResult r, ScreenshotStore store) {
        String risk = r.riskLevel().wire();
        h.append("<section class=\"score\"><div class=\"gauge ").append(risk).append("\" aria-label=\"trust score\">").append(r.trustScore())
                .append("</div><div><div class=\"risk\">").append(e(risk.replace('_', ' '))).append("</div><div class=\"meta\">")
                .append(r.pagesScanned()).append(" pages · ").append(a.screenshots().size()).append(" screenshots · ")
                .append(String.format(Locale.ROOT, "%.1f s", r.elapsedMs() / 1000.0)).append(" · site type ").append(e(r.siteType()))
                .append(r.overrides().isEmpty() ? "" : " · capped by " + e(String.join(", ", r.overrides()))).append("</div></div></section>");
        h.append("<section class=\"narrative\">");
        for (String p : r.narrative().split("\n\n")) {
            if (!p.isBlank()) {
                h.append("<p>").append(e(p)).append("</p>");
            }
        }
        h.append("</section>");
        h.append("<h2>Signals</h2><table><tr><th>Signal</th><th>Score</th><th>Weight</th><th>Confidence</th></tr>");
        for (Map.Entry<String, Signal> s : r.signals().entrySet()) {
            int pct = (int) Math.round(s.getValue().score() * 100);
            // A meter, not a styled bar: the policy allows no inline style attributes.
            h.append("<tr><td>").append(e(s.getKey().replace('_', ' '))).append("</td><td><meter min=\"0\" max=\"100\" value=\"").append(pct)
                    .append("\"></meter>").append(pct).append("/100</td><td>").append(s.getValue().weight()).append("</td><td>")
                    .append(s.getValue().confidence()).append("</td></tr>");
        }
        h.append("</table>");
        if (!r.recommendations().isEmpty()) {
            h.append("<h2>Recommendations</h2><ul>");
            for (Recommendation rec : r.recommendations()) {
                h.append("<li><span class=\"sev ").append(rec.priority().wire()).append("\">").append(rec.priority().wire()).append("</span> ")
                        .append(e(rec.text())).append("</li>");
            }
            h.append("</ul>");
        }
        Map<String, List<Finding>> byCategory = new TreeMap<>();
        r.findings().stream().sorted(Comparator.comparing(Finding::severity).reversed())
                .forEach(f -> byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f));
        h.append("<h2>Findings (").append(r.findings().size()).append(")</h2>");
        if (r.findings().isEmpty()) {
            h.append("<p>No findings.</p>");
        }
        for (Map.Entry<String, List<Finding>> c : byCategory.entrySet()) {
            h.append("<h3>").append(e(c.getKey().replace('_', ' '))).append("</h3>");
            for (Finding f : c.getValue()) {
                h.append("<div class=\"finding\"><span class=\"sev ").append(f.severity().wire()).append("\">").append(f.severity().wire())
                        .append("</span> <strong>").append(e(f.title())).append("</strong> <span class=\"meta\">").append(e(f.patternType()))
                        .append(" · confidence ").append(Math.round(f.confidence() * 100)).append("%</span>");
                h.append("<p>").append(e(f.plainEnglish())).append("</p><p class=\"meta\">").append(e(f.description())).append("</p>");
                f.evidence().text().ifPresent(t -> h.append("<div class=\"evidence\">").append(e(t)).append("</div>"));
                f.pageUrl().ifPresent(u -> h.append("<p class=\"meta\">on ").append(e(u)).append("</p>"));
                if (f.screenshotIndex().isPresent()) {
                    h.append("<p class=\"meta\">seen on screenshot #").append(f.screenshotIndex().getAsInt()).append("</p>");
                }
                h.append("</div>");
            }
        }
        JsonNode obs = r.securityResults().path("observatory");
        if (obs.has("grade")) {
            h.append("<h2>HTTP Observatory grade ").append(e(obs.path("grade").asText())).append(" (").append(obs.path("score").asInt())
                    .append("/100)</h2><table><tr><th>Test</th><th>Result</th><th>Modifier</th></tr>");
            obs.path("tests").fields().forEachRemaining(t -> h.append("<tr><td>").append(e(t.getKey())).append("</td><td class=\"")
                    .append(t.getValue().path("pass").asBoolean() ? "pass" : "fail").append("\">").append(e(t.getValue().path("result").asText()))
                    .append("</td><td>").append(t.getValue().path("score_modifier").asInt()).append("</td></tr>"));
            h.append("</table>");
        }
        if (!a.screenshots().isEmpty()) {
            h.append("<h2>Screenshots</h2>");
            for (Screenshot s : a.screenshots()) {
                Optional<String> data = embed(store, a, s);
                h.append("<figure id=\"screenshot-").append(s.index()).append("\">");
                data.ifPresent(d -> h.append("<img alt=\"").append(e(s.label())).append("\" src=\"").append(d).append("\">"));
                h.append("<figcaption>#").append(s.index()).append(" ").append(e(s.label())).append(s.pageUrl().map(u -> " — " + e(u)).orElse(""))
                        .append(data.isEmpty() ? " (image missing)" : "").append("</figcaption></figure>");
            }
        }
    }

    private static Optional<String> embed(ScreenshotStore store, Audit a, Screenshot s) {
        Optional<ScreenshotContent> f = store.screenshot(a.id(), s.index());
        if (f.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = f.get().open()) {
            return Optional.of("data:" + s.mediaType() + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    static String e(String s) {
        return s == null ? "" : Entities.escape(s);
    }
}
