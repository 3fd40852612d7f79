package dev.veritas.checks.observatory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Runs the twelve Observatory tests on a page and grades the result (algorithm version 6). */
public final class ObservatoryGrader {
    public static final int ALGORITHM_VERSION = 6;
    public static final int MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;
    private static final int BASELINE = 100;

    /** The tests, in the order Observatory lists them. */
    private static final List<ObservatoryCheck> CHECKS = List.of(
            new ContentSecurityPolicyCheck(),
            new CookiesCheck(),
            new CrossOriginEmbedderPolicyCheck(),
            new CrossOriginOpenerPolicyCheck(),
            new CrossOriginResourceSharingCheck(),
            new RedirectionCheck(),
            new ReferrerPolicyCheck(),
            new StrictTransportSecurityCheck(),
            new SubresourceIntegrityCheck(),
            new XContentTypeOptionsCheck(),
            new XFrameOptionsCheck(),
            new CrossOriginResourcePolicyCheck());

    private ObservatoryGrader() {}

    public static List<ObservatoryCheck> checks() {
        return CHECKS;
    }

    /** The test that can give this result name, e.g. {@code subresource-integrity} for {@code sri-…}. */
    public static Optional<ObservatoryCheck> checkFor(String resultName) {
        for (ObservatoryCheck check : CHECKS) {
            for (ObservatoryResult result : check.possibleResults()) {
                if (result.wire().equals(resultName)) {
                    return Optional.of(check);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether Observatory grades a final response with this status. */
    public static boolean isGradable(int status) {
        return status >= 200 && status < 400 || status == 401 || status == 403;
    }

    /** Every test's result, whatever the status; {@link #grade} is what users should see. */
    public static Map<String, TestResult> runTests(ObservatoryInput input) {
        Objects.requireNonNull(input, "input");
        ObservedPage page = new ObservedPage(input);
        Map<String, TestResult> results = new LinkedHashMap<>();
        for (ObservatoryCheck check : CHECKS) {
            results.put(check.name(), check.evaluate(page));
        }
        return results;
    }

    public static ObservatoryOutcome grade(ObservatoryInput input) {
        Objects.requireNonNull(input, "input");
        if (!isGradable(input.status())) {
            return new ObservatoryOutcome.NotGraded(input.status(),
                    "the site answered with HTTP status " + input.status()
                            + "; Observatory only grades 2xx and 3xx responses (and 401/403)");
        }
        Map<String, TestResult> tests;
        try {
            tests = runTests(input);
        } catch (AnalyzerFailure e) {
            return new ObservatoryOutcome.NotGraded(input.status(), e.getMessage());
        }

        int passed = 0;
        int withExtraCredit = BASELINE;
        int uncurved = BASELINE;
        List<ScoreBreakdown.LostBonus> bonuses = new ArrayList<>();
        for (Map.Entry<String, TestResult> entry : tests.entrySet()) {
            TestResult result = entry.getValue();
            passed += result.pass() ? 1 : 0;
            withExtraCredit += result.scoreModifier();
            if (result.scoreModifier() < 0) {
                uncurved += result.scoreModifier();
            } else if (result.scoreModifier() > 0) {
                bonuses.add(new ScoreBreakdown.LostBonus(entry.getKey(), result.result(), result.scoreModifier()));
            }
        }
        // Bonuses only count when the penalties alone still leave an A.
        boolean bonusesCounted = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT;
        int score = Math.max(bonusesCounted ? withExtraCredit : uncurved, 0);
        List<ScoreBreakdown.LostBonus> lost = bonusesCounted ? List.of() : bonuses;

        ObservatoryReport report = new ObservatoryReport(ALGORITHM_VERSION, Grades.forScore(score), score,
                passed, tests.size() - passed, tests);
        ScoreBreakdown breakdown = new ScoreBreakdown(withExtraCredit, uncurved, bonusesCounted, lost);
        return new ObservatoryOutcome.Graded(report, breakdown, notes(input, breakdown));
    }

    private static List<ObservatoryNote> notes(ObservatoryInput input, ScoreBreakdown breakdown) {
        List<ObservatoryNote> notes = new ArrayList<>();
        for (String downgrade : RedirectionCheck.downgrades(input.httpProbe())) {
            notes.add(new ObservatoryNote(ObservatoryNote.HTTPS_DOWNGRADE,
                    "The redirect chain goes from HTTPS back to plain HTTP (" + downgrade
                            + "); anyone on the network path can read or change that step."));
        }
        if (!breakdown.lostBonuses().isEmpty()) {
            int total = breakdown.lostBonuses().stream().mapToInt(ScoreBreakdown.LostBonus::modifier).sum();
            List<String> names = breakdown.lostBonuses().stream().map(b -> b.result() + " (+" + b.modifier() + ")").toList();
            notes.add(new ObservatoryNote(ObservatoryNote.BONUSES_NOT_COUNTED,
                    "Penalties bring the score to " + breakdown.uncurvedScore() + ", below "
                            + MINIMUM_SCORE_FOR_EXTRA_CREDIT + ", so " + total + " bonus points were not counted: "
                            + String.join(", ", names) + ". Fixing the penalties brings them back."));
        }
        return notes;
    }
}
