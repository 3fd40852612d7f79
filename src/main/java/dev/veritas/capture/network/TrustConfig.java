package dev.veritas.capture.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import java.security.cert.Certificate;
/**
 * Which certificate authorities an audit trusts: the system's, plus any the user added with --trust-ca
 * (an intranet CA, or a test CA). Used by the TLS probe and the HTTP client; Chromium gets the same CAs
 * as public-key pins.
 */
public final class TrustConfig {
    private final List<X509Certificate> extra;
    private final SSLContext validating;

    private TrustConfig(List<X509Certificate> extra) {
        this.extra = List.copyOf(extra);
        this.validating = buildValidating(extra);
    }

    public static TrustConfig system() {
        return new TrustConfig(List.of());
    }

    /** Adds the CA certificates in a PEM file; a clear error if the file is missing or holds none. */
    public static TrustConfig withCa(Optional<Path> pem) {
        if (pem.isEmpty()) {
            return system();
        }
        Path p = pem.get();
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException("--trust-ca file " + p + " does not exist or cannot be read");
        }
        try (InputStream in = Files.newInputStream(p)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> list = new ArrayList<>();
            for (var c : certs) {
                list.add((X509Certificate) c);
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException("--trust-ca file " + p + " holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----)");
            }
            return new TrustConfig(list);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("--trust-ca file " + p + " is not a PEM certificate: " + e.getMessage());
        }
    }

    public List<X509Certificate> extraCas() {
        return extra;
    }

    /** An SSL context that validates against the system CAs and the extra ones. */
    public SSLContext validating() {
        return validating;
    }

    /** An SSL context that accepts any certificate: to read what an invalid site serves (validity is judged separately). */
    public static SSLContext acceptingAny() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AcceptAny()}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no TLS", e);
        }
    }

    /** Base64 SHA-256 of each extra CA's public key, as Chromium's --ignore-certificate-errors-spki-list expects. */
    public List<String> spkiHashes() {
        List<String> hashes = new ArrayList<>();
        for (X509Certificate c : extra) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getPublicKey().getEncoded());
                hashes.add(Base64.getEncoder().encodeToString(digest));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    private static SSLContext buildValidating(List<X509Certificate> extra) {
        try {
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            X509TrustManager system = (X509TrustManager) defaults.getTrustManagers()[0];
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : system.getAcceptedIssuers()) {
                ks.setCertificateEntry("system-" + i++, c);
            }
            for (X509Certificate c : extra) {
                ks.setCertificateEntry("extra-" + i++, c);
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, combined.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not set up certificate trust: " + e.getMessage(), e);
        }
    }

    private static final class AcceptAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // accept: this context reads certificates, it does not judge them
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accept: the TLS probe judges validity with a validating context
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
