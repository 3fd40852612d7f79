package dev.veritas.judge;

import dev.veritas.audit.Finding;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Signal;
import dev.veritas.audit.VerdictMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.veritas.audit.Severity;
/**
 * The narrative of a report, from templates that cite the actual findings: what the score is, what drove it,
 * what capped it, and what the audit could not see. Expert mode names the technical facts; simple mode says
 * what they mean for the visitor.
 */
final class Narrator {
    private Narrator() {}

    static String narrate(Judge.Input in, int score, int uncapped, RiskLevel risk, List<Finding> findings, List<Override> overrides,
                          Map<String, Signal> signals) {
        boolean simple = in.mode() == VerdictMode.SIMPLE;
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(String.format(Locale.ROOT, "%s scores %d out of 100: %s. %s", in.host(), score, phrase(risk),
                pagesSentence(in.pagesScanned(), in.siteType().type().wire())));

        List<Finding> serious = findings.stream().filter(f -> f.severity().compareTo(Severity.MEDIUM) >= 0).toList();
        if (serious.isEmpty()) {
            paragraphs.add(findings.isEmpty()
                    ? "No phishing signals, dark patterns or connection problems were found."
                    : "Only minor issues were found: " + titles(findings, 4) + ".");
        } else {
            StringBuilder sb = new StringBuilder(serious.size() == 1 ? "The main concern: " : "The main concerns: ");
            int n = 0;
            Set<String> seen = new LinkedHashSet<>();
            for (Finding f : serious) {
                if (!seen.add(f.checkId()) || n >= 4) {
                    continue;
                }
                if (n > 0) {
                    sb.append(" ");
                }
                sb.append(n + 1).append(") ").append(f.title());
                String detail = simple ? f.plainEnglish() : f.description();
                if (!detail.isBlank()) {
                    sb.append(" — ").append(trimSentence(detail));
                }
                sb.append('.');
                n++;
            }
            paragraphs.add(sb.toString().replace("..", "."));
        }
        if (!overrides.isEmpty()) {
            Override o = overrides.get(0);
            if (uncapped > o.cap()) {
                paragraphs.add(String.format(Locale.ROOT, "The score is capped at %d because %s (the signals alone would give %d).",
                        o.cap(), o.reason(), uncapped));
            } else {
                paragraphs.add(String.format(Locale.ROOT, "The signals alone already put the score below %d, the cap that applies because %s.",
                        o.cap(), o.reason()));
            }
        }
        Signal headers = signals.get("security_headers");
        if (headers != null && !simple) {
            paragraphs.add(String.format(Locale.ROOT, "Security headers score %.0f/100 on the HTTP Observatory scale.", headers.score() * 100));
        }
        for (String note : in.captureNotes()) {
            paragraphs.add("Note: " + note + ".");
        }
        return String.join("\n\n", paragraphs);
    }

    static String phrase(RiskLevel risk) {
        return switch (risk) {
            case TRUSTED -> "trusted — nothing found that should worry a visitor";
            case PROBABLY_SAFE -> "probably safe — some weaknesses, nothing deceptive";
            case SUSPICIOUS -> "suspicious — be careful with this site";
            case HIGH_RISK -> "high risk — do not trust this site with money or personal details";
            case LIKELY_FRAUDULENT -> "likely fraudulent — do not enter anything on this site";
        };
    }

    private static String pagesSentence(int pages, String siteType) {
        String kind = switch (siteType) {
            case "ecommerce" -> "an online shop";
            case "financial" -> "a financial site";
            case "saas" -> "an online service";
            case "company" -> "a company site";
            default -> "a website";
        };
        return "It looks like " + kind + "; " + pages + (pages == 1 ? " page was" : " pages were") + " examined.";
    }

    private static String titles(List<Finding> findings, int max) {
        return String.join("; ", findings.stream().map(Finding::title).distinct().limit(max).toList());
    }

    private static String trimSentence(String s) {
        String t = s.strip();
        if (t.length() > 220) {
            t = t.substring(0, 219) + "…";
        }
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
