package dev.veritas.capture;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the TLS handshake of an origin showed. {@code valid} means a client with the system's trust store
 * (plus any CA the user chose to trust) accepted it for this host name.
 */
public record TlsFacts(
        String host,
        int port,
        boolean valid,
        Optional<String> problem,
        boolean expired,
        boolean selfSigned,
        boolean hostnameMismatch,
        Optional<Instant> notAfter,
        Optional<String> issuer,
        Optional<String> subject,
        List<String> subjectAltNames,
        Optional<String> protocol) {

    public TlsFacts {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public static TlsFacts unreachable(String host, int port, String problem) {
        return new TlsFacts(host, port, false, Optional.of(problem), false, false, false, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }
}
