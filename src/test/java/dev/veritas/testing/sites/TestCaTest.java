package dev.veritas.testing.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCaTest {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final TestCa ca = TestCa.shared();

    @Test
    void writesTheCaCertificateAsPemThatParsesBackToTheSameCertificate(@TempDir Path dir) throws Exception {
        Path pem = ca.writeCaPem(dir.resolve("ca.pem"));

        String text = Files.readString(pem);
        assertThat(text).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            assertThat(parsed).isEqualTo(ca.caCertificate());
        }
        assertThat(ca.caCertificate().getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
        ca.caCertificate().checkValidity();
    }

    @Test
    void spkiHashIsTheBase64Sha256OfTheCaPublicKeyInfo() throws Exception {
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(ca.caCertificate().getPublicKey().getEncoded());

        assertThat(ca.caSpkiSha256Base64()).isEqualTo(Base64.getEncoder().encodeToString(expected)).hasSize(44);
        assertThat(ca.leafSpkiSha256Base64(CertVariant.VALID)).isNotEqualTo(ca.caSpkiSha256Base64());
    }

    @Test
    void validLeafIsSignedByTheCaForLoopbackAndLocalhostAndValidNow() throws Exception {
        X509Certificate leaf = ca.leafCertificate(CertVariant.VALID);

        leaf.verify(ca.caCertificate().getPublicKey());
        leaf.checkValidity();
        assertThat(leaf.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(leaf.getSubjectAlternativeNames())
                .contains(List.of(SAN_IP, "127.0.0.1"), List.of(SAN_DNS, "localhost"));
        assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    }

    @Test
    void expiredLeafIsSignedByTheCaButExpired() throws Exception {
        X509Certificate leaf = ca.leafCertificate(CertVariant.EXPIRED);

        leaf.verify(ca.caCertificate().getPublicKey());
        assertThat(leaf.getNotAfter()).isBefore(new Date());
        assertThatThrownBy(leaf::checkValidity).isInstanceOf(CertificateExpiredException.class);
        assertThat(leaf.getSubjectAlternativeNames()).contains(List.of(SAN_IP, "127.0.0.1"));
    }

    @Test
    void selfSignedLeafIsSignedByItsOwnKeyNotTheCa() throws Exception {
        X509Certificate leaf = ca.leafCertificate(CertVariant.SELF_SIGNED);

        leaf.verify(leaf.getPublicKey());
        assertThatThrownBy(() -> leaf.verify(ca.caCertificate().getPublicKey()))
                .isInstanceOf(SignatureException.class);
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(leaf.getSubjectX500Principal());
        leaf.checkValidity();
    }

    @Test
    void wrongHostLeafNamesOnlyWrongExample() throws Exception {
        X509Certificate leaf = ca.leafCertificate(CertVariant.WRONG_HOST);

        leaf.verify(ca.caCertificate().getPublicKey());
        leaf.checkValidity();
        assertThat(leaf.getSubjectAlternativeNames()).containsExactly(List.of(SAN_DNS, "wrong.example"));
    }

    @Test
    void trustManagerTrustsTheCaAndNothingElse() {
        assertThat(ca.trustManager().getAcceptedIssuers()).containsExactly(ca.caCertificate());
        assertThat(TestCa.create().caSpkiSha256Base64()).as("a new CA has new keys").isNotEqualTo(ca.caSpkiSha256Base64());
    }
}
