package dev.veritas.checks.observatory;

/** The fixed text of one Observatory result; see {@link ObservatoryResult} for what each part means. */
public record ResultText(String wire, int modifier, String description, String recommendation) {
}
