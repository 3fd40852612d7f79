package dev.veritas.capture;

import java.io.IOException;
import java.net.InetAddress;
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

    public TlsFacts probe(String host, int port) {
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
            handshake(trust.validating(), host, target, port, true);
            valid = true;
        } catch (IOException e) {
            valid = false;
            problem = Optional.of(describe(e));
        }
        X509Certificate leaf;
        String protocol;
        try {
            Handshake h = handshake(TrustConfig.acceptingAny(), host, target, port, false);
            leaf = h.leaf;
            protocol = h.protocol;
        } catch (IOException e) {
            return TlsFacts.unreachable(host, port, problem.orElse(describe(e)));
        }
        boolean expired = leaf.getNotAfter().toInstant().isBefore(java.time.Instant.now())
                || leaf.getNotBefore().toInstant().isAfter(java.time.Instant.now());
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

    private Handshake handshake(SSLContext ctx, String host, InetAddress target, int port, boolean verifyHost) throws IOException {
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            socket.connect(guard.destination(target, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters params = socket.getSSLParameters();
            if (verifyHost) {
                params.setEndpointIdentificationAlgorithm("HTTPS");
            }
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                params.setServerNames(List.of(new javax.net.ssl.SNIHostName(host)));
            }
            socket.setSSLParameters(params);
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return new Handshake(leaf, socket.getSession().getProtocol());
        }
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

    static boolean matchesHost(String host, List<String> sans, X509Certificate cert) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        for (String san : sans) {
            String s = san.toLowerCase(java.util.Locale.ROOT);
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
