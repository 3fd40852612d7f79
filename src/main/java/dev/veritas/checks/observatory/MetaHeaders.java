package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

    static MetaHeaders from(Document document) {
        List<String> csp = new ArrayList<>();
        Optional<String> referrer = Optional.empty();
        for (Element meta : document.select("meta")) {
            if (meta.hasAttr("http-equiv") && meta.hasAttr("content")) {
                String httpEquiv = normalise(meta.attr("http-equiv"));
                String content = meta.attr("content");
                if (!content.isEmpty() && httpEquiv.equals("content-security-policy")) {
                    csp.add(content);
                }
            } else if (meta.hasAttr("name") && normalise(meta.attr("name")).equals("referrer")) {
                // Not an http-equiv, but Observatory grades it as the Referrer-Policy header.
                String content = meta.attr("content");
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
