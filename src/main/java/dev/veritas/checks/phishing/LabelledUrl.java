package dev.veritas.checks.phishing;

import java.util.Optional;

/**
 * One row of a labelled address file: the address, whether it is phishing, its line, and the part of a measurement
 * the file puts it in (files without a split column leave it to {@link UrlSplit#of}).
 */
public record LabelledUrl(String url, boolean phishing, int line, Optional<UrlSplit> split) {
    public LabelledUrl(String url, boolean phishing, int line) {
        this(url, phishing, line, Optional.empty());
    }

    /** The file's split when it names one, otherwise the one the address's registrable domain falls in. */
    public UrlSplit part() {
        return split.orElseGet(() -> UrlSplit.of(url));
    }
}
