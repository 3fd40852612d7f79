package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code content-security-policy}: whether a Content-Security-Policy (header or {@code <meta>}) actually
 * restricts scripts, objects and styles.
 */
public final class ContentSecurityPolicyCheck implements ObservatoryCheck {
    public static final String NAME = "content-security-policy";

    public enum Result implements ObservatoryResult {
        NO_UNSAFE_DEFAULT_SRC_NONE("csp-implemented-with-no-unsafe-default-src-none", 10,
                "A Content Security Policy is enforced with default-src 'none' and nothing unsafe: only what the policy names may load.",
                ""),
        NO_UNSAFE("csp-implemented-with-no-unsafe", 5,
                "A Content Security Policy is enforced without 'unsafe-inline', 'unsafe-eval' or overly broad sources.",
                "Set default-src to 'none' and allow each kind of resource explicitly."),
        UNSAFE_INLINE_IN_STYLE_SRC_ONLY("csp-implemented-with-unsafe-inline-in-style-src-only", 0,
                "The Content Security Policy protects scripts but lets styles come from 'unsafe-inline', data: or overly broad sources.",
                "Lock down style-src: remove 'unsafe-inline', data: and broad sources such as https:."),
        INSECURE_SCHEME_IN_PASSIVE_CONTENT_ONLY("csp-implemented-with-insecure-scheme-in-passive-content-only", -10,
                "The Content Security Policy lets this HTTPS site load images or media over plain HTTP.",
                "Load images and media over HTTPS and remove http: sources from img-src, media-src and default-src."),
        UNSAFE_EVAL("csp-implemented-with-unsafe-eval", -10,
                "The Content Security Policy allows 'unsafe-eval', so injected strings can still be run as code.",
                "Stop using eval() and similar calls, then remove 'unsafe-eval' from the policy."),
        UNSAFE_INLINE("csp-implemented-with-unsafe-inline", -20,
                "The Content Security Policy does not stop script injection: script-src allows 'unsafe-inline' or data:, "
                        + "script-src or object-src allow overly broad sources, or they are not restricted at all.",
                "Remove 'unsafe-inline' and data: from script-src and broad sources from script-src and object-src, "
                        + "and make sure both are set (or default-src is)."),
        INSECURE_SCHEME("csp-implemented-with-insecure-scheme", -20,
                "The Content Security Policy lets this HTTPS site load scripts or other active content over plain HTTP.",
                "Load every resource over HTTPS and remove http: and ftp: sources from the policy."),
        DUPLICATE_DIRECTIVES("csp-implemented-but-duplicate-directives", 0,
                "The Content Security Policy works but repeats a reporting directive; only the first one counts.",
                "Remove the repeated report-uri or report-to directive."),
        HEADER_INVALID("csp-header-invalid", -25,
                "The Content Security Policy cannot be parsed (empty, repeated directives, or 'strict-dynamic' without a nonce or hash), "
                        + "so its protection cannot be relied on.",
                "Fix the policy's syntax; a CSP evaluator shows what is wrong."),
        NOT_IMPLEMENTED("csp-not-implemented", -25,
                "No Content Security Policy is set, so nothing limits the damage of an injected script.",
                "Add a Content-Security-Policy header, starting from default-src 'none' and allowing what the site needs."),
        NOT_IMPLEMENTED_BUT_REPORTING_ENABLED("csp-not-implemented-but-reporting-enabled", -25,
                "Only Content-Security-Policy-Report-Only is set: violations are reported but nothing is blocked.",
                "Once the reports are clean, send the same policy as an enforced Content-Security-Policy header.");

        private final ResultText text;

        Result(String wire, int modifier, String description, String recommendation) {
            this.text = new ResultText(wire, modifier, description, recommendation);
        }

        @Override public ResultText text() { return text; }
    }

