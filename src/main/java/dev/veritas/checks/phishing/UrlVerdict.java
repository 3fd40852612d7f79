package dev.veritas.checks.phishing;

import java.util.List;
import java.util.Optional;

/**
 * Veritas' verdict on one address.
 *
 * @param url                the address as given
 * @param registrableDomain  who the address really leads to, when it has a domain name
 * @param probability        estimated probability (0–1) that the address is phishing
 * @param phishing           whether the probability reaches the model's calibrated threshold
 * @param threshold          that threshold
 * @param signals            the signals that drove the score, most suspicious first
 */
public record UrlVerdict(String url, Optional<String> registrableDomain, double probability, boolean phishing,
                         double threshold, List<UrlSignal> signals) {

    public UrlVerdict {
        signals = List.copyOf(signals);
    }

    /** The signals that pushed towards phishing, strongest first. */
    public List<UrlSignal> reasons() {
        return signals.stream().filter(s -> s.contribution() > 0).toList();
    }

    /** Whether a signal with this name took part in the verdict. */
    public boolean has(String signalName) {
        return signals.stream().anyMatch(s -> s.name().equals(signalName));
    }

    public Optional<UrlSignal> signal(String signalName) {
        return signals.stream().filter(s -> s.name().equals(signalName)).findFirst();
    }
}
