package dev.veritas.checks.observatory;

import java.util.List;

/**
 * How the score came about, for users puzzled by a grade: Observatory only counts bonuses when the
 * penalties alone leave at least {@value ObservatoryGrader#MINIMUM_SCORE_FOR_EXTRA_CREDIT}, so one new
 * penalty can also take away every bonus. The grade is not changed by this; it is explained.
 *
 * @param scoreWithExtraCredit 100 plus every modifier
 * @param uncurvedScore        100 plus the negative modifiers only
 * @param bonusesCounted       whether the final score is the one with extra credit
 * @param lostBonuses          the bonuses that were earned but not counted
 */
public record ScoreBreakdown(int scoreWithExtraCredit, int uncurvedScore, boolean bonusesCounted, List<LostBonus> lostBonuses) {
    public ScoreBreakdown {
        lostBonuses = List.copyOf(lostBonuses);
    }

    /** A bonus a test earned that the curve removed. */
    public record LostBonus(String test, String result, int modifier) {}
}
