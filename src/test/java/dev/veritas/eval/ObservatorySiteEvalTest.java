package dev.veritas.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.LinkedHashMap;
/** Grading many sites in one process: JSON lines of sites and folders of HAR files, compared with expected grades. */
class ObservatorySiteEvalTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private ObservatorySiteEval eval() {
        return new ObservatorySiteEval(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private Path sitesFile(List<ObservatorySite> sites) throws IOException {
        Path file = dir.resolve("sites.jsonl");
        Files.writeString(file, sites.stream().map(s -> s.toJson().toString()).collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    private static ObservatorySite site(String id, List<ObservatorySite.Header> headers) {
        return new ObservatorySite(id, "shop.example.com",
                List.of(new ObservatorySite.Hop("http://shop.example.com/", 301), new ObservatorySite.Hop("https://shop.example.com/", 200)),
                headers, "<!doctype html><html><head><script src=\"/app.js\"></script></head></html>", Optional.empty());
    }

    @Test
    void gradesEverySiteOfAJsonLinesFile() throws Exception {
        List<ObservatorySite> sites = new ObservatorySiteGenerator(3, List.of()).generate(60);

        ObservatorySiteEval.Summary summary = eval().run(sitesFile(sites), Optional.empty());

        assertThat(summary.sites()).isEqualTo(60);
        assertThat(summary.graded()).isGreaterThan(30);
        assertThat(output()).contains(sites.get(0).id()).contains("RESULT sites=60 graded=" + summary.graded());
    }

    @Test
    void aSiteGetsTheGradeItsHeadersEarn() {
        ObservatoryGrade bare = ObservatorySiteEval.grade(site("bare", List.of(new ObservatorySite.Header("Content-Type", "text/html"))));
        ObservatoryGrade hardened = ObservatorySiteEval.grade(site("hardened", List.of(
                new ObservatorySite.Header("Content-Type", "text/html"),
                new ObservatorySite.Header("Content-Security-Policy", "default-src 'none'; script-src 'self'; frame-ancestors 'none'"),
                new ObservatorySite.Header("Strict-Transport-Security", "max-age=63072000"),
                new ObservatorySite.Header("X-Content-Type-Options", "nosniff"),
                new ObservatorySite.Header("Referrer-Policy", "no-referrer"))));

        // no CSP −25, no HSTS −20, no X-Frame-Options −20, no X-Content-Type-Options −5
        assertThat(bare.score()).isEqualTo(30);
        assertThat(bare.grade()).isEqualTo("D");
        assertThat(hardened.score()).isEqualTo(120);
        assertThat(hardened.grade()).isEqualTo("A+");
        assertThat(hardened.tests().get("redirection").result()).isEqualTo("redirection-to-https");
    }

    @Test
    void printsEveryDisagreementWithTheExpectedGradesAndTheAgreement() throws Exception {
        List<ObservatorySite> sites = new ObservatorySiteGenerator(4, List.of()).generate(20);
        Path sitesFile = sitesFile(sites);
        List<ObservatoryGrade> mine = ObservatorySiteEval.grade(sitesFile);
        ObservatoryGrade changed = mine.stream().filter(ObservatoryGrade::graded).findFirst().orElseThrow();
        Map<String, ObservatoryGrade.Test> tests = new LinkedHashMap<>(changed.tests());
        tests.put("x-content-type-options", new ObservatoryGrade.Test("x-content-type-options-header-invalid", -5, false));
        ObservatoryGrade other = new ObservatoryGrade(changed.id(), Optional.empty(), "F", 0, tests);
        Path expected = dir.resolve("expected.jsonl");
        Files.writeString(expected, mine.stream().map(g -> (g == changed ? other : g).toJson().toString())
                .collect(Collectors.joining("\n")));

        ObservatorySiteEval.Summary summary = eval().run(sitesFile, Optional.of(expected));

        assertThat(summary.compared()).isEqualTo(20);
        assertThat(summary.agree()).isEqualTo(19);
        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(output()).contains("DISAGREE " + changed.id()).contains(", expected F 0")
                .contains("expected x-content-type-options-header-invalid (-5)")
                .contains("grade and score 19 of 20 sites (95.0%)");
    }

    @Test
    void gradesAFolderOfHarFiles() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("hars"));
        for (ObservatorySite site : new ObservatorySiteGenerator(5, List.of()).generate(3)) {
            Files.writeString(folder.resolve(site.id() + ".har"), Json.write(site.toHar()));
        }
        Files.writeString(folder.resolve("notes.txt"), "not a HAR");

        List<ObservatoryGrade> grades = ObservatorySiteEval.grade(folder);

        assertThat(grades).extracting(ObservatoryGrade::id).containsExactly("s5-0.har", "s5-1.har", "s5-2.har");
    }

    @Test
    void aSiteRoundTripsThroughItsJsonLine() {
        for (ObservatorySite site : new ObservatorySiteGenerator(6, List.of("preloaded.example")).generate(30)) {
            assertThat(ObservatorySite.fromJson(site.toJson())).isEqualTo(site);
        }
    }

    @Test
    void theSameSeedGivesTheSameSites() {
        assertThat(new ObservatorySiteGenerator(8, List.of()).generate(50)).isEqualTo(new ObservatorySiteGenerator(8, List.of()).generate(50));
        assertThat(new ObservatorySiteGenerator(8, List.of()).generate(50)).isNotEqualTo(new ObservatorySiteGenerator(9, List.of()).generate(50));
    }

    @Test
    void badInputIsOneLineThatSaysWhere() throws Exception {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, site("ok", List.of()).toJson() + "\n{\"id\": \"x\", \"chain\": \n");

        assertThatThrownBy(() -> ObservatorySiteEval.grade(file)).isInstanceOf(ObservatorySiteEval.BadInputException.class)
                .hasMessageContaining("line 2 is not JSON");
        Files.writeString(file, "{\"id\": \"x\", \"host\": \"a.example\", \"chain\": []}\n");
        assertThatThrownBy(() -> ObservatorySiteEval.grade(file)).hasMessageContaining("line 1").hasMessageContaining("\"chain\"");
        assertThatThrownBy(() -> ObservatorySiteEval.grade(dir.resolve("missing.jsonl"))).hasMessageContaining("not found");
        assertThatThrownBy(() -> ObservatorySiteEval.grade(Files.createDirectories(dir.resolve("empty"))))
                .hasMessageContaining("holds no .har files");
    }
}
