package dev.veritas.eval;

import dev.veritas.checks.observatory.HttpHeaders;
import dev.veritas.checks.observatory.HttpProbe;
import dev.veritas.checks.observatory.ObservatoryCheck;
import dev.veritas.checks.observatory.ObservatoryGrader;
import dev.veritas.checks.observatory.ObservatoryInput;
import dev.veritas.checks.observatory.ObservatoryResult;
import dev.veritas.checks.observatory.RedirectHop;
import dev.veritas.checks.observatory.TestResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import java.nio.ByteBuffer;
/**
 * Measures the Observatory grader against labelled fixture pages: a directory holding
 * {@code expected_results.csv} (columns {@code fixture, expected_result, score_modifier}) and the HTML pages
 * it names, plus pages exercising {@code <meta http-equiv>} whose expectations are known here by file name.
 *
 * <p>Each page is graded the way Observatory's own test suite sets pages up: requested as
 * {@code https://mozilla.org/}, answered with {@code 200} and {@code Content-Type: text/html}, a valid
 * certificate, and plain HTTP redirecting {@code http://mozilla.org/ → https://mozilla.org/ →
 * https://www.mozilla.org/}. The page host matters: a script on www.mozilla.org is the site's own.
 *
 * <p>Prints one line per fixture and ends with {@code RESULT agree=<n> of=<m>}; returns 0 when all agree,
 * 1 when some disagree, 2 on bad input.
 */
public final class ObservatoryEval {
    public static final String CSV_NAME = "expected_results.csv";
    static final String FIXTURE_PAGE_URL = "https://mozilla.org/";

    /** One expected test outcome. */
    record Expectation(String test, String result, int modifier) {
        static Expectation of(String result) {
            ObservatoryCheck check = ObservatoryGrader.checkFor(result)
                    .orElseThrow(() -> new IllegalStateException("unknown result " + result));
            int modifier = check.possibleResults().stream().filter(r -> r.wire().equals(result))
                    .mapToInt(ObservatoryResult::modifier).findFirst().orElseThrow();
            return new Expectation(check.name(), result, modifier);
        }
    }

    /**
     * What Observatory gives the {@code <meta http-equiv>} pages of its test suite, graded alone: a CSP or
     * referrer policy in {@code <meta>} counts (name matched case-insensitively, spaces trimmed), several
     * {@code <meta>} policies are combined, {@code frame-ancestors} is ignored in {@code <meta>} (leaving no
     * policy at all), and {@code <meta http-equiv="X-Frame-Options">} is ignored.
     */
    static final Map<String, List<Expectation>> HTTP_EQUIV_EXPECTATIONS = httpEquivExpectations();

    private static Map<String, List<Expectation>> httpEquivExpectations() {
        Map<String, List<Expectation>> table = new LinkedHashMap<>();
        table.put("test_parse_http_equiv_headers_case_insensitivity.html",
                List.of(Expectation.of("referrer-policy-private")));
        table.put("test_parse_http_equiv_headers_csp1.html",
                List.of(Expectation.of("csp-implemented-with-no-unsafe-default-src-none")));
        table.put("test_parse_http_equiv_headers_csp2.html",
                List.of(Expectation.of("csp-implemented-with-unsafe-inline")));
        table.put("test_parse_http_equiv_headers_csp_multiple_http_equiv1.html",
                List.of(Expectation.of("csp-implemented-with-no-unsafe-default-src-none")));
        table.put("test_parse_http_equiv_headers_not_allowed.html",
                List.of(Expectation.of("csp-not-implemented"), Expectation.of("x-frame-options-not-implemented")));
        table.put("test_parse_http_equiv_headers_referrer1.html",
                List.of(Expectation.of("referrer-policy-private")));
        table.put("test_parse_http_equiv_headers_x_frame_options.html",
                List.of(Expectation.of("x-frame-options-not-implemented")));
        return Map.copyOf(table);
    }

    /** Input the fixture directory cannot provide; reported in one line, never as a stack trace. */
    static final class BadInputException extends Exception {
        private static final long serialVersionUID = 1L;

        BadInputException(String message) {
            super(message);
        }
    }

