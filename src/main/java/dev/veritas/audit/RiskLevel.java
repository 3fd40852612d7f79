package dev.veritas.audit;

/** Risk bands of the trust score: trusted 90–100, probably_safe 70–89, suspicious 40–69, high_risk 20–39, likely_fraudulent 0–19. */
public enum RiskLevel implements WireEnum {
    TRUSTED(90), PROBABLY_SAFE(70), SUSPICIOUS(40), HIGH_RISK(20), LIKELY_FRAUDULENT(0);

    private final int minScore;

    RiskLevel(int minScore) {
        this.minScore = minScore;
    }

    public int minScore() {
        return minScore;
    }

    public static RiskLevel forScore(int trustScore) {
        Require.between("trust_score", trustScore, 0, 100);
        for (RiskLevel level : values()) {
            if (trustScore >= level.minScore) {
                return level;
            }
        }
        return LIKELY_FRAUDULENT;
    }

    public static RiskLevel parse(String value) {
        return WireEnum.parse(RiskLevel.class, "risk_level", value);
    }
}
