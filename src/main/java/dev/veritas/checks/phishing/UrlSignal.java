package dev.veritas.checks.phishing;

import java.util.Objects;

/**
 * One reason behind a verdict.
 *
 * @param name          stable identifier ("ip_host", "brand_in_subdomain", "word:path:login")
 * @param contribution  how much it moved the log-odds of phishing; positive means more suspicious
 * @param explanation   a sentence a person understands, naming what was seen
 */
public record UrlSignal(String name, double contribution, String explanation) {
    public UrlSignal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(explanation, "explanation");
    }
}