    private ObservatoryEval() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.out.println("usage: ObservatoryEval <fixture directory>");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), System.out));
    }

    public static int run(Path dir, PrintStream out) {
        try {
            return evaluate(dir, out);
        } catch (BadInputException e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            out.println("error: could not evaluate " + dir + ": " + e);
            return 2;
        }
    }

    private static int evaluate(Path dir, PrintStream out) throws BadInputException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("fixture directory not found: " + dir);
        }
        Path csv = dir.resolve(CSV_NAME);
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException("missing " + CSV_NAME + " in " + dir);
        }
        Map<String, List<Expectation>> expectations = new TreeMap<>();
        Map<String, String> unknownResults = new LinkedHashMap<>();
        for (CsvRow row : readCsv(csv)) {
            Optional<ObservatoryCheck> check = ObservatoryGrader.checkFor(row.expectedResult());
            if (check.isEmpty()) {
                unknownResults.put(row.fixture(), row.expectedResult());
                continue;
            }
            expectations.computeIfAbsent(row.fixture(), f -> new ArrayList<>())
                    .add(new Expectation(check.get().name(), row.expectedResult(), row.modifier()));
        }
        for (Map.Entry<String, List<Expectation>> entry : HTTP_EQUIV_EXPECTATIONS.entrySet()) {
            if (Files.isRegularFile(dir.resolve(entry.getKey()))) {
                expectations.computeIfAbsent(entry.getKey(), f -> new ArrayList<>()).addAll(entry.getValue());
            }
        }

        int agree = 0;
        int total = 0;
        for (Map.Entry<String, String> unknown : unknownResults.entrySet()) {
            total++;
            out.println("DISAGREE " + unknown.getKey() + "  expected result '" + unknown.getValue()
                    + "' is not an Observatory result name");
        }
        for (Map.Entry<String, List<Expectation>> entry : expectations.entrySet()) {
            if (unknownResults.containsKey(entry.getKey())) {
                continue;
            }
            String html = readPage(dir, entry.getKey());
            Map<String, TestResult> got = ObservatoryGrader.runTests(fixtureInput(html));
            List<String> parts = new ArrayList<>();
            boolean allAgree = true;
            for (Expectation expected : entry.getValue()) {
                TestResult actual = got.get(expected.test());
                boolean same = actual.result().equals(expected.result()) && actual.scoreModifier() == expected.modifier();
                allAgree &= same;
                parts.add(expected.test() + ": expected " + expected.result() + " (" + signed(expected.modifier())
                        + ") got " + actual.result() + " (" + signed(actual.scoreModifier()) + ")");
            }
            total++;
            if (allAgree) {
                agree++;
            }
            out.println((allAgree ? "agree    " : "DISAGREE ") + entry.getKey() + "  " + String.join("; ", parts));
        }
        out.println("RESULT agree=" + agree + " of=" + total);
        return agree == total ? 0 : 1;
    }

    /** A fixture page as Observatory's test helper presents it. */
    static ObservatoryInput fixtureInput(String html) {
        return ObservatoryInput.builder(FIXTURE_PAGE_URL)
                .status(200)
                .headers(HttpHeaders.of("Content-Type", "text/html"))
                .body(html)
                .httpProbe(HttpProbe.redirects(
                        RedirectHop.of("http://mozilla.org/", 301, "https://mozilla.org/"),
                        RedirectHop.of("https://mozilla.org/", 301, "https://www.mozilla.org/"),
                        RedirectHop.of("https://www.mozilla.org/", 200)))
                .certificateValid(true)
                .hstsPreloaded(false)
                .build();
    }

    private static String signed(int modifier) {
        return modifier > 0 ? "+" + modifier : Integer.toString(modifier);
    }

    private static String readPage(Path dir, String fixture) throws BadInputException {
        Path page = dir.resolve(fixture).normalize();
        if (!page.startsWith(dir.normalize())) {
            throw new BadInputException("fixture name leaves the fixture directory: " + fixture);
        }
        if (!Files.isRegularFile(page)) {
            throw new BadInputException("fixture listed in " + CSV_NAME + " not found: " + page);
        }
        return readUtf8(page);
    }

    private static String readUtf8(Path file) throws BadInputException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("not UTF-8 text: " + file);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    record CsvRow(String fixture, String expectedResult, int modifier) {}

    private static List<CsvRow> readCsv(Path csv) throws BadInputException {
        String text = readUtf8(csv);
        List<List<String>> records = Csv.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw new BadInputException(CSV_NAME + " is empty: " + csv);
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int fixture = header.indexOf("fixture");
        int result = header.indexOf("expected_result");
        int modifier = header.indexOf("score_modifier");
        if (fixture < 0 || result < 0 || modifier < 0) {
            throw new BadInputException(CSV_NAME + " needs the columns fixture, expected_result and score_modifier (got "
                    + String.join(", ", records.get(0)) + ")");
        }
        List<CsvRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = i + 1;
            String name = cell(record, fixture).strip();
            String expected = cell(record, result).strip();
            String points = cell(record, modifier).strip();
            if (name.isEmpty() || expected.isEmpty()) {
                throw new BadInputException(CSV_NAME + " row " + line + " lacks a fixture or an expected result");
            }
            try {
                rows.add(new CsvRow(name, expected, Integer.parseInt(points.startsWith("+") ? points.substring(1) : points)));
            } catch (NumberFormatException e) {
                throw new BadInputException(CSV_NAME + " row " + line + ": score_modifier '" + points + "' is not a whole number");
            }
        }
        return rows;
    }

    private static String cell(List<String> record, int index) {
        return index < record.size() ? record.get(index) : "";
    }

    /** Just enough RFC 4180: quoted fields with doubled quotes, commas and line breaks inside quotes. */
    static final class Csv {
        private Csv() {}

        static List<List<String>> parse(String text) throws BadInputException {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    any = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    any = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (any || field.length() > 0) {
                        record.add(field.toString());
                        records.add(record);
                    }
                    record = new ArrayList<>();
                    field.setLength(0);
                    any = false;
                } else {
                    field.append(c);
                    any = true;
                }
            }
            if (quoted) {
                throw new BadInputException("unterminated quoted field in " + CSV_NAME);
            }
            if (any || field.length() > 0) {
                record.add(field.toString());
                records.add(record);
            }
            return records;
        }
    }
}
