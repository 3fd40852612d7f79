package dev.veritas.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.checks.phishing.LabelledUrl;
import dev.veritas.checks.phishing.LabelledUrlCsv;
import dev.veritas.checks.phishing.PhishingModel;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlFeature;
import dev.veritas.checks.phishing.UrlSplit;
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

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
/** The 10:1 measurement: legitimate rows from one file, phishing from another, each part measured on its own. */
class ImbalancedUrlEvalTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private Path file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void precisionIsStatedForTheRatioWhateverTheFilesHold() {
        // Half the phishing caught, one legitimate address in ten flagged: at 10:1 as many false alarms as catches.
        assertThat(ImbalancedUrlEval.precision(0.5, 0.05, 10)).isEqualTo(0.5 / (0.5 + 0.5));
        assertThat(ImbalancedUrlEval.precision(1.0, 0.0, 10)).isEqualTo(1.0);
        assertThat(ImbalancedUrlEval.precision(0.0, 0.0, 10)).isZero();
    }

    @Test
    void measuresOnlyThePartAskedFor() throws IOException {
        Path legit = file("legit.csv", "url,label,split",
                "https://accounts.google.com/signin/v2/identifier?continue=https%3A%2F%2Fmail.google.com,0,check",
                "https://www.paypal.com/signin?returnUri=%2Fmyaccount,0,check",
                "https://www.wikipedia.org/wiki/Trust,0,final");
        String[] phishing = new String[61];
        phishing[0] = "url,label";
        for (int i = 1; i <= 60; i++) {
            phishing[i] = "http://paypal.com-secure-login-" + i + ".tk/webscr/verify.php?cmd=_login,1";
        }
        Path phish = file("phish.csv", phishing);

        int code = ImbalancedUrlEval.run(legit, phish, new ImbalancedUrlEval.Options(Optional.of(UrlSplit.CHECK), 10, true),
                tldOnlyClassifier(), out);

        assertThat(code).isZero();
        String result = lines().get(lines().size() - 1);
        long phishInCheck = Arrays.stream(phishing).skip(1).filter(l -> UrlSplit.of(l.substring(0, l.length() - 2)) == UrlSplit.CHECK).count();
        assertThat(result).isEqualTo("RESULT part=check recall=1.000 fpr=0.0000 precision=1.000 threshold=0.5000 legit=2 phish="
                + phishInCheck + " ratio=10");
        assertThat(lines()).anyMatch(l -> l.startsWith("legitimate addresses flagged:"));
    }

    /** A model that knows one thing, so the figures follow from the rows and not from the shipped model. */
    private static PhishingUrlClassifier tldOnlyClassifier() {
        int n = UrlFeature.values().length;
        double[] weights = new double[n];
        double[] scales = new double[n];
        Arrays.fill(scales, 1.0);
        weights[UrlFeature.SUSPICIOUS_TLD.ordinal()] = 10;
        return new PhishingUrlClassifier(new PhishingModel(-5, 0.5, weights, new double[n], scales, Map.of()));
    }

    @Test
    void anEmptyPartIsBadInputWithAHint() throws IOException {
        Path legit = file("legit.csv", "url,label,split", "https://www.wikipedia.org/wiki/Trust,0,final");
        Path phish = file("phish.csv", "url,label", "http://203.0.113.9/login.php,1");

        int code = ImbalancedUrlEval.run(legit, phish, new ImbalancedUrlEval.Options(Optional.of(UrlSplit.TUNING), 10, false), out);

        assertThat(code).isEqualTo(2);
        assertThat(lines()).singleElement().asString().startsWith("error: the tuning part has 0 legitimate rows").contains("--split all");
    }

    @Test
    void aFileMayNameEachRowsSplitAndABadOneIsNamedByLine() throws Exception {
        Path ok = file("ok.csv", "url,label,split", "\"https://a.example/x,y\",0,tuning", "https://b.example/,0,FINAL");
        assertThat(LabelledUrlCsv.read(ok)).extracting(LabelledUrl::part).containsExactly(UrlSplit.TUNING, UrlSplit.FINAL);

        Path bad = file("bad.csv", "url,label,split", "\"https://a.example/two", "lines\",0,check", "https://b.example/,0,later");
        int code = ImbalancedUrlEval.run(bad, bad, new ImbalancedUrlEval.Options(Optional.empty(), 10, false), out);
        assertThat(code).isEqualTo(2);
        assertThat(lines()).singleElement().asString().contains("line 4: the split must be tuning, check or final, got 'later'");
    }

    @Test
    void rowsWithoutASplitArePlacedByTheirDomainSoASiteNeverStraddlesParts() {
        assertThat(UrlSplit.of("https://login.example.com/a")).isEqualTo(UrlSplit.of("http://www.example.com/b?c"));
        long tuning = IntStream.range(0, 3000).mapToObj(i -> UrlSplit.of("https://site" + i + ".example/"))
                .filter(s -> s == UrlSplit.TUNING).count();
        assertThat(tuning).isBetween(1950L, 2250L);
    }
}
