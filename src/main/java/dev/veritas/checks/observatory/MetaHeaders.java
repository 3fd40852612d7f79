package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Headers a page declares in its own markup. Observatory honours two: {@code <meta http-equiv=
 * "Content-Security-Policy">} (every such tag is one more policy) and {@code <meta name="referrer">}
 * (the last one wins). Other {@code http-equiv} values, such as {@code X-Frame-Options}, are ignored
 * because browsers ignore them.
 */
record MetaHeaders(List<String> contentSecurityPolicies, Optional<String> referrerPolicy) {
    static final MetaHeaders NONE = new MetaHeaders(List.of(), Optional.empty());

    MetaHeaders {
        contentSecurityPolicies = List.copyOf(contentSecurityPolicies);
    }

    static MetaHeaders from(List<ObservatoryHtml.Tag> metas) {
        List<String> csp = new ArrayList<>();
        Optional<String> referrer = Optional.empty();
        for (ObservatoryHtml.Tag meta : metas) {
            if (meta.has("http-equiv") && meta.has("content")) {
                String httpEquiv = normalise(meta.get("http-equiv"));
                String content = meta.get("content");
                if (!content.isEmpty() && httpEquiv.equals("content-security-policy")) {
                    csp.add(content);
                }
            } else if (meta.has("name") && normalise(meta.get("name")).equals("referrer")) {
                // Not an http-equiv, but Observatory grades it as the Referrer-Policy header.
                String content = meta.has("content") ? meta.get("content") : "";
                if (!content.isEmpty()) {
                    referrer = Optional.of(content);
                }
            }
        }
        return new MetaHeaders(csp, referrer);
    }

    private static String normalise(String value) {
        return JsText.trim(value.toLowerCase(Locale.ROOT));
    }
}
