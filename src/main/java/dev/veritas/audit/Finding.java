package dev.veritas.audit;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One thing a check saw, in words a person can act on. {@code checkId} is stable across releases
 * so findings of two audits can be compared and users can refer to a rule by its id.
 */
public record Finding(
        String checkId,
        String category,
        String patternType,
        Severity severity,
        double confidence,
        String title,
        String description,
        String plainEnglish,
        Optional<String> pageUrl,
        Evidence evidence,
        OptionalInt screenshotIndex) {

    public Finding {
        Require.text("check_id", checkId, 100);
        Require.text("category", category, 50);
        Require.text("pattern_type", patternType, 100);
        Require.present("severity", severity);
        Require.unitInterval("confidence", confidence);
        Require.text("title", title, 300);
        Require.present("description", description);
        Require.present("plain_english", plainEnglish);
        Require.present("page_url", pageUrl);
        Require.present("evidence", evidence);
        Require.present("screenshot_index", screenshotIndex);
        if (screenshotIndex.isPresent() && screenshotIndex.getAsInt() < 0) {
            throw new IllegalArgumentException("screenshot_index must not be negative (got " + screenshotIndex.getAsInt() + ")");
        }
    }

    /**
     * Identity of a finding across audits of the same site: the same rule, pattern and page, with numbers
     * in the evidence blurred so a countdown at 04:59 and at 03:10 is the same finding.
     */
    public String fingerprint() {
        String page = pageUrl.map(Finding::pathOf).orElse("");
        String text = evidence.text().orElse(title).toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip();
        return checkId + "|" + patternType + "|" + page + "|" + text;
    }

    private static String pathOf(String url) {
        try {
            String path = URI.create(url).getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
