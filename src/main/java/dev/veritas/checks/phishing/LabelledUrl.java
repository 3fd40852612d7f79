package dev.veritas.checks.phishing;

/** One row of a labelled address file: the address and whether it is phishing. */
public record LabelledUrl(String url, boolean phishing, int line) {}
