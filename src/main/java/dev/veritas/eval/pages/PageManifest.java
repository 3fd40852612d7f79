package dev.veritas.eval.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.audit.RiskLevel;
import dev.veritas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A corpus of saved pages to audit, one row per audit, read from a tab-separated file with a header row:
 * {@code corpus, name, url, expected, style, headers, file}. {@code corpus} says how the page is served
 * ({@link Corpus}); {@code expected} what counts as a correct verdict ({@link Expectation}); {@code headers} is a
 * JSON object of the response headers sent with the page; {@code file} is relative to the manifest's folder.
 */
public record PageManifest(Path file, List<Row> rows) {
    static final List<String> COLUMNS = List.of("corpus", "name", "url", "expected", "style", "headers", "file");

    /** How a corpus's pages are served, and what they stand for. */
    public enum Corpus {
        /** A phishing kit: the page and the other files of its folder, over HTTPS and plain HTTP, on cheap hosting. */
        PHISH,
        /** A saved page of a real site: exactly its URL over HTTPS; plain HTTP redirects to it. */
        BENIGN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The brand-free style of a kit's host name (only the page's content can give it away). */
    public static final String NEUTRAL_STYLE = "neutral";

    /** One audit of the manifest. {@code line} is the row's line in the file (the header is line 1). */
    public record Row(int line, Corpus corpus, String name, URI url, Expectation expected, String style,
                      Map<String, String> headers, Path file) {
        public Row {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        public String host() {
            return url.getHost().toLowerCase(Locale.ROOT);
        }

        public boolean https() {
            return url.getScheme().equalsIgnoreCase("https");
        }

        /** A kit under a host name that carries no brand (as opposed to a look-alike name). */
        public boolean brandFree() {
            return style.equals(NEUTRAL_STYLE);
        }
    }

    /**
     * What a correct verdict is: the audit completes with one of {@code risks}, and (when asked) without any phishing
     * finding of severity high or critical. Written as {@code high_risk|likely_fraudulent} (any of these levels),
     * {@code below_high_risk} (any level better than high_risk) and {@code no_high_or_critical_phishing_finding},
     * joined by {@code ;}.
     */
    public record Expectation(Set<RiskLevel> risks, boolean noHighPhishingFinding) {
        public Expectation {
            risks = Collections.unmodifiableSet(risks.isEmpty() ? EnumSet.noneOf(RiskLevel.class) : EnumSet.copyOf(risks));
        }

        static Expectation parse(String text) {
            Set<RiskLevel> risks = EnumSet.allOf(RiskLevel.class);
            boolean noHighPhishing = false;
            for (String part : text.split(";")) {
                String token = part.strip();
                if (token.equals("no_high_or_critical_phishing_finding")) {
                    noHighPhishing = true;
                } else if (token.startsWith("below_")) {
                    RiskLevel bound = RiskLevel.parse(token.substring("below_".length()));
                    risks.retainAll(EnumSet.range(RiskLevel.TRUSTED, bound));
                    risks.remove(bound);
                } else {
                    Set<RiskLevel> any = EnumSet.noneOf(RiskLevel.class);
                    for (String level : token.split("\\|")) {
                        any.add(RiskLevel.parse(level.strip()));
                    }
                    risks.retainAll(any);
                }
            }
            if (risks.isEmpty()) {
                throw new IllegalArgumentException("no risk level satisfies '" + text + "'");
            }
            return new Expectation(risks, noHighPhishing);
        }
    }

    /** A manifest that cannot be used, with the line at fault; the message says what to fix. */
    public static final class FormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    /** Reads and checks the whole manifest: every row's URL, expectation and headers, and that its file exists. */
    public static PageManifest read(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new FormatException(manifest + " does not exist or is not a file; give the manifest.tsv of a page corpus");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FormatException("could not read " + manifest + ": " + e.getMessage());
        }
        if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(COLUMNS)) {
            throw new FormatException(manifest + " line 1: expected the header " + String.join("<TAB>", COLUMNS));
        }
        Path folder = manifest.toAbsolutePath().normalize().getParent();
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(row(i + 1, line, folder));
            } catch (IllegalArgumentException e) {
                throw new FormatException(manifest + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            throw new FormatException(manifest + " has no rows after its header");
        }
        return new PageManifest(manifest, List.copyOf(rows));
    }

    private static Row row(int line, String text, Path folder) {
        String[] cells = text.split("\t", -1);
        if (cells.length != COLUMNS.size()) {
            throw new IllegalArgumentException("expected " + COLUMNS.size() + " tab-separated columns, got " + cells.length);
        }
        Corpus corpus = switch (cells[0].strip()) {
            case "phish" -> Corpus.PHISH;
            case "benign" -> Corpus.BENIGN;
            default -> throw new IllegalArgumentException("corpus must be phish or benign (got '" + cells[0] + "')");
        };
        String name = cells[1].strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the name is empty");
        }
        URI url = url(cells[2].strip());
        if (corpus == Corpus.BENIGN && !url.getScheme().equals("https")) {
            throw new IllegalArgumentException("a benign page is served over https; its url must start with https:// (got " + url + ")");
        }
        if (corpus == Corpus.PHISH && url.getRawQuery() != null) {
            throw new IllegalArgumentException("a kit is audited at a path without a query (got " + url + ")");
        }
        Expectation expected = Expectation.parse(cells[3].strip());
        return new Row(line, corpus, name, url, expected, cells[4].strip(), headers(cells[5]), file(cells[6].strip(), folder));
    }

    private static URI url(String text) {
        URI u;
        try {
            u = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the url is not a URL: " + e.getMessage());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || u.getHost() == null || u.getPort() != -1
                || u.getRawUserInfo() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("the url must be http(s)://host/path with no port, user or fragment (got " + text + ")");
        }
        return u;
    }

    private static Map<String, String> headers(String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers must be a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("headers must be a JSON object such as {\"Server\":\"nginx\"}");
        }
        Map<String, String> out = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getValue().isTextual()) {
                throw new IllegalArgumentException("header " + f.getKey() + " must have a string value");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }

    private static Path file(String relative, Path folder) {
        Path p = folder.resolve(relative).normalize();
        if (relative.isEmpty() || !p.startsWith(folder)) {
            throw new IllegalArgumentException("file must be a path inside the manifest's folder (got '" + relative + "')");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new IllegalArgumentException("file " + relative + " does not exist or cannot be read");
        }
        return p;
    }
}
