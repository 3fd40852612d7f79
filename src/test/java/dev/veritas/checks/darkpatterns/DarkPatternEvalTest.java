package dev.veritas.checks.darkpatterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.eval.DarkPatternEval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DarkPatternEvalTest {
    private static final String HEADER = "page_id\ttext\tlabel\tcategory\tpattern_type\n";

    @TempDir
    Path dir;

    private record Run(int code, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    private Run eval(String content) throws IOException {
        Path file = dir.resolve("labelled.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return eval(file);
    }

    private static Run eval(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = DarkPatternEval.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void scoresASmallFileAndEndsWithTheResultLine() throws IOException {
        Run run = eval(HEADER
                + "p1\tOnly 2 left in stock!\t1\tScarcity\tLow-stock Message\n"
                + "p1\tFree shipping on orders over $50\t0\t\t\n"
                + "p2\t12 people are viewing this right now\t1\tSocial Proof\tActivity Notification\n"
                + "p2\tShop our new spring collection\t1\tUrgency\tLimited-time Message\n"
                + "p3\tAdd to cart\t0\t\t\n"
                + "p3\tNo thanks, I'd rather pay full price\t1\tMisdirection\tConfirmshaming\n");
        assertThat(run.code()).isZero();
        // 3 of 4 dark rows found, no benign row flagged.
        assertThat(run.lines()).last().isEqualTo("RESULT precision=1.000 recall=0.750 f1=0.857 fpr=0.000");
        assertThat(run.output()).contains("scarcity         1.000  (1/1)")
                .contains("urgency          0.000  (0/1)")
                .contains("limited_time_message")
                .contains("6 rows, 4 dark, 2 benign");
    }

    @Test
    void measuresTheClassifierWithAndWithoutTheSentenceModel() throws IOException {
        Path file = dir.resolve("paraphrase.tsv");
        Files.writeString(file, HEADER + "p1\tStock is running thin on this colour\t1\tScarcity\tLow-stock Message\n"
                + "p1\tFree shipping on orders over $50\t0\t\t\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream with = new ByteArrayOutputStream();
        ByteArrayOutputStream without = new ByteArrayOutputStream();

        DarkPatternEval.run(file, new PrintStream(with, true, StandardCharsets.UTF_8), DarkPatternEval.Options.defaults());
        DarkPatternEval.run(file, new PrintStream(without, true, StandardCharsets.UTF_8),
                new DarkPatternEval.Options(java.util.Optional.empty(), false, DarkPatternEval.Component.NO_SENTENCE_MODEL));

        assertThat(with.toString(StandardCharsets.UTF_8).lines().toList()).last().isEqualTo("RESULT precision=1.000 recall=1.000 f1=1.000 fpr=0.000");
        assertThat(without.toString(StandardCharsets.UTF_8)).contains("no-sentence-model");
        assertThat(without.toString(StandardCharsets.UTF_8).lines().toList()).last().asString().contains("recall=0.000");
    }

    @Test
    void countsFalsePositivesAndWrongTypes() throws IOException {
        Run run = eval(HEADER
                + "a\tHurry, only 1 left!\t1\tUrgency\tCountdown Timer\n"
                + "b\tOnly 3 left in stock\t0\t\t\n"
                + "c\tAbout us\t0\t\t\n");
        assertThat(run.code()).isZero();
        assertThat(run.lines()).last().isEqualTo("RESULT precision=0.500 recall=1.000 f1=0.667 fpr=0.500");
        assertThat(run.output()).contains("countdown_timer -> low_stock_message: 1");
    }

    @Test
    void readsQuotedFieldsWithTabsQuotesAndLineBreaks() throws IOException {
        Run run = eval(HEADER
                + "7\t\"Someone in Leeds bought a \n24\"\" Chain\"\t1\tSocial Proof\tActivity Notification\n"
                + "8\t\"Size\tguide\"\t0\t\t\n");
        assertThat(run.code()).isZero();
        assertThat(run.output()).contains("2 rows, 1 dark, 1 benign");
        assertThat(run.lines()).last().isEqualTo("RESULT precision=1.000 recall=1.000 f1=1.000 fpr=0.000");
    }

    @Test
    void acceptsWireNamesWindowsLineEndsAndAByteOrderMark() throws IOException {
        Run run = eval("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "x\tOnly 4 left\t1\tscarcity\tlow_stock_message\r\n"
                + "y\tContact us\t0\t\t\r\n");
        assertThat(run.code()).isZero();
        assertThat(run.lines()).last().isEqualTo("RESULT precision=1.000 recall=1.000 f1=1.000 fpr=0.000");
    }

    @Test
    void heldOutSplitScoresOnlyPagesTheModelDidNotLearnFrom() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        int heldOut = 0;
        for (int page = 0; page < 40; page++) {
            String id = "page-" + page;
            content.append(id).append("\tOnly 2 left\t1\tScarcity\tLow-stock Message\n");
            heldOut += PageSplit.of(id) == PageSplit.Part.HELD_OUT ? 1 : 0;
        }
        Path file = dir.resolve("split.tsv");
        Files.writeString(file, content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = DarkPatternEval.run(file, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                new DarkPatternEval.Options(Optional.of(PageSplit.Part.HELD_OUT), false, DarkPatternEval.Component.BOTH));
        assertThat(code).isZero();
        assertThat(heldOut).isBetween(1, 39);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("split held-out: " + heldOut + " rows");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("wrong columns", "id\ttext\tlabel\nx\ty\t1\n", "header must name the tab-separated columns"),
                Arguments.of("bad label", HEADER + "a\tOnly 2 left\tyes\t\t\n", "label must be 1 (dark pattern) or 0 (benign)"),
                Arguments.of("missing field", HEADER + "a\tOnly 2 left\t1\n", "expected 5 tab-separated fields, found 3"),
                Arguments.of("unclosed quote", HEADER + "a\t\"Only 2 left\t1\t\t\n", "quoted field is never closed"),
                Arguments.of("unknown type", HEADER + "a\tOnly 2 left\t1\tScarcity\tFake Scarcity\n", "unknown pattern_type 'Fake Scarcity'"),
                Arguments.of("unknown category", HEADER + "a\tOnly 2 left\t1\tPanic\t\n", "unknown category 'Panic'"),
                Arguments.of("empty page id", HEADER + "\tOnly 2 left\t1\t\t\n", "page_id is empty"),
                Arguments.of("header only", HEADER, "has a header but no rows"),
                Arguments.of("empty file", "", "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badInputGetsOneClearLineAndExitCode2(String what, String content, String message) throws IOException {
        Run run = eval(content);
        assertThat(run.code()).as(run.output()).isEqualTo(2);
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("error: ").contains(message).doesNotContain("Exception");
    }

    @Test
    void lineNumbersPointAtTheBrokenRowEvenAfterMultiLineFields() throws IOException {
        Run run = eval(HEADER + "a\t\"two\nlines\"\t0\t\t\n" + "b\tfine\t0\t\t\n" + "c\tbroken\tmaybe\t\t\n");
        assertThat(run.lines()).singleElement().asString().contains("line 5:");
    }

    @Test
    void missingFileIsBadInputNotAStackTrace() {
        Run run = eval(dir.resolve("nope.tsv"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.lines()).singleElement().asString().startsWith("error: ").contains("no such file")
                .contains("page_id, text, label, category, pattern_type");
    }

    @Test
    void nonUtf8FileIsBadInput() throws IOException {
        Path file = dir.resolve("latin1.tsv");
        Files.write(file, (HEADER + "a\tCaf\u00e9\t0\t\t\n").getBytes(StandardCharsets.ISO_8859_1));
        Run run = eval(file);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.lines()).singleElement().asString().contains("save the file as UTF-8");
    }

    @Test
    void labelledFileRowsCarryCategoryFromTheirType() throws Exception {
        Path file = dir.resolve("rows.tsv");
        Files.writeString(file, HEADER + "p\tOnly 2 left\t1\t\tLow-stock Message\nq\tHome\t0\t\t\n");
        List<LabelledSegment> rows = LabelledTsv.read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).category()).contains(PatternCategory.SCARCITY);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).dark()).isFalse();
        assertThat(rows.get(1).patternType()).isEmpty();
    }
}
