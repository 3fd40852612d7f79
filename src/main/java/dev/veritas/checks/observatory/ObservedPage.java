package dev.veritas.checks.observatory;

import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The input plus what several tests derive from it, computed once: the parsed HTML, the headers declared
 * in {@code <meta>}, the CSP analysis (the X-Frame-Options test reads it) and the HSTS outcome (the
 * cookies test reads it).
 */
public final class ObservedPage {
    /** The MIME types Observatory treats as HTML, compared exactly as written. */
    static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    private final ObservatoryInput input;
    private boolean parsed;
    private Optional<Document> document = Optional.empty();
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

    /** The parsed body; empty when the body could not be read or the parser gave up on it. */
    Optional<Document> document() {
        if (!parsed) {
            document = parse();
            parsed = true;
        }
        return document;
    }

    private Optional<Document> parse() {
        if (input.body().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Jsoup.parse(input.body().get(), input.pageUrl().toString()));
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** Headers declared in markup; only read from a non-empty HTML body, as Observatory does. */
    MetaHeaders meta() {
        if (meta == null) {
            boolean hasBody = input.body().map(body -> !body.isEmpty()).orElse(false);
            meta = isHtml() && hasBody ? document().map(MetaHeaders::from).orElse(MetaHeaders.NONE) : MetaHeaders.NONE;
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
