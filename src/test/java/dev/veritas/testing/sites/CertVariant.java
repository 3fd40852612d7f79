package dev.veritas.testing.sites;

/**
 * The certificate a test site's HTTPS listener presents. Only {@link #VALID} passes for a client that trusts the
 * test CA; the others exist so Veritas' transport checks can be tested against each kind of broken certificate.
 */
public enum CertVariant {
    /** Signed by the test CA, for 127.0.0.1 and localhost, valid now; the CA is sent along in the chain. */
    VALID,
    /** Signed by the test CA for the right hosts, but its validity ended a month ago. */
    EXPIRED,
    /** For the right hosts and valid now, but signed by its own key, not by the test CA. */
    SELF_SIGNED,
    /** Signed by the test CA and valid now, but only for {@code wrong.example}. */
    WRONG_HOST;

    /** Whether a client that trusts the test CA (and checks host names) accepts this certificate. */
    public boolean trustedByTestCaClients() {
        return this == VALID;
    }
}
