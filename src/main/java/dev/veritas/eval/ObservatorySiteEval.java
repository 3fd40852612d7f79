package dev.veritas.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.veritas.capture.HarReader;
import dev.veritas.capture.SiteCapture;
import dev.veritas.checks.SecurityHeadersCheck;
import dev.veritas.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.stream.Stream;

/**
 * Grades many sites in one process, each through the path of {@code veritas audit --har} (the HAR reader, then
 * the security-headers check): a folder of HAR files, one HAR file, or JSON lines of sites
 * ({@link ObservatorySite}). With the grades the Observatory's own analyzer gave the same sites (JSON lines of
 * {@link ObservatoryGrade}), it reports the agreement — grade and score per site, result and modifier per test —
 * and every disagreement.
 */
public final class ObservatorySiteEval {
    private final PrintStream out;

    public ObservatorySiteEval(PrintStream out) {
        this.out = out;
    }

    /** Bad input, reported in one line. */
    public static final class BadInputException extends Exception {
        private static final long serialVersionUID = 1L;

        public BadInputException(String message) {
            super(message);
        }
    }

    /** What a run found; {@link #exitCode()} is 0 when every site agrees (or nothing was compared). */
    public record Summary(int sites, int graded, int compared, int agree, int testsCompared, int testsAgree, double seconds) {
        public int exitCode() {
            return agree == compared && testsAgree == testsCompared ? 0 : 1;
        }
    }

