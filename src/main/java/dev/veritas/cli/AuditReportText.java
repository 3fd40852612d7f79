package dev.veritas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An audit as readable text for the terminal, drawn from its public JSON shape (GET /api/audits/{id}), so a
 * local audit and one fetched from a server read the same.
 */
final class AuditReportText {
    private static final Map<String, Integer> SEVERITY = Map.of("critical", 0, "high", 1, "medium", 2, "low", 3);
    private final PrintWriter out;

    AuditReportText(PrintWriter out) {
        this.out = out;
    }

    /** The verdict and the top findings: what `veritas audit` prints when it finishes. */
    void summary(JsonNode a) {
        header(a);
        if (a.path("trust_score").isNumber()) {
            List<JsonNode> findings = sortedFindings(a);
            if (!findings.isEmpty()) {
                out.println();
                out.println("  Top findings (" + findings.size() + " in all)");
                findings.stream().limit(5).forEach(this::finding);
            }
            recommendations(a, 3);
        }
        out.println();
        out.println("  Full report: veritas show " + a.path("id").asText() + "   (or open /audits/" + a.path("id").asText() + " in the web UI)");
        out.flush();
    }

    /** Everything: what `veritas show` prints. */
    void full(JsonNode a) {
        header(a);
        if (a.path("narrative").isTextual() && !a.path("narrative").asText().isBlank()) {
            out.println();
            for (String para : a.path("narrative").asText().split("\n")) {
                out.println(para.isBlank() ? "" : "  " + para);
            }
        }
        JsonNode signals = a.path("signal_scores");
        if (signals.size() > 0) {
            out.println();
            out.println("  Signals");
            signals.fields().forEachRemaining(e -> out.printf(Locale.ROOT, "  %-18s %3.0f/100  (weight %.2f, confidence %.2f)%n", e.getKey(),
                    e.getValue().path("score").asDouble() * 100, e.getValue().path("weight").asDouble(), e.getValue().path("confidence").asDouble()));
        }
        JsonNode obs = a.path("security_results").path("observatory");
        if (obs.has("grade")) {
            out.printf(Locale.ROOT, "  HTTP Observatory grade %s (%d/100)%n", obs.path("grade").asText(), obs.path("score").asInt());
        }
        List<JsonNode> findings = sortedFindings(a);
        if (!findings.isEmpty()) {
            out.println();
            out.println("  Findings (" + findings.size() + ")");
            findings.forEach(this::finding);
        }
        recommendations(a, Integer.MAX_VALUE);
        JsonNode shots = a.path("screenshots");
        if (shots.size() > 0) {
            out.println();
            out.println("  Screenshots");
            shots.forEach(s -> out.printf(Locale.ROOT, "  #%d %s %dx%d %s%n", s.path("index").asInt(), s.path("label").asText(),
                    s.path("width").asInt(), s.path("height").asInt(), Format.bytes(s.path("size_bytes").asLong())));
        }
        out.flush();
    }

    private void header(JsonNode a) {
        out.println(a.path("url").asText());
        out.printf("  audit %s · %s · %s%n", a.path("id").asText(), a.path("tier").asText(), a.path("status").asText());
        out.printf("  created %s, finished %s%n", a.path("created_at").asText("-"), a.path("completed_at").asText("-"));
        if (a.path("error_message").isTextual()) {
            out.println("  " + a.path("error_message").asText());
        }
        if (a.path("trust_score").isNumber()) {
            out.println();
            out.printf(Locale.ROOT, "  Trust score %d/100 — %s%n", a.path("trust_score").asInt(), a.path("risk_level").asText().replace('_', ' '));
            out.printf(Locale.ROOT, "  %d pages, %d screenshots, %s, site type %s%n", a.path("pages_scanned").asInt(),
                    a.path("screenshots_count").asInt(), Format.millis(a.path("elapsed_ms").asLong()), a.path("site_type").asText());
            if (a.path("overrides").size() > 0) {
                List<String> o = new ArrayList<>();
                a.path("overrides").forEach(n -> o.add(n.asText()));
                out.println("  capped by: " + String.join(", ", o));
            }
        }
    }

    private void finding(JsonNode f) {
        out.printf(Locale.ROOT, "  [%s] %s (%s/%s, %.0f%%)%n", f.path("severity").asText().toUpperCase(Locale.ROOT), f.path("title").asText(),
                f.path("category").asText(), f.path("pattern_type").asText(), f.path("confidence").asDouble() * 100);
        String text = f.path("evidence").path("text").asText("");
        if (!text.isBlank()) {
            out.println("      “" + oneLine(text) + "”");
        }
        if (f.path("page_url").isTextual()) {
            out.println("      on " + f.path("page_url").asText());
        }
    }

    private void recommendations(JsonNode a, int max) {
        JsonNode recs = a.path("recommendations");
        if (recs.size() == 0) {
            return;
        }
        out.println();
        out.println("  Recommendations");
        int n = 0;
        for (JsonNode r : recs) {
            if (n++ >= max) {
                break;
            }
            out.printf("  - (%s) %s%n", r.path("priority").asText(), r.path("text").asText());
        }
    }

    private static List<JsonNode> sortedFindings(JsonNode a) {
        List<JsonNode> list = new ArrayList<>();
        a.path("findings").forEach(list::add);
        list.sort(Comparator.comparing((JsonNode f) -> SEVERITY.getOrDefault(f.path("severity").asText(), 9))
                .thenComparing(f -> -f.path("confidence").asDouble()));
        return list;
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 160 ? t.substring(0, 159) + "…" : t;
    }
}
