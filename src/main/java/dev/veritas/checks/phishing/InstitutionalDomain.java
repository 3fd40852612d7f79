package dev.veritas.checks.phishing;

import dev.veritas.hosts.RegistrableDomain;

import java.util.Optional;
import java.util.Set;

/**
 * Domains only institutions can register: universities, schools, governments, armed forces and international
 * organisations. Registries check who asks for a name under {@code .edu}, {@code .gov.uk} or {@code .ac.jp}, so the
 * registrable domain says who runs the site in a way a throw-away phishing domain cannot imitate. (A hacked
 * institutional site can still host a phishing page; the model weighs this signal, it does not trust it blindly.)
 */
final class InstitutionalDomain {
    private InstitutionalDomain() {}

    /** Top-level domains restricted to institutions. */
    private static final Set<String> TOP_LEVEL = Set.of("edu", "gov", "mil", "int");

    /**
     * Second-level labels that registries of country domains reserve for institutions: academic ("ac.uk", "edu.au",
     * "ed.jp"), government ("gov.br", "gob.mx", "go.jp", "govt.nz", "gouv.fr", "gv.at", "gc.ca", "lg.jp"), military, public
     * health and police, and American school districts ("k12.ca.us").
     */
    private static final Set<String> RESERVED_LABELS = Set.of(
            "ac", "edu", "ed", "sch", "k12", "gov", "gob", "go", "govt", "gouv", "gv", "gc", "lg", "mil", "nhs", "police",
            "fed");

    /** The institutional suffix ("ac.uk", "edu") of the host, if it has one and is not an IP number. */
    static Optional<String> of(RegistrableDomain rd) {
        if (rd.ip() || rd.domain().isEmpty() || rd.onSharedHosting()) {
            return Optional.empty();
        }
        String suffix = rd.suffix();
        String[] labels = suffix.split("\\.");
        if (labels.length == 1) {
            return TOP_LEVEL.contains(labels[0]) ? Optional.of(suffix) : Optional.empty();
        }
        // "ac.uk", "edu.pl", "k12.ca.us": any label left of the country code that the registry reserves.
        for (int i = 0; i < labels.length - 1; i++) {
            if (RESERVED_LABELS.contains(labels[i])) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }
}
