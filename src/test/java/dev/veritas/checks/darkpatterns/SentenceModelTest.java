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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sentence model: its file, the meaning network behind it, its honest look-alikes, its trainer and its place in the classifier. */
class SentenceModelTest {
    private static final int D = SentenceEmbedder.DIMENSIONS;
    private static final List<Optional<PatternType>> CLASSES = List.of(Optional.empty(), Optional.of(PatternType.LOW_STOCK_MESSAGE));

    private static SentenceModel toyModel() {
        Random r = new Random(1);
        double[][] w = new double[2][D];
        double[] mean = new double[D];
        double[] scale = new double[D];
        for (int j = 0; j < D; j++) {
            w[0][j] = r.nextGaussian() * 0.1;
            w[1][j] = r.nextGaussian() * 0.1;
            mean[j] = r.nextGaussian() * 0.01;
            scale[j] = 0.05 + r.nextDouble() * 0.01;
        }
        return new SentenceModel(CLASSES, new double[]{0.5, -0.5}, w, mean, scale, 0.7, List.of("only 2 left, as you asked"),
                List.of("a toy model"));
    }

    private static float[] vector(long seed) {
        Random r = new Random(seed);
        float[] v = new float[D];
        for (int j = 0; j < D; j++) {
            v[j] = (float) (r.nextGaussian() * 0.05);
        }
        return v;
    }

    private static String serialise(SentenceModel m) throws IOException {
        StringWriter w = new StringWriter();
        m.write(w);
        return w.toString();
    }

