package dev.veritas.testing.sites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in memory when a test runs (nothing is committed), and server certificates for the
 * test sites: one valid leaf and the broken variants of {@link CertVariant}.
 *
 * <p>How a test points each kind of client at it:
 * <ul>
 *   <li>Veritas' plain-HTTP mode and its {@code --trust-ca} option: {@link #writeCaPem(Path)}.</li>
 *   <li>Chromium: {@code --ignore-certificate-errors-spki-list=}{@link #caSpkiSha256Base64()}. Chromium ignores
 *       certificate errors when a certificate the server <em>presents</em> has a listed key, so only the
 *       {@link CertVariant#VALID} listener sends the CA along with its leaf; the expired and wrong-host leaves are
 *       sent alone, and Chromium still reports their errors although the same CA signed them.</li>
 *   <li>JDK clients in tests: {@link #clientSslContext()} or {@link #trustManager()}.</li>
 * </ul>
 * Keys are EC P-256: generating them takes milliseconds, so every test JVM can afford its own CA.
 */
public final class TestCa {
    private static final String KEY_STORE_PASSWORD = "veritas-test";
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private final KeyPair caKeys;
    private final X509Certificate caCert;
    private final Map<CertVariant, Leaf> leaves = new EnumMap<>(CertVariant.class);

    /** A leaf certificate with its key and the chain a server presents for it. */
    private record Leaf(PrivateKey key, X509Certificate cert, List<X509Certificate> presentedChain) {}

    private TestCa() {
        try {
            Instant now = Instant.now();
            caKeys = newKeyPair();
            caCert = caCertificate(caKeys, now);
            for (CertVariant variant : CertVariant.values()) {
                leaves.put(variant, leaf(variant, now));
            }
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the test CA", e);
        }
    }

    /** A new CA with its own keys and certificates. */
    public static TestCa create() {
        return new TestCa();
    }

    /** The CA every test site in this JVM uses unless told otherwise; made on first use. */
    public static TestCa shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final TestCa INSTANCE = new TestCa();
    }

    /** The CA's self-signed certificate. */
    public X509Certificate caCertificate() {
        return caCert;
    }

    /** The leaf certificate a server with this variant presents. */
    public X509Certificate leafCertificate(CertVariant variant) {
        return leaves.get(variant).cert();
    }

    /** The CA certificate as PEM text ({@code -----BEGIN CERTIFICATE-----}…). */
    public String caPem() {
        return pem(caCert);
    }

    /** Writes the CA certificate as PEM to {@code file}, the form Veritas' {@code --trust-ca} option reads. */
    public Path writeCaPem(Path file) {
        try {
            Files.writeString(file, caPem(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Base64 of the SHA-256 of the CA's SubjectPublicKeyInfo: the form Chromium's
     * {@code --ignore-certificate-errors-spki-list} takes.
     */
    public String caSpkiSha256Base64() {
        return spkiSha256Base64(caCert.getPublicKey());
    }

    /** The same hash for a leaf's key, for a test that wants Chromium to accept one broken leaf on purpose. */
    public String leafSpkiSha256Base64(CertVariant variant) {
        return spkiSha256Base64(leafCertificate(variant).getPublicKey());
    }

    /** A server-side context presenting the given variant's certificate. */
    public SSLContext serverSslContext(CertVariant variant) {
        Leaf leaf = leaves.get(variant);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", leaf.key(), KEY_STORE_PASSWORD.toCharArray(),
                    leaf.presentedChain().toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, KEY_STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the server TLS context for " + variant, e);
        }
    }

    /** A trust manager that trusts this CA and nothing else (not the JDK's public roots). */
    public X509TrustManager trustManager() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("veritas-test-ca", caCert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("no X509TrustManager from " + tmf.getAlgorithm());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the test CA trust manager", e);
        }
    }

    /** A client-side context that trusts this CA only; host names are checked by the client (HttpClient does). */
    public SSLContext clientSslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the test client TLS context", e);
        }
    }

    private Leaf leaf(CertVariant variant, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = newKeyPair();
        return switch (variant) {
            case VALID -> {
                X509Certificate cert = signedByCa(keys, "127.0.0.1", rightHosts(), now.minus(CLOCK_SKEW),
                        now.plus(Duration.ofDays(90)));
                // The CA goes along so that Chromium's SPKI allow-list, which looks at presented certificates, matches.
                yield new Leaf(keys.getPrivate(), cert, List.of(cert, caCert));
            }
            case EXPIRED -> {
                X509Certificate cert = signedByCa(keys, "127.0.0.1", rightHosts(), now.minus(Duration.ofDays(120)),
                        now.minus(Duration.ofDays(30)));
                yield new Leaf(keys.getPrivate(), cert, List.of(cert));
            }
            case WRONG_HOST -> {
                X509Certificate cert = signedByCa(keys, "wrong.example",
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "wrong.example")),
                        now.minus(CLOCK_SKEW), now.plus(Duration.ofDays(90)));
                yield new Leaf(keys.getPrivate(), cert, List.of(cert));
            }
            case SELF_SIGNED -> {
                X500Name subject = new X500Name("CN=127.0.0.1, O=Veritas self-signed test server");
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                        Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(Duration.ofDays(90))), subject,
                        keys.getPublic());
                addServerExtensions(builder, keys.getPublic(), rightHosts());
                X509Certificate cert = sign(builder, keys.getPrivate());
                yield new Leaf(keys.getPrivate(), cert, List.of(cert));
            }
        };
    }

    private X509Certificate signedByCa(KeyPair keys, String commonName, GeneralNames hosts, Instant from, Instant to)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(from),
                Date.from(to), new X500Name("CN=" + commonName + ", O=Veritas test server"), keys.getPublic());
        addServerExtensions(builder, keys.getPublic(), hosts);
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert));
        return sign(builder, caKeys.getPrivate());
    }

    private static X509Certificate caCertificate(KeyPair keys, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500Name("CN=Veritas Test CA, O=Veritas tests");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys.getPrivate());
    }

    private static void addServerExtensions(X509v3CertificateBuilder builder, PublicKey key, GeneralNames hosts)
            throws GeneralSecurityException, IOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, hosts);
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
    }

    private static GeneralNames rightHosts() {
        return new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
            new GeneralName(GeneralName.dNSName, "localhost"),
        });
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException, OperatorCreationException {
        ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }

    static String spkiSha256Base64(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(X509Certificate cert) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(cert.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
