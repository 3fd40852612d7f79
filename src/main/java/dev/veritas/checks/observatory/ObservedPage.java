package dev.veritas.checks.observatory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The input plus what several tests derive from it, computed once: the page's script and meta tags, the headers declared
 * in {@code <meta>}, the CSP analysis (the X-Frame-Options test reads it) and the HSTS outcome (the
 * cookies test reads it).
 */
public final class ObservedPage {
    /** The MIME types Observatory treats as HTML, compared exactly as written. */
    static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> TAGS = Set.of("script", "meta");

    private final ObservatoryInput input;
    private boolean parsed;
    private Optional<List<ObservatoryHtml.Tag>> tags = Optional.empty();
    private MetaHeaders meta;
    private ContentSecurityPolicyCheck.Analysis csp;
    private TestResult hsts;

    ObservedPage(ObservatoryInput input) {
        this.input = input;
    }

    ObservatoryInput input() {
        return input;
    }

    /** Whether the response says it is HTML; like Observatory, no trimming or case folding of the type. */
    boolean isHtml() {
        String contentType = input.headers().combined("Content-Type").orElse("");
        return HTML_TYPES.contains(JsText.split(contentType, ';').get(0));
    }

    /**
     * The {@code <script>} and {@code <meta>} start tags of the body as the Observatory's parser reports them; empty
     * when the body could not be read.
     */
    Optional<List<ObservatoryHtml.Tag>> tags() {
        if (!parsed) {
            tags = input.body().map(body -> ObservatoryHtml.startTags(body, TAGS));
            parsed = true;
        }
        return tags;
    }

    List<ObservatoryHtml.Tag> tags(String name) {
        return tags().orElse(List.of()).stream().filter(tag -> tag.name().equals(name)).toList();
    }

    /** Headers declared in markup; only read from a non-empty HTML body, as Observatory does. */
    MetaHeaders meta() {
        if (meta == null) {
            boolean hasBody = input.body().map(body -> !body.isEmpty()).orElse(false);
            meta = isHtml() && hasBody ? MetaHeaders.from(tags("meta")) : MetaHeaders.NONE;
        }
        return meta;
    }

    ContentSecurityPolicyCheck.Analysis csp() {
        if (csp == null) {
            csp = ContentSecurityPolicyCheck.analyse(this);
        }
        return csp;
    }

    TestResult hsts() {
        if (hsts == null) {
            hsts = new StrictTransportSecurityCheck().evaluate(this);
        }
        return hsts;
    }
}