    public Summary run(Path input, Optional<Path> expectedFile) throws BadInputException {
        Map<String, ObservatoryGrade> expected = new LinkedHashMap<>();
        if (expectedFile.isPresent()) {
            expected = readExpected(expectedFile.get());
        }
        long start = System.nanoTime();
        List<ObservatoryGrade> grades = grade(input);
        double seconds = (System.nanoTime() - start) / 1e9;

        int graded = 0;
        int compared = 0;
        int agree = 0;
        int testsCompared = 0;
        int testsAgree = 0;
        Map<String, int[]> perTest = new TreeMap<>();
        for (ObservatoryGrade grade : grades) {
            graded += grade.graded() ? 1 : 0;
            ObservatoryGrade theirs = expected.get(grade.id());
            if (theirs == null) {
                if (expectedFile.isEmpty()) {
                    out.println(grade.graded()
                            ? String.format(Locale.ROOT, "%-24s %-2s %3d  %s", grade.id(), grade.grade(), grade.score(), failed(grade))
                            : String.format(Locale.ROOT, "%-24s not graded: %s", grade.id(), grade.error().get()));
                } else {
                    out.println("MISSING  " + grade.id() + "  has no expected grade in " + expectedFile.get());
                }
                continue;
            }
            compared++;
            List<String> differences = grade.differencesFrom(theirs);
            agree += differences.isEmpty() ? 1 : 0;
            if (!differences.isEmpty()) {
                out.println("DISAGREE " + grade.id() + "  " + String.join("; ", differences));
            }
            if (grade.graded() && theirs.graded()) {
                testsCompared += theirs.tests().size();
                testsAgree += grade.testsAgreeingWith(theirs);
                for (String test : theirs.tests().keySet()) {
                    int[] counts = perTest.computeIfAbsent(test, t -> new int[2]);
                    counts[1]++;
                    ObservatoryGrade.Test mine = grade.tests().get(test);
                    ObservatoryGrade.Test their = theirs.tests().get(test);
                    if (mine != null && mine.result().equals(their.result()) && mine.scoreModifier() == their.scoreModifier()) {
                        counts[0]++;
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "graded %d of %d sites in %.2f s (%.0f sites/s)%n", graded, grades.size(), seconds,
                grades.size() / Math.max(seconds, 1e-9));
        if (expectedFile.isPresent()) {
            out.printf(Locale.ROOT, "agreement with %s: grade and score %d of %d sites (%s), tests %d of %d (%s)%n",
                    expectedFile.get().getFileName(), agree, compared, percent(agree, compared), testsAgree, testsCompared,
                    percent(testsAgree, testsCompared));
            perTest.forEach((test, counts) -> out.printf(Locale.ROOT, "  %-32s %d of %d%n", test, counts[0], counts[1]));
        }
        out.printf(Locale.ROOT, "RESULT sites=%d graded=%d compared=%d agree=%d tests_agree=%d tests_compared=%d seconds=%.2f%n",
                grades.size(), graded, compared, agree, testsAgree, testsCompared, seconds);
        return new Summary(grades.size(), graded, compared, agree, testsCompared, testsAgree, seconds);
    }

    private static String failed(ObservatoryGrade grade) {
        List<String> failed = new ArrayList<>();
        grade.tests().forEach((name, test) -> {
            if (!test.pass()) {
                failed.add(test.result());
            }
        });
        failed.sort(null);
        return failed.isEmpty() ? "" : "failed: " + String.join(", ", failed);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** Grades every site the input holds, in order. */
    public static List<ObservatoryGrade> grade(Path input) throws BadInputException {
        if (Files.isDirectory(input)) {
            List<Path> hars;
            try (Stream<Path> files = Files.list(input)) {
                hars = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har")).sorted().toList();
            } catch (IOException e) {
                throw new BadInputException("cannot list " + input + ": " + e.getMessage());
            }
            if (hars.isEmpty()) {
                throw new BadInputException(input + " holds no .har files (nor expected_results.csv with fixture pages)");
            }
            return hars.parallelStream().map(ObservatorySiteEval::gradeHarFile).toList();
        }
        if (!Files.isRegularFile(input)) {
            throw new BadInputException("not found: " + input + " (give a folder of HAR files, a .har file or a .jsonl file of sites)");
        }
        if (input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har")) {
            return List.of(gradeHarFile(input));
        }
        List<ObservatorySite> sites = new ArrayList<>();
        forEachJsonLine(input, (line, node) -> {
            try {
                sites.add(ObservatorySite.fromJson(node));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(input + " line " + line + ": " + e.getMessage());
            }
        });
        // Each grade is a pure function of its site, so the sites share the cores; the order of the input is kept.
        return sites.parallelStream().map(ObservatorySiteEval::grade).toList();
    }

    /** One site, from the HAR a browser would have saved for it. */
    public static ObservatoryGrade grade(ObservatorySite site) {
        try {
            return grade(site.id(), HarReader.read(site.toHar(), site.id()));
        } catch (HarReader.HarException e) {
            return ObservatoryGrade.notGraded(site.id(), e.getMessage());
        }
    }

    private static ObservatoryGrade gradeHarFile(Path file) {
        String id = file.getFileName().toString();
        try {
            return grade(id, HarReader.read(file));
        } catch (HarReader.HarException e) {
            return ObservatoryGrade.notGraded(id, e.getMessage());
        }
    }

    private static ObservatoryGrade grade(String id, SiteCapture capture) {
        return SecurityHeadersCheck.observatory(capture).map(outcome -> ObservatoryGrade.of(id, outcome))
                .orElseGet(() -> ObservatoryGrade.notGraded(id, "the capture holds no page"));
    }

    private static Map<String, ObservatoryGrade> readExpected(Path file) throws BadInputException {
        Map<String, ObservatoryGrade> out = new LinkedHashMap<>();
        forEachJsonLine(file, (line, node) -> {
            try {
                ObservatoryGrade grade = ObservatoryGrade.fromJson(node);
                out.put(grade.id(), grade);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + " line " + line + ": " + e.getMessage());
            }
        });
        return out;
    }

    /** Jackson's reason without the location details it appends. */
    private static String shortReason(String message) {
        int cut = message.indexOf(" (start marker");
        cut = cut < 0 ? message.indexOf(" at [Source") : cut;
        String reason = cut < 0 ? message : message.substring(0, cut);
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline);
    }

    private interface LineHandler {
        void accept(int line, JsonNode node) throws BadInputException;
    }

    private static void forEachJsonLine(Path file, LineHandler handler) throws BadInputException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new BadInputException(file + " line " + line + " is not JSON (" + shortReason(e.getOriginalMessage())
                            + "); give one JSON object per line");
                }
                handler.accept(line, node);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
