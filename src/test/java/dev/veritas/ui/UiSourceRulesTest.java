package dev.veritas.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules of the UI's source that keep text from audited pages from ever becoming markup or script: no HTML parsing
 * APIs, no eval, no inline event handlers or inline scripts, and only modules the pages actually load.
 */
class UiSourceRulesTest {
    private static final Path PUBLIC = Path.of("src", "main", "resources", "public");
    private static final Pattern FORBIDDEN_JS = Pattern.compile(
            "\\.(innerHTML|outerHTML)\\b|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\(|createContextualFragment|DOMParser");
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile("(?:from|import\\()\\s*'(\\.{1,2}/[^']+)'");

    private static List<Path> files(String ext) throws IOException {
        try (Stream<Path> s = Files.walk(PUBLIC)) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @Test
    void scriptsNeverParseHtmlOrEvaluateCode() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path js : files(".js")) {
            List<String> lines = Files.readAllLines(js);
            for (int i = 0; i < lines.size(); i++) {
                if (FORBIDDEN_JS.matcher(lines.get(i)).find()) {
                    hits.add(PUBLIC.relativize(js) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(files(".js")).isNotEmpty();
        assertThat(hits).isEmpty();
    }

    @Test
    void htmlHasNoInlineHandlersOrScripts() throws IOException {
        for (Path html : files(".html")) {
            String text = Files.readString(html);
            assertThat(INLINE_HANDLER.matcher(text).find()).as("inline event handler in %s", html).isFalse();
            assertThat(INLINE_SCRIPT.matcher(text).find()).as("inline script in %s", html).isFalse();
        }
    }

    @Test
    void everyImportedModuleExists() throws IOException {
        for (Path js : files(".js")) {
            Matcher m = IMPORT.matcher(Files.readString(js));
            while (m.find()) {
                assertThat(js.getParent().resolve(m.group(1)).normalize()).as("import in %s", js).isRegularFile();
            }
        }
    }
}
