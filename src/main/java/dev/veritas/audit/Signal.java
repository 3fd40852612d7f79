package dev.veritas.audit;

/** One input to the trust score: a raw score (1 = no concern), how sure we are of it, and its weight. */
public record Signal(double score, double confidence, double weight) {
    public Signal {
        Require.unitInterval("signal.score", score);
        Require.unitInterval("signal.confidence", confidence);
        Require.unitInterval("signal.weight", weight);
    }
}