    private static SentenceModel parse(String s) throws IOException {
        return SentenceModel.read(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTypeBothModelsReadIsTheLargestSumOfTheirProbabilities() {
        Map<PatternType, Double> words = Map.of(PatternType.COUNTDOWN_TIMER, 0.6, PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.1);
        Map<PatternType, Double> meaning = Map.of(PatternType.COUNTDOWN_TIMER, 0.1, PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN, 0.8);
        assertThat(SentenceModel.likelyType(words, meaning)).contains(PatternType.TESTIMONIALS_OF_UNCERTAIN_ORIGIN);
        assertThat(SentenceModel.likelyType(words, Map.of())).contains(PatternType.COUNTDOWN_TIMER);
        assertThat(SentenceModel.likelyType(Map.of(), Map.of())).isEmpty();
    }

    @Test
    void writeThenReadGivesTheSameProbabilitiesThresholdAndLookAlikes() throws IOException {
        SentenceModel m = toyModel();
        SentenceModel back = parse(serialise(m));

        assertThat(back.threshold()).isEqualTo(0.7);
        assertThat(back.classes()).isEqualTo(CLASSES);
        assertThat(back.honestLookAlikes()).containsExactly("only 2 left, as you asked");
        for (long seed = 0; seed < 5; seed++) {
            assertThat(back.darkProbability(vector(seed))).isCloseTo(m.darkProbability(vector(seed)), org.assertj.core.data.Offset.offset(1e-3));
        }
        assertThat(serialise(back)).isEqualTo(serialise(m));
    }

    @Test
    void brokenModelFilesAreRejectedWithTheLine() throws IOException {
        String good = serialise(toyModel());

        assertThatThrownBy(() -> parse(good.replaceFirst("(?m)^scale\t[^\n]*\n", "")))
                .isInstanceOf(IOException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> parse(good.replaceFirst("(?m)^bias\t[^\t]*", "bias\tmany")))
                .isInstanceOf(IOException.class).hasMessageMatching("line \\d+: not a number.*");
        assertThatThrownBy(() -> parse(good.replaceFirst("(?m)^scale\t[^\t]*", "scale\t0.00000")))
                .isInstanceOf(IOException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> parse(good.replaceFirst("(?m)^w\t1\t.*\n", "")))
                .isInstanceOf(IOException.class).hasMessageContaining("one bias and one weight row per class");
    }

    @Test
    void theCombinedScoreIsTheMeanAndTheNetworkIsSkippedWhenTheMeanCannotReachTheThreshold() {
        assertThat(SentenceModel.combined(0.6, 0.9)).isEqualTo(0.75);
        assertThat(SentenceModel.canReach(0.38, 0.69)).isTrue();
        assertThat(SentenceModel.canReach(0.37, 0.69)).isFalse();
    }

    @Test
    void theNetworkRunsHereAndPlacesParaphrasesCloserThanUnrelatedText() {
        SentenceEmbedder e = SentenceEmbedder.shared();
        assertThat(e.available()).as("ONNX Runtime must run the bundled network on this machine").isTrue();
        float[] lowStock = e.embed("only 2 left in stock").orElseThrow();
        float[] paraphrase = e.embed("just two items remaining").orElseThrow();
        float[] delivery = e.embed("free delivery on orders over 50 pounds").orElseThrow();

        assertThat(lowStock).hasSize(D);
        assertThat(cosine(lowStock, paraphrase)).isGreaterThan(cosine(lowStock, delivery) + 0.1);
        assertThat(e.embed("only 2 left in stock").orElseThrow()).isEqualTo(lowStock);
        assertThat(e.embedAll(List.of("only 2 left in stock", "just two items remaining")).orElseThrow().get(1)).containsExactly(paraphrase);
    }

    @Test
    void anHonestLookAlikeSilencesItsParaphrasesButNotUnrelatedText() {
        SentenceEmbedder e = SentenceEmbedder.shared();
        HonestLookAlikes honest = new HonestLookAlikes(List.of(e.embed("travel insurance added to your booking, as you selected.").orElseThrow()));

        assertThat(honest.size()).isEqualTo(1);
        assertThat(honest.resembles(e.embed("travel insurance added to your booking, as you selected").orElseThrow())).isTrue();
        assertThat(honest.resembles(e.embed("only 3 left in stock - order now").orElseThrow())).isFalse();
    }

    @Test
    void theShippedClassifierReadsParaphrasesByMeaningThatWordsAloneMiss() {
        TextPatternClassifier withMeaning = TextPatternClassifier.standard();
        TextPatternClassifier wordsOnly = new TextPatternClassifier(RuleBook.standard(), withMeaning.model());
        assertThat(withMeaning.sentenceModel()).as("the sentence model is shipped").isPresent();

        for (String text : List.of("Stock is running thin on this colour", "Dozens of customers picked this up over the weekend")) {
            assertThat(wordsOnly.classify(text)).as(text).isEmpty();
            assertThat(withMeaning.classify(text)).as(text).hasValueSatisfying(m -> {
                assertThat(m.source()).isEqualTo(TextMatch.Source.MODEL);
                assertThat(m.confidence()).isLessThanOrEqualTo(0.9);
            });
        }
        assertThat(withMeaning.classify("Stock is running thin on this colour").orElseThrow().patternType()).isEqualTo(PatternType.LOW_STOCK_MESSAGE);
        // what a rule excuses stays excused
        assertThat(withMeaning.classify("Stock levels updated hourly")).isEmpty();
    }

    @Test
    void trainerWithTuneSetsWritesAReproducibleSentenceModel(@TempDir Path dir) throws IOException {
        StringBuilder tsv = new StringBuilder("page_id\ttext\tlabel\tcategory\tpattern_type\n");
        String[] scarce = {"Only %d left in stock", "Just %d remaining", "Hurry, %d items left", "Almost sold out: %d to go"};
        String[] honest = {"Shop gifts for page %d", "Delivery and returns in %d days", "Size guide, chart %d", "Contact us at desk %d"};
        for (int page = 0; page < 40; page++) {
            for (int i = 0; i < 4; i++) {
                tsv.append(page).append('\t').append(String.format(scarce[i], page % 9 + 1)).append("\t1\tScarcity\tLow-stock Message\n");
                tsv.append(page).append('\t').append(String.format(honest[i], page)).append("\t0\t\t\n");
            }
        }
        Path data = dir.resolve("train.tsv");
        Files.writeString(data, tsv);
        Path tune = dir.resolve("tune.tsv");
        Files.writeString(tune, "page_id\ttext\tlabel\tcategory\tpattern_type\n1\tVery few of these are left now\t1\tScarcity\tLow-stock Message\n"
                + "1\tOur showroom opens at nine\t0\t\t\n");
        List<DarkPatternTrainer.Input> inputs = List.of(new DarkPatternTrainer.Input(data, DarkPatternTrainer.Role.SPLIT),
                new DarkPatternTrainer.Input(tune, DarkPatternTrainer.Role.TUNE));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(DarkPatternTrainer.run(inputs, dir.resolve("n1.tsv"), dir.resolve("s1.tsv"), quiet)).isZero();
        assertThat(DarkPatternTrainer.run(inputs, dir.resolve("n2.tsv"), dir.resolve("s2.tsv"), quiet)).isZero();

        assertThat(Files.readString(dir.resolve("s1.tsv"))).isEqualTo(Files.readString(dir.resolve("s2.tsv")))
                .contains("tune.tsv (tune, not learned)").contains("Regenerate: ");
        SentenceModel m = SentenceModel.read(Files.newInputStream(dir.resolve("s1.tsv")));
        assertThat(m.threshold()).isBetween(0.5, 1.01);
        float[] v = SentenceEmbedder.shared().embed("only 4 left in stock").orElseThrow();
        assertThat(m.darkProbability(v)).isGreaterThan(0.5);
        assertThat(m.darkProbability(SentenceEmbedder.shared().embed("delivery and returns in 5 days").orElseThrow())).isLessThan(0.5);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
