package dev.veritas.checks.darkpatterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veritas.eval.DarkPatternTrainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import dev.veritas.eval.SoftmaxTrainer;
class NgramModelTest {
    private static final List<Optional<PatternType>> CLASSES = List.of(Optional.empty(), Optional.of(PatternType.LOW_STOCK_MESSAGE),
            Optional.of(PatternType.ACTIVITY_NOTIFICATION));

    private static List<SoftmaxTrainer.Example> toyExamples() {
        List<SoftmaxTrainer.Example> ex = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ex.add(new SoftmaxTrainer.Example("only " + i + " left in stock", 1));
            ex.add(new SoftmaxTrainer.Example("hurry only " + i + " left", 1));
            ex.add(new SoftmaxTrainer.Example(i + " people are viewing this", 2));
            ex.add(new SoftmaxTrainer.Example("someone in town " + i + " just bought a hat", 2));
            ex.add(new SoftmaxTrainer.Example("shop womens dresses " + i, 0));
            ex.add(new SoftmaxTrainer.Example("contact us about delivery " + i, 0));
        }
        return ex;
    }

    @Test
    void aPageOfCommaSeparatedDigitsIsTokenizedWithoutOverflowingTheStack() {
        // an unbounded repeated group in the token pattern recursed once per "1," and overflowed on a few thousand
        List<String> tokens = NgramFeatures.tokens("1,".repeat(50_000));

        assertThat(tokens).isNotEmpty().allMatch("<n>"::equals);
        assertThat(NgramFeatures.tokens("1,234,567.89 sold")).containsExactly("<n>", "sold");
    }

    @Test
    void featuresAlwaysContainAWordAndMarkTheEnds() {
        assertThat(NgramFeatures.of("only 2 left!")).contains("only", "left", "^ only", "only <n>", "<n> left", "left !")
                .doesNotContain("<n>", "!", "^ <n>");
        assertThat(NgramFeatures.of("$59.00 : 12")).isEmpty();
        assertThat(NgramFeatures.of("")).isEmpty();
    }

    @Test
    void trainingLearnsTheToyClassesAndExplainsItself() {
        NgramModel m = SoftmaxTrainer.train(toyExamples(), CLASSES, SoftmaxTrainer.Options.defaults(), 0.5, List.of("toy"));
        NgramModel.Score s = m.score("only 7 left in stock");
        assertThat(s.likelyType()).contains(PatternType.LOW_STOCK_MESSAGE);
        assertThat(s.darkProbability()).isGreaterThan(0.8);
        assertThat(s.contributingTerms()).isNotEmpty().allMatch(t -> NgramFeatures.of("only 7 left in stock").contains(t));
        assertThat(m.score("28 people are viewing this").likelyType()).contains(PatternType.ACTIVITY_NOTIFICATION);
        assertThat(m.score("shop womens dresses").darkProbability()).isLessThan(0.3);
    }

    @Test
    void trainingIsDeterministic() throws IOException {
        assertThat(serialise(SoftmaxTrainer.train(toyExamples(), CLASSES, SoftmaxTrainer.Options.defaults(), 0.5, List.of())))
                .isEqualTo(serialise(SoftmaxTrainer.train(toyExamples(), CLASSES, SoftmaxTrainer.Options.defaults(), 0.5, List.of())));
    }

    @Test
    void writeThenReadScoresTheSame() throws IOException {
        NgramModel m = SoftmaxTrainer.train(toyExamples(), CLASSES, SoftmaxTrainer.Options.defaults(), 0.7, List.of("made in a test"));
        String text = serialise(m);
        assertThat(text).startsWith("# made in a test\nthreshold\t0.7000\nclasses\tbenign\tlow_stock_message\tactivity_notification\n");
        NgramModel back = NgramModel.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(back.threshold()).isEqualTo(0.7);
        assertThat(back.score("only 3 left").darkProbability()).isCloseTo(m.score("only 3 left").darkProbability(), Offset.offset(1e-3));
    }

    @Test
    void brokenModelFilesAreRejected() {
        assertThatThrownBy(() -> NgramModel.read(stream("threshold\t0.5\n"))).hasMessageContaining("lacks");
        assertThatThrownBy(() -> NgramModel.read(stream("threshold\t0.5\nclasses\tbenign\tno_such_type\n"))).hasMessageContaining("no_such_type");
        assertThatThrownBy(() -> new NgramModel(List.of(Optional.of(PatternType.LOW_STOCK_MESSAGE)), new double[1], Map.of(), 0.5, List.of()))
                .hasMessageContaining("benign");
    }

    @Test
    void pageSplitIsAFixedHashOfThePageId() {
        // FNV-1a 32-bit reference values.
        assertThat(PageSplit.fnv1a("")).isEqualTo(0x811c9dc5);
        assertThat(PageSplit.fnv1a("a")).isEqualTo(0xe40c292c);
        assertThat(PageSplit.fnv1a("foobar")).isEqualTo(0xbf9cf968);
        assertThat(PageSplit.of("a")).isEqualTo(Integer.remainderUnsigned(0xe40c292c, 10) < 7 ? PageSplit.Part.TRAIN : PageSplit.Part.HELD_OUT);
        long train = IntStream.range(0, 2000).filter(i -> PageSplit.of(Integer.toString(i)) == PageSplit.Part.TRAIN).count();
        assertThat(train).isBetween(1300L, 1500L);
        assertThat(PageSplit.fold("42", 5)).isBetween(0, 4).isEqualTo(PageSplit.fold("42", 5));
    }

    @Test
    void trainerWritesALoadableModelAndIsReproducible(@TempDir Path dir) throws IOException {
        StringBuilder tsv = new StringBuilder("page_id\ttext\tlabel\tcategory\tpattern_type\n");
        for (int page = 0; page < 60; page++) {
            tsv.append(page).append("\tOnly ").append(page % 9 + 1).append(" left in stock\t1\tScarcity\tLow-stock Message\n");
            tsv.append(page).append("\t").append(page + 3).append(" people are viewing this\t1\tSocial Proof\tActivity Notification\n");
            tsv.append(page).append("\tShop gifts for page ").append(page).append("\t0\t\t\n");
            tsv.append(page).append("\tDelivery and returns\t0\t\t\n");
        }
        Path data = dir.resolve("train.tsv");
        Files.writeString(data, tsv);
        Path first = dir.resolve("m1.tsv");
        Path second = dir.resolve("m2.tsv");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<DarkPatternTrainer.Input> inputs = List.of(new DarkPatternTrainer.Input(data, DarkPatternTrainer.Role.SPLIT));
        assertThat(DarkPatternTrainer.run(inputs, first, quiet)).isZero();
        assertThat(DarkPatternTrainer.run(inputs, second, quiet)).isZero();
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second)).contains("Regenerate: ").contains(PageSplit.RULE);
        NgramModel m = NgramModel.read(Files.newInputStream(first));
        assertThat(m.score("only 4 left in stock").likelyType()).contains(PatternType.LOW_STOCK_MESSAGE);
        assertThat(m.threshold()).isBetween(0.3, 1.01);
    }

    @Test
    void trainerRejectsABadFileWithExitCode2(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DarkPatternTrainer.run(List.of(new DarkPatternTrainer.Input(dir.resolve("missing.tsv"), DarkPatternTrainer.Role.LEARN)),
                dir.resolve("m.tsv"), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("no such file");
    }

    private static String serialise(NgramModel m) throws IOException {
        StringWriter w = new StringWriter();
        m.write(w);
        return w.toString();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
