package dev.veritas.checks.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.eval.ObservatoryEval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation command on fixture directories written here, never on shared data. */
class ObservatoryEvalTest {
    private static final String CSV_HEADER = "fixture,expected_result,score_modifier,notes\n";

    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> lines) {
        String last() {
            return lines.get(lines.size() - 1);
        }
    }

    private Run run(Path directory) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ObservatoryEval.run(directory, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String page(String head) {
        return "<html><head>" + head + "</head><body></body></html>";
    }

    @Test
    void agreesWithCorrectExpectationsAndChecksHttpEquivPagesByName() throws IOException {
        write("no_scripts.html", page(""));
        write("www_is_own.html", page("<script src=\"https://www.mozilla.org/a.js\"></script>"));
        write("noproto.html", page("<script src=\"//cdn.example/a.js\" integrity=\"sha384-x\"></script>"));
        write("test_parse_http_equiv_headers_not_allowed.html",
                page("<meta http-equiv=\"Content-Security-Policy\" content=\"frame-ancestors 'none'\">"));
        write("test_parse_http_equiv_headers_csp1.html",
                page("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';\">"));
        write("unrelated.html", page("<p>not listed anywhere</p>"));
        write("expected_results.csv", CSV_HEADER
                + "no_scripts.html,sri-not-implemented-but-no-scripts-loaded,0,\n"
                + "www_is_own.html,sri-not-implemented-but-all-scripts-loaded-from-secure-origin,0,\n"
                + "noproto.html,sri-implemented-but-external-scripts-not-loaded-securely,-20,\"protocol-relative, insecure\"\n");

        Run run = run(dir);

        assertThat(run.exitCode()).isZero();
        assertThat(run.last()).isEqualTo("RESULT agree=5 of=5");
        assertThat(run.lines()).hasSize(6);
        assertThat(run.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("agree").contains("test_parse_http_equiv_headers_not_allowed.html")
                .contains("expected csp-not-implemented (-25) got csp-not-implemented (-25)")
                .contains("x-frame-options"));
        assertThat(run.lines()).noneMatch(line -> line.contains("unrelated.html"));
    }

    @Test
    void reportsDisagreementsOnResultOrModifierAndExitsWithOne() throws IOException {
        write("http_script.html", page("<script src=\"http://cdn.example/a.js\"></script>"));
        write("https_script.html", page("<script src=\"https://cdn.example/a.js\"></script>"));
        write("expected_results.csv", CSV_HEADER
                + "http_script.html,sri-not-implemented-but-external-scripts-loaded-securely,-5,\n"
                + "https_script.html,sri-not-implemented-but-external-scripts-loaded-securely,-50,\n");

        Run run = run(dir);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.last()).isEqualTo("RESULT agree=0 of=2");
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("DISAGREE").contains("http_script.html")
                .contains("got sri-not-implemented-and-external-scripts-not-loaded-securely (-50)"));
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("DISAGREE").contains("https_script.html")
                .contains("expected sri-not-implemented-but-external-scripts-loaded-securely (-50)"));
    }

    @Test
    void unknownFixturesAndOtherTestsInTheCsvAreStillChecked() throws IOException {
        write("csp_meta.html", page("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src https:\">"));
        write("odd.html", page(""));
        write("expected_results.csv", CSV_HEADER
                + "csp_meta.html,csp-implemented-with-unsafe-inline,-20,\n"
                + "odd.html,sri-is-not-a-thing,0,\n");

        Run run = run(dir);

        assertThat(run.last()).isEqualTo("RESULT agree=1 of=2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("agree").contains("csp_meta.html"));
        assertThat(run.lines()).anySatisfy(line -> assertThat(line).startsWith("DISAGREE").contains("sri-is-not-a-thing"));
    }

    @Test
    void aMissingDirectoryIsOneClearLineAndExitTwo() {
        Run run = run(dir.resolve("nope"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("error: fixture directory not found");
    }

    @Test
    void aMissingCsvIsOneClearLineAndExitTwo() throws IOException {
        write("page.html", page(""));

        Run run = run(dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).containsExactly("error: missing expected_results.csv in " + dir);
    }

    @Test
    void aListedFixtureThatIsMissingIsBadInput() throws IOException {
        write("expected_results.csv", CSV_HEADER + "ghost.html,sri-not-implemented-but-no-scripts-loaded,0,\n");

        Run run = run(dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("error: ").contains("ghost.html");
    }

    @Test
    void anUnreadableFixtureIsBadInput() throws IOException {
        Files.write(dir.resolve("binary.html"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x00});
        write("expected_results.csv", CSV_HEADER + "binary.html,sri-not-implemented-but-no-scripts-loaded,0,\n");

        Run run = run(dir);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).singleElement().asString().startsWith("error: ").contains("binary.html");
    }

    @Test
    void aMalformedCsvIsBadInput() throws IOException {
        write("a.html", page(""));
        write("expected_results.csv", "name,result\na.html,sri-not-implemented-but-no-scripts-loaded\n");
        assertThat(run(dir).lines()).singleElement().asString().contains("needs the columns");

        write("expected_results.csv", CSV_HEADER + "a.html,sri-not-implemented-but-no-scripts-loaded,zero,\n");
        Run run = run(dir);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.lines()).singleElement().asString().contains("score_modifier 'zero'");
    }

    @Test
    void anEmptyCsvChecksNothingAndAgrees() throws IOException {
        write("expected_results.csv", CSV_HEADER);

        Run run = run(dir);

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("RESULT agree=0 of=0");
    }
}