    private static final Set<String> DANGEROUSLY_BROAD =
            Set.of("ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*");
    private static final Set<String> UNSAFE_INLINE_SOURCES = Set.of("'unsafe-inline'", "data:");
    private static final Set<String> BROAD_OR_UNSAFE_INLINE;
    private static final List<String> PASSIVE_DIRECTIVES = List.of("img-src", "media-src");
    private static final List<String> NONCE_OR_HASH_PREFIXES = List.of("'sha256-", "'sha384-", "'sha512-", "'nonce-");

    static {
        Set<String> both = new LinkedHashSet<>(DANGEROUSLY_BROAD);
        both.addAll(UNSAFE_INLINE_SOURCES);
        BROAD_OR_UNSAFE_INLINE = Set.copyOf(both);
    }

    /**
     * What the CSP test found. {@code directives} is present whenever a policy was analysed (also for an
     * invalid 'strict-dynamic'), which is what the X-Frame-Options test checks for frame-ancestors.
     */
    record Analysis(Result result, boolean pass, int policies, Optional<Map<String, List<String>>> directives) {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Result> possibleResults() {
        return Arrays.asList(Result.values());
    }

    @Override
    public TestResult evaluate(ObservedPage page) {
        Analysis analysis = page.csp();
        return TestResult.of(analysis.result(), analysis.pass());
    }

