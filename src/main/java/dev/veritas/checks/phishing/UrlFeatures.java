package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;

import java.util.List;

/**
 * What Veritas read from one address: a value and a human-readable detail per {@link UrlFeature}
 * (indexed by ordinal), and the address's words for the learned vocabulary.
 *
 * @param values   binary features are 0 or 1; numeric ones are raw counts or percentages
 * @param details  the fact behind each feature ("192.0.2.7", "PayPal"), "" when absent
 * @param tokens   prefixed words ("path:login", "tld:xyz"), each at most once
 * @param domain   the host's registrable domain
 */
public record UrlFeatures(double[] values, String[] details, List<String> tokens, RegistrableDomain domain) {

    public UrlFeatures {
        values = values.clone();
        details = details.clone();
        tokens = List.copyOf(tokens);
    }

    public double value(UrlFeature f) {
        return values[f.ordinal()];
    }

    public String detail(UrlFeature f) {
        return details[f.ordinal()];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public String[] details() {
        return details.clone();
    }
}
