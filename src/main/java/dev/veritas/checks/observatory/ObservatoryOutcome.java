package dev.veritas.checks.observatory;

import java.util.List;
import java.util.Objects;

/** What grading a page gave: a report, or the reason Observatory would not grade it. */
public sealed interface ObservatoryOutcome {

    /** A graded site: the Observatory-shaped report, how the score came about, and notes for the user. */
    record Graded(ObservatoryReport report, ScoreBreakdown breakdown, List<ObservatoryNote> notes) implements ObservatoryOutcome {
        public Graded {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(breakdown, "breakdown");
            notes = List.copyOf(notes);
        }
    }

    /**
     * A site the Observatory does not grade: the final response's status is one it refuses (below 200, or 400 and up
     * except 401/403), or its analyzer stops on the page (see the reason).
     */
    record NotGraded(int status, String reason) implements ObservatoryOutcome {
        public NotGraded {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
