package dev.veritas.audit;

public enum Severity implements WireEnum {
    LOW(0.25), MEDIUM(0.5), HIGH(0.75), CRITICAL(1.0);

    private final double weight;

    Severity(double weight) {
        this.weight = weight;
    }

    /** Relative weight of a finding of this severity, used by the judge. */
    public double weight() {
        return weight;
    }

    public static Severity parse(String value) {
        return WireEnum.parse(Severity.class, "severity", value);
    }
}
