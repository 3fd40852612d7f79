package dev.veritas.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veritas.checks.phishing.LabelledUrl;
import dev.veritas.checks.phishing.LabelledUrlCsv;
import dev.veritas.checks.phishing.PhishingUrlClassifier;
import dev.veritas.checks.phishing.UrlSplit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Legitimate addresses of 362 organisations, written for measurement by someone who never saw the model (see
 * {@code src/test/resources/unseen/README.md}). The model is never learned from them; this only keeps the measured
 * false-positive rate from sliding back.
 */
class UnseenLegitUrlsTest {
    private static final Path SET = Path.of("src/test/resources/unseen/legit-urls-2026-12-07.csv");

    @ParameterizedTest
    @EnumSource(value = UrlSplit.class, names = {"CHECK", "FINAL"})
    void theShippedModelFlagsFewOrganisationsOwnAddresses(UrlSplit part) throws Exception {
        List<LabelledUrl> rows = LabelledUrlCsv.read(SET).stream().filter(r -> r.part() == part).toList();
        PhishingUrlClassifier classifier = PhishingUrlClassifier.standard();
        long flagged = rows.stream().filter(r -> classifier.assess(r.url()).phishing()).count();
        assertThat(rows).hasSizeGreaterThan(690).allMatch(r -> !r.phishing());
        // Measured 1.99% (check) and 1.57% (final) when the popularity signal landed; 3.7% / 4.6% before it.
        assertThat((double) flagged / rows.size()).as("%d of %d flagged", flagged, rows.size()).isLessThanOrEqualTo(0.025);
    }
}
