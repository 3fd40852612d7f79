package dev.veritas.capture.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import dev.veritas.capture.Deadline;
import dev.veritas.capture.PageCaptureException;
import dev.veritas.capture.TlsFacts;

import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
/**
 * Two TLS handshakes with an origin: one that validates (trusted CA, dates, host name) to decide whether the
 * certificate is valid, and one that accepts anything to read the certificate and say what is wrong with it.
 * Both connect to the address the URL guard approved for the host, never to a second resolution of its name.
 */
public final class TlsProbe {
    private final TrustConfig trust;
    private final Duration timeout;
    private final UrlGuard guard;

    public TlsProbe(TrustConfig trust, Duration timeout, UrlGuard guard) {
        this.trust = trust;
        this.timeout = timeout;
        this.guard = guard;
    }

    /** Probes within the probe's own limits: a connection and a handshake each, twice. */
    public TlsFacts probe(String host, int port) {
        return probe(host, port, Deadline.in(timeout.multipliedBy(4)));
    }

    /**
     * The certificate and protocol of {@code host:port}, within {@code deadline}: a server that sends its handshake a
     * byte at a time is cut off when the deadline passes (its socket is closed from outside), not after each read's
     * timeout again and again.
     */
    public TlsFacts probe(String host, int port, Deadline deadline) {
        UrlGuard.Decision decision = guard.check(URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"));
        if (decision instanceof UrlGuard.Refused r) {
            return TlsFacts.unreachable(host, port, r.reason());
        }
        List<InetAddress> approved = ((UrlGuard.Allowed) decision).addresses();
        if (approved.isEmpty()) {
            return TlsFacts.unreachable(host, port, "no address for " + host);
        }
        InetAddress target;
        try {
            // The approved address, carrying the host's name so host-name verification checks the name, not the number.
            target = InetAddress.getByAddress(host, approved.get(0).getAddress());
        } catch (IOException e) {
            return TlsFacts.unreachable(host, port, e.getMessage());
        }
        Optional<String> problem = Optional.empty();
        boolean valid;
        try {
            handshake(trust.validating(), host, target, port, true, deadline);
            valid = true;
        } catch (IOException e) {
            valid = false;
            problem = Optional.of(describe(e));
        }
        X509Certificate leaf;
        String protocol;
        try {
            Handshake h = handshake(TrustConfig.acceptingAny(), host, target, port, false, deadline);
            leaf = h.leaf;
            protocol = h.protocol;
        } catch (IOException e) {
            return TlsFacts.unreachable(host, port, problem.orElse(describe(e)));
        }
        boolean expired = leaf.getNotAfter().toInstant().isBefore(Instant.now())
                || leaf.getNotBefore().toInstant().isAfter(Instant.now());
        boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()) && !isTrustedRoot(leaf);
        List<String> sans = subjectAltNames(leaf);
        boolean mismatch = !matchesHost(host, sans, leaf);
        return new TlsFacts(host, port, valid, problem, expired, selfSigned, mismatch,
                Optional.of(leaf.getNotAfter().toInstant()),
                Optional.of(leaf.getIssuerX500Principal().getName()),
                Optional.of(leaf.getSubjectX500Principal().getName()),
                sans, Optional.ofNullable(protocol));
    }

    private boolean isTrustedRoot(X509Certificate cert) {
        return trust.extraCas().contains(cert);
    }

    private record Handshake(X509Certificate leaf, String protocol) {}

    private Handshake handshake(SSLContext ctx, String host, InetAddress target, int port, boolean verifyHost, Deadline deadline)
            throws IOException {
        if (deadline.expired()) {
            throw new SocketTimeoutException("no time left for the TLS handshake");
        }
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            Duration limit = deadline.cap(timeout);
            try {
                return deadline.watch("the TLS handshake with " + host, limit, () -> closeQuietly(socket), () -> {
                    try {
                        return handshakeOn(socket, host, target, port, verifyHost, (int) Math.max(1, limit.toMillis()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (PageCaptureException e) {
                throw new SocketTimeoutException("no complete TLS handshake within " + Math.max(1, limit.toSeconds()) + " s");
            }
        }
    }

    private static void closeQuietly(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is how the handshake is stopped; it may already be closed
        }
    }

    private Handshake handshakeOn(SSLSocket socket, String host, InetAddress target, int port, boolean verifyHost, int millis)
            throws IOException {
        socket.connect(guard.destination(target, port), millis);
        socket.setSoTimeout(millis);
        SSLParameters params = socket.getSSLParameters();
        if (verifyHost) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(params);
        socket.startHandshake();
        X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        return new Handshake(leaf, socket.getSession().getProtocol());
    }

    private static List<String> subjectAltNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && san.get(1) instanceof String s) {
                        names.add(s);
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // a certificate whose names cannot be read matches no host
        }
        return names;
    }

    public static boolean matchesHost(String host, List<String> sans, X509Certificate cert) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String san : sans) {
            String s = san.toLowerCase(Locale.ROOT);
            if (s.equals(h)) {
                return true;
            }
            if (s.startsWith("*.") && h.endsWith(s.substring(1)) && h.indexOf('.') == h.length() - s.length() + 1) {
                return true;
            }
        }
        return false;
    }

    static String describe(IOException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof CertificateExpiredException) {
                return "the certificate has expired";
            }
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("No subject alternative") || m.contains("doesn't match")) {
                return "the certificate is for another host name";
            }
            if (m.contains("unable to find valid certification path") || m.contains("PKIX path building failed")) {
                return "the certificate is not issued by a trusted authority (self-signed or unknown CA)";
            }
            t = t.getCause();
        }
        if (e instanceof SSLHandshakeException) {
            return "TLS handshake failed: " + e.getMessage();
        }
        return HttpFetcher.describe(e);
    }
}
