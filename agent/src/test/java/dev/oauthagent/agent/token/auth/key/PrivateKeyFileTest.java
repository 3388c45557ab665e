package dev.oauthagent.agent.token.auth.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each form a private key comes in, and each way loading one fails, with a message that never holds a secret. */
class PrivateKeyFileTest {
    private static final String PASSWORD = "key-Passphrase-never-printed";

    @TempDir
    Path dir;

    @Test
    void aPlainPkcs8PemOfRsaAndOfEcLoadsAsThatKey() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        KeyPair ec = TestKeys.ec("secp256r1");

        assertThat(PrivateKeyFile.load(TestKeys.pem(dir.resolve("rsa.pem"), rsa.getPrivate()), null, null))
                .isInstanceOf(RSAPrivateKey.class).isEqualTo(rsa.getPrivate());
        assertThat(PrivateKeyFile.load(TestKeys.pem(dir.resolve("ec.pem"), ec.getPrivate()), null, null))
                .isInstanceOf(ECPrivateKey.class).isEqualTo(ec.getPrivate());
    }

    @Test
    void anEncryptedPemLoadsWithItsPassphraseAndAWrongOneIsNamedAsSuch() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        Path file = TestKeys.encryptedPem(dir.resolve("enc.pem"), rsa.getPrivate(), PASSWORD);

        assertThat(PrivateKeyFile.load(file, PASSWORD.toCharArray(), null)).isEqualTo(rsa.getPrivate());
        assertThatThrownBy(() -> PrivateKeyFile.load(file, "wrong-passphrase".toCharArray(), null))
                .hasMessage("file " + file + " could not be decrypted: the passphrase in private-key-password is "
                        + "wrong; check the value it refers to");
        assertThatThrownBy(() -> PrivateKeyFile.load(file, null, null))
                .hasMessageContaining("holds an encrypted key; set private-key-password");
    }

    @Test
    void aPkcs12AndAJksKeystoreAreToldByContentNotByName() throws Exception {
        Path p12 = TestKeys.keyStore(dir.resolve("store.jks"), "PKCS12", PASSWORD, "EC", "billing"); // misnamed
        Path jks = TestKeys.keyStore(dir.resolve("store.p12"), "JKS", PASSWORD, "RSA", "billing");

        assertThat(PrivateKeyFile.load(p12, PASSWORD.toCharArray(), null)).isInstanceOf(ECPrivateKey.class);
        assertThat(PrivateKeyFile.load(jks, PASSWORD.toCharArray(), "billing")).isInstanceOf(RSAPrivateKey.class);
    }

    @Test
    void aKeystoreWithAWrongPasswordOrWithoutTheAliasSaysSoAndNeverRepeatsThePassword() throws Exception {
        Path p12 = TestKeys.keyStore(dir.resolve("two.p12"), "PKCS12", PASSWORD, "RSA", "old", "new");

        assertThatThrownBy(() -> PrivateKeyFile.load(p12, "wrong-password".toCharArray(), "new"))
                .hasMessageContaining("the password in private-key-password is wrong")
                .hasMessageNotContaining("wrong-password");
        assertThatThrownBy(() -> PrivateKeyFile.load(p12, PASSWORD.toCharArray(), null))
                .hasMessageContaining("holds 2 keys (aliases [").hasMessageContaining("set private-key-alias");
        assertThatThrownBy(() -> PrivateKeyFile.load(p12, PASSWORD.toCharArray(), "missing"))
                .hasMessageContaining("has no key with alias 'missing'").hasMessageNotContaining(PASSWORD);
        assertThat(PrivateKeyFile.load(p12, PASSWORD.toCharArray(), "new")).isInstanceOf(PrivateKey.class);
    }

    @Test
    void aPkcs1KeyACertificateAndAMissingFileEachGetTheirFix() throws Exception {
        Path pkcs1 = Files.write(dir.resolve("old.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII));
        Path cert = Files.write(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
                .getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> PrivateKeyFile.load(pkcs1, null, null)).hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> PrivateKeyFile.load(cert, null, null)).hasMessageContaining("without a private key");
        assertThatThrownBy(() -> PrivateKeyFile.load(dir.resolve("none.pem"), null, null))
                .hasMessage("file " + dir.resolve("none.pem") + " does not exist; fix the path");
    }
}
