package dev.veritas.judge;

import dev.veritas.checks.SiteTypeCheck.SiteType;
import java.util.Map;

/**
 * How much each signal counts towards the trust score, by kind of site. Dark patterns weigh most in a shop,
 * phishing and transport on a financial site. Weights of each row add up to 1; a signal a check could not
 * measure drops out and the others share its weight.
 *
 * <pre>
 * signal             default  ecommerce  financial  saas
 * phishing            0.30     0.25       0.35      0.30
 * transport           0.20     0.20       0.25      0.20
 * security_headers    0.15     0.10       0.15      0.15
 * dark_patterns       0.20     0.25       0.10      0.20
 * scripts             0.10     0.10       0.10      0.10
 * transparency        0.05     0.10       0.05      0.05
 * </pre>
 */
public final class Weights {
    private static final Map<String, Double> DEFAULT = Map.of(
            "phishing", 0.30, "transport", 0.20, "security_headers", 0.15, "dark_patterns", 0.20, "scripts", 0.10, "transparency", 0.05);
    private static final Map<String, Double> ECOMMERCE = Map.of(
            "phishing", 0.25, "transport", 0.20, "security_headers", 0.10, "dark_patterns", 0.25, "scripts", 0.10, "transparency", 0.10);
    private static final Map<String, Double> FINANCIAL = Map.of(
            "phishing", 0.35, "transport", 0.25, "security_headers", 0.15, "dark_patterns", 0.10, "scripts", 0.10, "transparency", 0.05);

    private Weights() {}

    public static Map<String, Double> forSite(SiteType type) {
        return switch (type) {
            case ECOMMERCE -> ECOMMERCE;
            case FINANCIAL -> FINANCIAL;
            default -> DEFAULT;
        };
    }
}
