package dev.veritas.checks.darkpatterns;

/**
 * How many texts one audit may hand to the sentence network (about 4 ms each, more for long text). A page can be built of
 * thousands of distinct segments that each look half like a dark pattern; past the budget such text is judged by the rules
 * and the n-gram model alone, and the audit ends in time. One budget belongs to one audit and is used by one thread.
 */
public final class MeaningBudget {
    private static final MeaningBudget UNLIMITED = new MeaningBudget(Integer.MAX_VALUE);

    private int left;
    private boolean refused;

    private MeaningBudget(int readings) {
        this.left = readings;
    }

    /** A budget of this many readings. */
    public static MeaningBudget of(int readings) {
        return new MeaningBudget(Math.max(0, readings));
    }

    /** No limit: for classifying a single text, where the caller bounds the work. */
    public static MeaningBudget unlimited() {
        return UNLIMITED;
    }

    /** Takes one reading; false when none is left. */
    boolean take() {
        if (this == UNLIMITED) {
            return true;
        }
        if (left <= 0) {
            refused = true;
            return false;
        }
        left--;
        return true;
    }

    /** Whether some text went unread by the sentence network because the budget was spent. */
    public boolean spent() {
        return refused;
    }
}
