package dev.oauthagent.agent.token.auth.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutual-TLS key and certificate: both forms load, and each way they cannot be used is named with the key to
 * fix, the file and (for validity) the dates, never with the password.
 */
class ClientCertificateTest {
    private static final String PASSWORD = "store-Password-never-printed";

    @TempDir
    static Path dir;
    private static TestClientCertificate rsa;
    private static TestClientCertificate ec;

    @BeforeAll
    static void makeCertificates() throws Exception {
        rsa = TestClientCertificate.create(dir, "rsa-client", "RSA", PASSWORD);
        ec = TestClientCertificate.create(dir, "ec-client", "EC", PASSWORD);
    }

    private static KeyLoadException fails(Path key, String password, String alias, Path chain, Instant now) {
        KeyLoadException e = catchThrowableOfType(KeyLoadException.class, () -> ClientCertificate.load(key,
                password == null ? null : password.toCharArray(), alias, chain, now));
        assertThat(e).as("loading should have failed").isNotNull();
        assertThat(e.getMessage()).doesNotContain(PASSWORD);
        return e;
    }

    @Test
    void aPemKeyWithItsChainAndAKeystoreEntryEachGiveTheKeyAndItsCertificate() throws Exception {
        ClientCertificate fromPem = ClientCertificate.load(ec.keyPem, null, null, ec.chainPem, Instant.now());
        ClientCertificate fromStore = ClientCertificate.load(rsa.keyStore, PASSWORD.toCharArray(),
                TestClientCertificate.ALIAS, null, Instant.now());

        assertThat(fromPem.key()).isEqualTo(ec.key);
        assertThat(fromPem.chain()).containsExactly(ec.certificate);
        assertThat(fromStore.key()).isEqualTo(rsa.key);
        assertThat(fromStore.chain()).containsExactly(rsa.certificate);
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedForRsaAndForEc() {
        KeyLoadException wrongRsa = fails(rsa.keyPem, null, null, ec.chainPem, Instant.now());

        assertThat(wrongRsa.key()).isEqualTo("client-certificate");
        assertThat(wrongRsa.getMessage()).contains("file " + ec.chainPem + " holds a certificate (subject CN=client)"
                + " that does not belong to the key in private-key " + rsa.keyPem);
        assertThat(ClientCertificate.belongTogether(ec.key, rsa.certificate.getPublicKey())).isFalse();
        assertThat(ClientCertificate.belongTogether(ec.key, ec.certificate.getPublicKey())).isTrue();
        assertThat(ClientCertificate.belongTogether(rsa.key, rsa.certificate.getPublicKey())).isTrue();
    }

    @Test
    void aCertificateOutsideItsValidityIsNamedWithItsDates() {
        Instant from = rsa.certificate.getNotBefore().toInstant();
        Instant until = rsa.certificate.getNotAfter().toInstant();

        KeyLoadException expired = fails(rsa.keyStore, PASSWORD, null, null, until.plus(1, ChronoUnit.DAYS));
        KeyLoadException early = fails(rsa.keyPem, null, null, rsa.chainPem, from.minus(1, ChronoUnit.HOURS));

        assertThat(expired.key()).isEqualTo("private-key");
        assertThat(expired.getMessage()).contains("(subject CN=client) that expired at " + until
                + " (valid from " + from + " to " + until + "); renew the certificate");
        assertThat(early.key()).isEqualTo("client-certificate");
        assertThat(early.getMessage()).contains("that is not valid yet: valid from " + from + " to " + until);
    }

    @Test
    void aPemKeyWithoutAChainAndAKeystoreWithAChainBesideAreRefused() {
        KeyLoadException noChain = fails(ec.keyPem, null, null, null, Instant.now());
        KeyLoadException both = fails(rsa.keyStore, PASSWORD, null, rsa.chainPem, Instant.now());

        assertThat(noChain.key()).isEqualTo("client-certificate");
        assertThat(noChain.getMessage()).startsWith("is required: private-key " + ec.keyPem + " holds a key without "
                + "a certificate");
        assertThat(both.getMessage()).startsWith("is set, but private-key " + rsa.keyStore + " is a keystore whose "
                + "entry holds the certificate");
    }

    @Test
    void aMissingChainAFileWithoutCertificateAndAWrongPasswordAreNamed() throws Exception {
        Path noCertificate = Files.writeString(dir.resolve("not-a-chain.pem"), "hello\n");

        assertThat(fails(ec.keyPem, null, null, dir.resolve("none.pem"), Instant.now()).getMessage())
                .isEqualTo("file " + dir.resolve("none.pem") + " does not exist; fix the path");
        assertThat(fails(ec.keyPem, null, null, noCertificate, Instant.now()).getMessage())
                .startsWith("file " + noCertificate + " holds no certificate (no BEGIN CERTIFICATE line)");
        KeyLoadException wrong = fails(rsa.keyStore, "wrong-password-value", null, null, Instant.now());
        assertThat(wrong.key()).isEqualTo("private-key");
        assertThat(wrong.getMessage()).contains("password in private-key-password is wrong")
                .doesNotContain("wrong-password-value");
    }
}
