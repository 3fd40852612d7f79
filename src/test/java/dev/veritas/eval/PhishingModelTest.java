package dev.veritas.eval;

import dev.veritas.checks.phishing.DomainSplit;
import dev.veritas.checks.phishing.LabelledUrl;
import dev.veritas.checks.phishing.PhishingModel;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlFeature;
import dev.veritas.checks.phishing.UrlFeatureExtractor;
import dev.veritas.checks.phishing.UrlFeatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import org.assertj.core.data.Offset;
class PhishingModelTest {

    @Test
    void bundledModelLoadsWithACalibratedThreshold() {
        PhishingModel model = PhishingModel.bundled();
        assertThat(model.threshold()).isStrictlyBetween(0.0, 1.0);
        assertThat(model.weight(UrlFeature.IP_HOST)).isPositive();
        assertThat(model.weight(UrlFeature.BRAND_LOOKALIKE)).isGreaterThanOrEqualTo(3.0);
        assertThat(model.weight(UrlFeature.OFFICIAL_BRAND_DOMAIN)).isLessThanOrEqualTo(-3.0);
    }

    @Test
    void textFormRoundTrips() throws IOException {
        PhishingModel model = PhishingModel.bundled();
        StringWriter w = new StringWriter();
        model.write(w, List.of("test"));
        PhishingModel again = PhishingModel.read(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)));
        for (String url : List.of("https://www.usa.gov/", "http://203.0.113.9/login.php", "https://paypa1.com/x")) {
            UrlFeatures f = UrlFeatureExtractor.extract(url);
            assertThat(again.logit(f)).isCloseTo(model.logit(f), Offset.offset(1e-3));
        }
        assertThat(again.threshold()).isCloseTo(model.threshold(), Offset.offset(1e-5));
    }

    @Test
    void trainingIsDeterministicAndLearnsTheThresholdFromCrossValidation() {
        List<LabelledUrl> rows = syntheticRows();
        PhishingModelTrainer.Settings quick = new PhishingModelTrainer.Settings(0.05, 2, 5000, 150, 1e-3, 1e-3, 0.5);
        PhishingModelTrainer.Result first = PhishingModelTrainer.train(rows, quick);
        PhishingModelTrainer.Result second = PhishingModelTrainer.train(rows, quick);

        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        try {
            first.model().write(a, List.of());
            second.model().write(b, List.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(a.toString()).isEqualTo(b.toString());
        assertThat(first.cvFpr()).isLessThanOrEqualTo(0.05);
        assertThat(first.cvRecall()).isGreaterThan(0.8);

        PhishingUrlClassifier c = new PhishingUrlClassifier(first.model());
        assertThat(c.assess("http://secure-verify-account-77.tk/login/update.php").phishing()).isTrue();
        assertThat(c.assess("https://www.townhistory.org/history/the-story-of-bridges").phishing()).isFalse();
    }

    /** Two families of addresses, one per label, each on many different domains. */
    private static List<LabelledUrl> syntheticRows() {
        List<LabelledUrl> rows = new ArrayList<>();
        String[] bad = {"login", "verify", "secure", "update", "account"};
        String[] good = {"history", "garden", "recipes", "sports", "science"};
        for (int i = 0; i < 150; i++) {
            String w = bad[i % bad.length];
            rows.add(new LabelledUrl("http://" + w + "-service-" + i + ".tk/" + w + "/index.php?id=" + i, true, i));
            String g = good[i % good.length];
            rows.add(new LabelledUrl("https://www." + g + "site" + i + ".org/" + g + "/the-story-of-" + g, false, i));
        }
        return rows;
    }

    @Test
    void splitKeepsEachDomainOnOneSide() {
        assertThat(DomainSplit.of("https://a.example.com/x")).isEqualTo(DomainSplit.of("http://b.example.com/y?z"));
        assertThat(DomainSplit.of("https://shop.example.co.uk/")).isEqualTo(DomainSplit.of("https://example.co.uk/about"));
        int heldOut = 0;
        for (int i = 0; i < 2000; i++) {
            heldOut += DomainSplit.of("https://domain" + i + ".example/") == DomainSplit.HELD_OUT ? 1 : 0;
        }
        assertThat(heldOut).isBetween(500, 700);
    }

    @Test
    void thresholdAllowsAtMostTheTargetShareOfLegitimateRows() {
        List<PhishingModelTrainer.Example> examples = new ArrayList<>();
        double[] scores = new double[100];
        for (int i = 0; i < 100; i++) {
            examples.add(new PhishingModelTrainer.Example(new LabelledUrl("https://x" + i + ".example/", false, i),
                    UrlFeatureExtractor.extract("https://x" + i + ".example/")));
            scores[i] = i / 100.0;
        }
        double t = PhishingModelTrainer.thresholdFor(examples, scores, 0.05);
        long flagged = Arrays.stream(scores).filter(s -> s >= t).count();
        assertThat(flagged).isEqualTo(5);
    }
}
