package dev.veritas.checks.darkpatterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.eval.DarkPatternEval;
import dev.veritas.testing.Requirements;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules on shop texts written by people who had not seen them (see src/test/resources/dark-patterns/):
 * a rule narrowed until it only knows dev.tsv's phrasings, or an exception that starts flagging ordinary shop
 * text, shows here. The floors sit a little under what the rules score today.
 */
class WordingGeneralisationTest {
    private static final Pattern RESULT = Pattern.compile("RESULT precision=([\\d.]+) recall=([\\d.]+) f1=([\\d.]+) fpr=([\\d.]+)");

    private static Path resource(String name) throws URISyntaxException {
        String folder = name.startsWith("unseen/") ? "/" : "/dark-patterns/";
        return Path.of(WordingGeneralisationTest.class.getResource(folder + name).toURI());
    }

    @ParameterizedTest(name = "{0}: F1 >= {1}, FPR <= {2}")
    @CsvSource({
            "fresh-1-check.tsv, 0.95, 0.02",
            "fresh-2-check.tsv, 0.95, 0.02",
            "fresh-3-check.tsv, 0.92, 0.02",
            "fresh-3-inventive.tsv, 0.93, 0.02",
            "own-1-varied.tsv, 0.97, 0.02",
            "own-2-app-copy.tsv, 0.94, 0.02",
            "own-3-all-types.tsv, 0.97, 0.02",
            "own-4-real-shops.tsv, 0.97, 0.02",
            "own-5-short-templates.tsv, 0.97, 0.02",
            "own-7-weak-types.tsv, 0.97, 0.02",
            "own-8-world-shops.tsv, 0.97, 0.03",
            "own-9-weak-types-again.tsv, 0.95, 0.02",
            "fresh-4-tuning.tsv, 0.97, 0.01",
            "own-10-paraphrases.tsv, 0.95, 0.08",
            // Written on 2026-12-07 by people who never saw the rules (src/test/resources/unseen/README.md). The mistakes of
            // check, c and d were read to generalise the rules; those of e and final never were.
            "unseen/dark-patterns-2026-12-07-check.tsv, 0.95, 0.01",
            "unseen/dark-patterns-2026-12-07-c.tsv, 0.95, 0.02",
            "unseen/dark-patterns-2026-12-07-d.tsv, 0.97, 0.01",
            "unseen/dark-patterns-2026-12-07-e.tsv, 0.96, 0.01",
            "unseen/dark-patterns-2026-12-07-final.tsv, 0.94, 0.01",
            // Four more such sets (u1, u2 measured after the third round, then their false alarms read; u3, u4 before and after
            // the fourth round, mistakes never read)
            "unseen/dark-patterns-2026-12-07-u1.tsv, 0.95, 0.02",
            "unseen/dark-patterns-2026-12-07-u2.tsv, 0.95, 0.02",
            "unseen/dark-patterns-2026-12-07-u3.tsv, 0.94, 0.03",
            "unseen/dark-patterns-2026-12-07-u4.tsv, 0.95, 0.025",
            // Twelve writers' sets the third and fourth rounds of rules were generalised on and the model learned from
            "writers-2026-12-07-f1.tsv, 0.95, 0.01",
            "writers-2026-12-07-f2.tsv, 0.95, 0.01",
            "writers-2026-12-07-f3.tsv, 0.94, 0.01",
            "writers-2026-12-07-f4.tsv, 0.94, 0.01",
            "writers-2026-12-07-f5.tsv, 0.96, 0.01",
            "writers-2026-12-07-f6.tsv, 0.93, 0.01",
            "writers-2026-12-07-f7.tsv, 0.96, 0.01",
            "writers-2026-12-07-f8.tsv, 0.94, 0.02",
            "writers-2026-12-07-f9.tsv, 0.94, 0.01",
            "writers-2026-12-07-f10.tsv, 0.93, 0.02",
            "writers-2026-12-07-f11.tsv, 0.95, 0.01",
            "writers-2026-12-07-f12.tsv, 0.93, 0.03",
            // Three writers of the fifth round (measured before their mistakes were read, then generalised on and learned from)
            "writers-2026-12-07-f13.tsv, 0.94, 0.04",
            "writers-2026-12-07-f14.tsv, 0.95, 0.03",
            "writers-2026-12-07-f15.tsv, 0.94, 0.03",
            // and three of the same round whose mistakes nobody read
            "unseen/dark-patterns-2026-12-07-u7.tsv, 0.92, 0.035",
            "unseen/dark-patterns-2026-12-07-u8.tsv, 0.93, 0.02",
            "unseen/dark-patterns-2026-12-07-u10.tsv, 0.94, 0.035",
            // The sets above from e on chose the sentence model's threshold (the trainer's --tune sets); these three, written for
            // the sentence model's round, were measured once before and once after it, mistakes never read. u13's writer put
            // about a quarter of its dark rows in Indonesian, Vietnamese, Portuguese or Spanish, which Veritas does not read.
            "unseen/dark-patterns-2026-12-07-u11.tsv, 0.93, 0.015",
            "unseen/dark-patterns-2026-12-07-u12.tsv, 0.93, 0.035",
            "unseen/dark-patterns-2026-12-07-u13.tsv, 0.70, 0.02",
            // Seven writers of 2026-12-08 (u15's and u17's false alarms were read; the others' mistakes never were)
            "unseen/dark-patterns-2026-12-08-u14.tsv, 0.94, 0.025",
            "unseen/dark-patterns-2026-12-08-u15.tsv, 0.94, 0.025",
            "unseen/dark-patterns-2026-12-08-u16.tsv, 0.92, 0.035",
            "unseen/dark-patterns-2026-12-08-u17.tsv, 0.94, 0.01",
            "unseen/dark-patterns-2026-12-08-u18.tsv, 0.93, 0.02",
            "unseen/dark-patterns-2026-12-08-u19.tsv, 0.93, 0.02",
            "unseen/dark-patterns-2026-12-08-u20.tsv, 0.94, 0.035",
            // Decline buttons only (a third shaming, the rest fair), two writers of 2026-12-08: the first set's mistakes were
            // read to write the harm-accepting decline rule; the second measured once before and once after, never read.
            "unseen/declines-2026-12-08.tsv, 0.77, 0.14",
            "unseen/declines-2026-12-08-b.tsv, 0.77, 0.055",
    })
    void findsPatternsWordedInWaysTheRulesWereNotWrittenFor(String file, double minF1, double maxFpr) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DarkPatternEval.run(resource(file), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Matcher m = RESULT.matcher(lines.get(lines.size() - 1));
        assertThat(m.matches()).as(lines.get(lines.size() - 1)).isTrue();
        assertThat(Double.parseDouble(m.group(3))).as("F1 on " + file).isGreaterThanOrEqualTo(minF1);
        assertThat(Double.parseDouble(m.group(4))).as("false-positive rate on " + file).isLessThanOrEqualTo(maxFpr);
    }

