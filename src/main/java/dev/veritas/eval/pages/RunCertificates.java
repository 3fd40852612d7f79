package dev.veritas.eval.pages;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in memory for one run, and one server certificate it signs for every host name the
 * run plays. Only that run's engine trusts it (as an extra CA, like {@code --trust-ca}); its key never leaves the
 * process. Keys are EC P-256, which take milliseconds to make.
 */
final class RunCertificates {
    private static final String KEY_PASSWORD = "in-memory";
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private final X509Certificate ca;
    private final X509Certificate leaf;
    private final PrivateKey leafKey;

    private RunCertificates(X509Certificate ca, X509Certificate leaf, PrivateKey leafKey) {
        this.ca = ca;
        this.leaf = leaf;
        this.leafKey = leafKey;
    }

    /** A new CA and a certificate naming every host (ASCII names, as in URLs: IDNs in their xn-- form). */
    static RunCertificates forHosts(Collection<String> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no host names to certify");
        }
        try {
            Instant now = Instant.now();
            KeyPair caKeys = keyPair();
            X500Name caName = new X500Name("CN=Veritas eval pages CA, O=Veritas");
            X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(Duration.ofDays(7))), caName, caKeys.getPublic());
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            caBuilder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate ca = sign(caBuilder, caKeys.getPrivate());

            KeyPair leafKeys = keyPair();
            GeneralName[] names = hosts.stream().map(h -> new GeneralName(GeneralName.dNSName, h)).toArray(GeneralName[]::new);
            X509v3CertificateBuilder leafBuilder = new JcaX509v3CertificateBuilder(ca, serial(),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(Duration.ofDays(7))),
                    new X500Name("CN=" + hosts.iterator().next() + ", O=Veritas eval pages"), leafKeys.getPublic());
            leafBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            leafBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            leafBuilder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            leafBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            leafBuilder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(leafKeys.getPublic()));
            leafBuilder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            return new RunCertificates(ca, sign(leafBuilder, caKeys.getPrivate()), leafKeys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not make the run's certificates: " + e.getMessage(), e);
        }
    }

    X509Certificate caCertificate() {
        return ca;
    }

    X509Certificate serverCertificate() {
        return leaf;
    }

    /**
     * The server side: the leaf with the CA after it, as a real server sends its chain. Chromium's allow-list of
     * extra CA keys looks at the certificates a server presents, so the CA must be among them.
     */
    SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", leafKey, KEY_PASSWORD.toCharArray(), new Certificate[] {leaf, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, KEY_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not set up the run's HTTPS: " + e.getMessage(), e);
        }
    }

    /** Writes the CA certificate as PEM, the form the engine's extra-CA option reads. */
    Path writeCaPem(Path file) throws IOException {
        String body;
        try {
            body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).add(BigInteger.ONE);
    }
}
