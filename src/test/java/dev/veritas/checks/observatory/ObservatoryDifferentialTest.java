package dev.veritas.checks.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.config.Env;
import dev.veritas.eval.ObservatoryGrade;
import dev.veritas.eval.ObservatoryPreloadList;
import dev.veritas.eval.ObservatorySite;
import dev.veritas.eval.ObservatorySiteEval;
import dev.veritas.eval.ObservatorySiteGenerator;
import dev.veritas.json.Json;
import dev.veritas.testing.ObservatoryOracle;
import dev.veritas.testing.Slow;
import dev.veritas.hosts.HstsPreload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Veritas against the MDN HTTP Observatory's own analyzer: generated sites (redirects, every header the twelve
 * tests read, cookies, {@code <meta>} policies, scripts, CORS answers; ordinary, odd and malformed) are graded
 * by the analyzer and by Veritas from the HAR a browser would have saved, through the code path of
 * {@code veritas audit --har}. Every site must get the same grade and score, and every test the same result
 * and modifier. The analyzer's preload list is Veritas's own, so preloaded hosts are compared too.
 *
 * <p>{@code VERITAS_DIFFERENTIAL_SEED} and {@code VERITAS_DIFFERENTIAL_SITES} run other sites locally.
 */
@Slow
class ObservatoryDifferentialTest {
    private static final long SEED = 15;
    private static final int SITES = 600;

    @TempDir
    Path dir;

    @Test
    void everyGeneratedSiteGetsTheObservatorysGradeAndEveryTestItsResult() throws IOException, InterruptedException {
        long seed = Env.get("VERITAS_DIFFERENTIAL_SEED").map(Long::parseLong).orElse(SEED);
        int count = Env.get("VERITAS_DIFFERENTIAL_SITES").map(Integer::parseInt).orElse(SITES);
        HstsPreload preload = HstsPreload.chromium();
        ObservatoryOracle oracle = ObservatoryOracle.prepare(dir, ObservatoryPreloadList.json(preload));
        List<ObservatorySite> sites = new ObservatorySiteGenerator(seed, sample(preload, seed, 40)).generate(count);
        Path sitesFile = dir.resolve("sites.jsonl");
        StringBuilder lines = new StringBuilder();
        sites.forEach(site -> lines.append(site.toJson()).append('\n'));
        Files.writeString(sitesFile, lines, StandardCharsets.UTF_8);

        Path expected = oracle.grade(sitesFile);

        // Kept for a look or a rerun: veritas eval observatory target/observatory-differential/sites.jsonl --expected …
        Path kept = Files.createDirectories(Path.of("target", "observatory-differential"));
        Files.copy(sitesFile, kept.resolve("sites.jsonl"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(expected, kept.resolve("oracle-grades.jsonl"), StandardCopyOption.REPLACE_EXISTING);

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ObservatorySiteEval.Summary summary;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            summary = new ObservatorySiteEval(out).run(sitesFile, Optional.of(expected));
        } catch (ObservatorySiteEval.BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        String printed = report.toString(StandardCharsets.UTF_8);
        System.out.println("Observatory differential, seed " + seed + ", " + count + " sites:");
        System.out.print(printed);
        Map<String, Set<String>> reached = reached(expected);
        System.out.println(coverage(reached));

        assertThat(summary.compared()).as("sites the oracle graded or refused").isEqualTo(count);
        assertThat(summary.graded()).as("sites graded").isGreaterThan(count / 2);
        assertThat(printed).doesNotContain("DISAGREE");
        assertThat(summary.agree()).as("sites with the same grade and score").isEqualTo(summary.compared());
        assertThat(summary.testsAgree()).as("tests with the same result").isEqualTo(summary.testsCompared());
        if (count >= SITES) {
            // Every result the analyzer can give from a capture is met: all but those of an invalid certificate and an
            // unreadable body, which its input here cannot express.
            for (ObservatoryCheck check : ObservatoryGrader.checks()) {
                Set<String> possible = new TreeSet<>();
                check.possibleResults().forEach(r -> possible.add(r.wire()));
                possible.removeAll(Set.of("hsts-invalid-cert", "redirection-invalid-cert", "html-not-parseable"));
                assertThat(reached.getOrDefault(check.name(), Set.of())).as("results of %s the sites reach", check.name())
                        .containsAll(possible);
            }
        }
    }

    /** Some preloaded names, with and without include_subdomains, picked by the seed. */
    private static List<String> sample(HstsPreload preload, long seed, int n) {
        List<String> names = new ArrayList<>(new TreeSet<>(preload.entries().keySet()));
        Random random = new Random(seed);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(names.get(random.nextInt(names.size())));
        }
        preload.entries().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).sorted().limit(5).forEach(picked::add);
        return picked;
    }

    /** Which results the analyzer gave the generated sites, per test. */
    private static Map<String, Set<String>> reached(Path grades) throws IOException {
        Map<String, Set<String>> seen = new TreeMap<>();
        for (String line : Files.readAllLines(grades, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ObservatoryGrade grade = ObservatoryGrade.fromJson(Json.MAPPER.readTree(line));
            grade.tests().forEach((test, result) -> seen.computeIfAbsent(test, t -> new TreeSet<>()).add(result.result()));
        }
        return seen;
    }

    private static String coverage(Map<String, Set<String>> reached) {
        StringBuilder out = new StringBuilder("results reached:\n");
        reached.forEach((test, results) -> out.append("  ").append(test).append(": ").append(results.size()).append(' ')
                .append(results).append('\n'));
        return out.toString();
    }
}