    /**
     * dev.tsv's held-out pages, which no model learns from: the figure the README's detector table quotes. The sixth round's
     * sentence model once made two false alarms there unnoticed (a review, an out-of-stock notice); this keeps that from
     * happening quietly again.
     */
    @Test
    void devHeldOutPagesKeepTheirFigure() {
        Path dev = Requirements.sharedData("dark-patterns/dev.tsv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = DarkPatternEval.run(dev, new PrintStream(out, true, StandardCharsets.UTF_8),
                new DarkPatternEval.Options(Optional.of(PageSplit.Part.HELD_OUT), false, DarkPatternEval.Component.BOTH));
        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Matcher m = RESULT.matcher(lines.get(lines.size() - 1));
        assertThat(m.matches()).as(lines.get(lines.size() - 1)).isTrue();
        assertThat(Double.parseDouble(m.group(3))).as("F1 on dev.tsv's held-out pages").isGreaterThanOrEqualTo(0.98);
        assertThat(Double.parseDouble(m.group(4))).as("false-positive rate on dev.tsv's held-out pages").isZero();
    }

    /**
     * 300 honest texts written to look like dark patterns by someone who never saw Veritas, kept out of training: on the day
     * they were written, the rules flagged 9, rules and n-gram model 10, and with the sentence model 12. More means a change made
     * Veritas quicker to accuse honest shops.
     */
    @Test
    void flagsFewHonestLookAlikesItNeverLearnedFrom() throws IOException, URISyntaxException {
        TextPatternClassifier classifier = TextPatternClassifier.standard();
        List<String> texts = Files.readAllLines(resource("unseen/honest-look-alikes-2026-12-07.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> flagged = texts.stream().filter(line -> classifier.classify(line).isPresent()).toList();
        assertThat(texts).hasSize(300);
        assertThat(flagged).hasSizeLessThanOrEqualTo(12);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"benign-near-misses.txt", "own-6-hard-negatives.txt", "review-hard-negatives-2026-12-07.txt", "review-hard-negatives-2026-12-07-b.txt"})
    void leavesBenignNearMissesAlone(String file) throws IOException, URISyntaxException {
        TextPatternClassifier classifier = TextPatternClassifier.standard();
        List<String> flagged = Files.readAllLines(resource(file), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .filter(line -> classifier.classify(line).isPresent())
                .toList();
        assertThat(flagged).isEmpty();
    }
}
