package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Several CSP policies (header lines, comma-separated policies in one line, {@code <meta>} tags) combined
 * into one directive map the way Observatory does it: every policy is enforced, so a source only survives
 * when a later policy allows it too, and a directive that only a later policy names is reduced to
 * {@code 'none'}. The result is a directive → sources map whose source sets the CSP check may change.
 */
final class ContentSecurityPolicies {
    /** Shorter than {@code img-src} minus one character cannot be a policy. */
    private static final int SHORTEST_POLICY_LENGTH = "img-src".length() - 1;
    /** Directives a {@code <meta>} policy may not carry (HTML §4.2.5.3); browsers ignore them there. */
    static final Set<String> DISALLOWED_IN_META = Set.of("frame-ancestors", "report-uri", "sandbox");
    private static final Set<String> ALLOWED_DUPLICATES = Set.of("report-uri", "report-to");

    private final Map<String, Set<String>> directives;
    private final Set<String> duplicateWarnings;

    /** A policy list Observatory refuses: too short, or a directive repeated within one policy. */
    static final class InvalidPolicyException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPolicyException(String message) {
            super(message);
        }
    }

    private ContentSecurityPolicies(Map<String, Set<String>> directives, Set<String> duplicateWarnings) {
        this.directives = directives;
        this.duplicateWarnings = duplicateWarnings;
    }

    static ContentSecurityPolicies none() {
        return new ContentSecurityPolicies(new LinkedHashMap<>(), new LinkedHashSet<>());
    }

    /** The mutable source set of a directive, or {@code null} when the policies do not name it. */
    Set<String> get(String directive) {
        return directives.get(directive);
    }

    boolean has(String directive) {
        return directives.containsKey(directive);
    }

    Map<String, Set<String>> directives() {
        return Collections.unmodifiableMap(directives);
    }

    /** Repeated {@code report-uri}/{@code report-to} directives, which Observatory tolerates but reports. */
    Set<String> duplicateWarnings() {
        return Collections.unmodifiableSet(duplicateWarnings);
    }

    /** Observatory keeps the duplicate warnings as one more map entry, so they count towards the size. */
    int size() {
        return directives.size() + (duplicateWarnings.isEmpty() ? 0 : 1);
    }

    /** The same policies as delivered in {@code <meta>}: directives not allowed there are dropped. */
    static ContentSecurityPolicies parseMeta(List<String> policies) throws InvalidPolicyException {
        ContentSecurityPolicies parsed = parse(policies);
        DISALLOWED_IN_META.forEach(parsed.directives::remove);
        return parsed;
    }

    /**
     * Splits each raw value (a header, or a {@code <meta>} policy) into the policies it carries: a comma separates
     * policies (CSP3 §2.2.1; repeated header lines arrive joined by commas). Like the Observatory, every piece
     * counts, so an empty piece ({@code "default-src 'self',"}) is an empty policy and makes the list invalid.
     */
    static List<String> splitHeaderValues(List<String> headerValues) {
        List<String> policies = new ArrayList<>();
        for (String value : headerValues) {
            for (String piece : JsText.split(value, ',')) {
                policies.add(JsText.trim(piece));
            }
        }
        return policies;
    }

    private static final class Source {
        final String value;
        final int policy;
        boolean keep;

        Source(String value, int policy, boolean keep) {
            this.value = value;
            this.policy = policy;
            this.keep = keep;
        }
    }

    static ContentSecurityPolicies parse(List<String> rawPolicies) throws InvalidPolicyException {
        List<String> policies = new ArrayList<>();
        for (String raw : rawPolicies) {
            policies.add(JsText.trim(raw.replace("\r", "").replace("\n", "")));
        }
        if (policies.isEmpty()) {
            return none();
        }
        for (String policy : policies) {
            if (policy.isEmpty() || policy.length() < SHORTEST_POLICY_LENGTH) {
                throw new InvalidPolicyException("policy too short to be valid: '" + policy + "'");
            }
        }

        Map<String, List<Source>> combinedByDirective = new LinkedHashMap<>();
        Set<String> duplicateWarnings = new LinkedHashSet<>();
        for (int policyIndex = 0; policyIndex < policies.size(); policyIndex++) {
            Set<String> seenInThisPolicy = new HashSet<>();
            for (String entry : JsText.split(policies.get(policyIndex), ';')) {
                List<String> words = JsText.splitWhitespace(JsText.trim(entry));
                String first = words.get(0);
                if (first.isEmpty()) {
                    continue;
                }
                String directive = first.toLowerCase(Locale.ROOT);
                // Browsers use the first of two equal directives; Observatory calls it invalid so the
                // owner notices, except for the reporting directives.
                if (!seenInThisPolicy.add(directive)) {
                    if (ALLOWED_DUPLICATES.contains(directive)) {
                        duplicateWarnings.add(directive);
                    } else {
                        throw new InvalidPolicyException("directive " + directive + " repeated in policy " + policyIndex);
                    }
                }

                boolean keep = policyIndex == 0;
                List<Source> values = new ArrayList<>();
                if (words.size() > 1) {
                    for (String word : words.subList(1, words.size())) {
                        values.add(new Source(JsText.trim(word).toLowerCase(Locale.ROOT), policyIndex, keep));
                    }
                } else if (directive.endsWith("-src")) {
                    values.add(new Source("'none'", policyIndex, keep)); // an empty source list allows nothing
                }

                List<Source> combined = new ArrayList<>();
                if (policyIndex > 0) {
                    combined.addAll(combinedByDirective.getOrDefault(directive, List.of()));
                }
                combined.addAll(values);
                combined.sort((x, y) -> CspSourceOrder.compare(x.value, y.value));

                for (int i = 1; i < combined.size(); i++) {
                    Source source = combined.get(i);
                    Source previous = combined.get(i - 1);
                    // Within one policy a longer source after a shorter prefix adds nothing.
                    if (source.policy == previous.policy && source.value.startsWith(previous.value)) {
                        source.keep = false;
                    }
                    // Across policies a source survives only when its neighbour from another policy allows it.
                    if (source.policy != previous.policy && pathPartMatch(previous.value, source.value)) {
                        source.keep = true;
                    }
                }
                List<Source> kept = new ArrayList<>();
                for (Source source : combined) {
                    if (source.keep) {
                        kept.add(source);
                    }
                }
                combinedByDirective.put(directive, kept);

                // With more policies to come, the first policy's sources must be confirmed by a later one.
                if (policyIndex == 0 && rawPolicies.size() > 1) {
                    kept.forEach(source -> source.keep = false);
                }
            }
        }

        Map<String, Set<String>> directives = new LinkedHashMap<>();
        combinedByDirective.forEach((directive, sources) -> {
            Set<String> values = new LinkedHashSet<>();
            sources.forEach(source -> values.add(source.value));
            if (values.isEmpty()) {
                values.add("'none'");
            }
            directives.put(directive, values);
        });
        return new ContentSecurityPolicies(directives, duplicateWarnings);
    }

    /** Whether source {@code b} lies within source {@code a}, path segment by path segment. */
    private static boolean pathPartMatch(String a, String b) throws InvalidPolicyException {
        if (a.isEmpty()) {
            return true;
        }
        if (a.equals("/") && b.isEmpty()) {
            return true;
        }
        boolean exactMatch = !a.endsWith("/");
        List<String> partsA = JsText.split(a, '/');
        List<String> partsB = JsText.split(b, '/');
        if (partsA.size() > partsB.size()) {
            return false;
        }
        if (exactMatch && partsA.size() != partsB.size()) {
            return false;
        }
        if (!exactMatch) {
            partsA = partsA.subList(0, partsA.size() - 1);
        }
        try {
            for (int i = 0; i < partsA.size(); i++) {
                String pieceA = JsText.decodeUriComponent(partsA.get(i));
                String pieceB = JsText.decodeUriComponent(partsB.get(i));
                if (!pieceA.equals(pieceB)) {
                    return false;
                }
            }
        } catch (JsText.MalformedUriException e) {
            // Observatory's decodeURIComponent throws here, which makes the whole header invalid.
            throw new InvalidPolicyException(e.getMessage());
        }
        return true;
    }
}