    static Analysis analyse(ObservedPage page) {
        ObservatoryInput input = page.input();
        List<String> httpPolicies = input.headers().combined("Content-Security-Policy")
                .map(value -> ContentSecurityPolicies.splitHeaderValues(List.of(value)))
                .orElse(List.of());
        List<String> metaPolicies = ContentSecurityPolicies.splitHeaderValues(page.meta().contentSecurityPolicies());
        int policies = httpPolicies.size() + metaPolicies.size();

        List<String> all = new ArrayList<>(httpPolicies);
        all.addAll(metaPolicies);
        ContentSecurityPolicies csp;
        try {
            csp = ContentSecurityPolicies.parse(all);
        } catch (ContentSecurityPolicies.InvalidPolicyException e) {
            return new Analysis(Result.HEADER_INVALID, false, policies, Optional.empty());
        }
        ContentSecurityPolicies headerOnly;
        try {
            headerOnly = ContentSecurityPolicies.parse(httpPolicies);
        } catch (ContentSecurityPolicies.InvalidPolicyException e) {
            headerOnly = ContentSecurityPolicies.none();
        }
        ContentSecurityPolicies metaOnly;
        try {
            metaOnly = ContentSecurityPolicies.parseMeta(metaPolicies);
        } catch (ContentSecurityPolicies.InvalidPolicyException e) {
            metaOnly = ContentSecurityPolicies.none();
        }

        // A <meta> policy holding only directives not allowed there is no policy at all.
        if (headerOnly.size() + metaOnly.size() == 0) {
            boolean reportOnly = input.headers().combined("Content-Security-Policy-Report-Only")
                    .map(value -> !value.isEmpty()).orElse(false);
            Result result = reportOnly ? Result.NOT_IMPLEMENTED_BUT_REPORTING_ENABLED : Result.NOT_IMPLEMENTED;
            return new Analysis(result, false, policies, Optional.empty());
        }

        // These are the live sets of the combined map, shared when one falls back to another (as in
        // Observatory), so removing a source below also changes default-src and what later checks see.
        Set<String> objectSrc = orElse(csp.get("object-src"), csp.get("default-src"), new LinkedHashSet<>(Set.of("*")));
        Set<String> scriptSrc = orElse(csp.get("script-src"), csp.get("default-src"), new LinkedHashSet<>(Set.of("*")));
        Set<String> styleSrc = orElse(csp.get("style-src"), csp.get("default-src"), new LinkedHashSet<>(Set.of("*")));

        // A nonce or hash makes browsers ignore 'unsafe-inline' (it is only there for old browsers).
        for (Set<String> sources : List.of(scriptSrc, styleSrc)) {
            if (hasNonceOrHash(sources)) {
                sources.remove("'unsafe-inline'");
            }
        }

        Result result = null;
        if (hasNonceOrHash(scriptSrc) && scriptSrc.contains("'strict-dynamic'")) {
            // With 'strict-dynamic' browsers ignore host and scheme sources, 'self' and 'unsafe-inline'.
            scriptSrc.removeIf(source -> DANGEROUSLY_BROAD.stream().anyMatch(source::startsWith)
                    || source.equals("'self'") || source.equals("'unsafe-inline'"));
        } else if (scriptSrc.contains("'strict-dynamic'")) {
            result = Result.HEADER_INVALID; // 'strict-dynamic' needs a nonce or hash to mean anything
        }

        List<String> activeSources = new ArrayList<>();
        csp.directives().forEach((directive, sources) -> {
            if (!PASSIVE_DIRECTIVES.contains(directive) && !directive.equals("script-src")) {
                activeSources.addAll(sources);
            }
        });
        activeSources.addAll(scriptSrc);
        List<String> passiveSources = new ArrayList<>();
        for (String directive : PASSIVE_DIRECTIVES) {
            passiveSources.addAll(orElse(csp.get(directive), csp.get("default-src"), Set.of()));
        }
        boolean https = input.isHttps();

        // Checks run from worst to best; the first that applies decides.
        if (scriptSrc.stream().anyMatch(BROAD_OR_UNSAFE_INLINE::contains)
                || objectSrc.stream().anyMatch(DANGEROUSLY_BROAD::contains)) {
            result = firstOf(result, Result.UNSAFE_INLINE);
        }
        if (https && activeSources.stream().anyMatch(ContentSecurityPolicyCheck::insecureScheme)) {
            result = firstOf(result, Result.INSECURE_SCHEME);
        }
        if (scriptSrc.contains("'unsafe-eval'") || styleSrc.contains("'unsafe-eval'")) {
            result = firstOf(result, Result.UNSAFE_EVAL);
        }
        if (https && passiveSources.stream().anyMatch(ContentSecurityPolicyCheck::insecureScheme)) {
            result = firstOf(result, Result.INSECURE_SCHEME_IN_PASSIVE_CONTENT_ONLY);
        }
        if (styleSrc.stream().anyMatch(BROAD_OR_UNSAFE_INLINE::contains)) {
            result = firstOf(result, Result.UNSAFE_INLINE_IN_STYLE_SRC_ONLY);
        }
        Set<String> defaultSrc = csp.get("default-src");
        if (defaultSrc != null && defaultSrc.contains("'none'") && defaultSrc.size() == 1) {
            result = firstOf(result, Result.NO_UNSAFE_DEFAULT_SRC_NONE);
        } else {
            result = firstOf(result, Result.NO_UNSAFE);
        }

        boolean pass = Set.of(Result.NO_UNSAFE, Result.NO_UNSAFE_DEFAULT_SRC_NONE, Result.UNSAFE_INLINE_IN_STYLE_SRC_ONLY,
                Result.INSECURE_SCHEME_IN_PASSIVE_CONTENT_ONLY).contains(result);
        if (pass && !csp.duplicateWarnings().isEmpty()) {
            result = Result.DUPLICATE_DIRECTIVES;
        }

        Map<String, List<String>> directives = new LinkedHashMap<>();
        csp.directives().forEach((directive, sources) -> directives.put(directive, sources.stream().sorted().toList()));
        return new Analysis(result, pass, policies, Optional.of(directives));
    }

    private static boolean hasNonceOrHash(Set<String> sources) {
        return sources.stream().anyMatch(source -> NONCE_OR_HASH_PREFIXES.stream().anyMatch(source::startsWith));
    }

    private static boolean insecureScheme(String source) {
        return source.startsWith("http:") || source.startsWith("ftp:");
    }

    private static Result firstOf(Result current, Result candidate) {
        return current != null ? current : candidate;
    }

    private static Set<String> orElse(Set<String> first, Set<String> second, Set<String> fallback) {
        if (first != null) {
            return first;
        }
        return second != null ? second : fallback;
    }
}
