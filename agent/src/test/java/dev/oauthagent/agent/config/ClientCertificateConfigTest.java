package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.auth.key.TestClientCertificate;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of the mutual-TLS methods (tls_client_auth, self_signed_tls_client_auth), checked at start by loading the
 * key and its certificate: each misconfiguration named with its key, its file and its fix, never with the password.
 */
class ClientCertificateConfigTest {
    private static final String PASSWORD = "store-Password-never-printed";
    private static final String P = "clients.billing.";
    private static final String FULL = "oauth.agent.clients.billing.";

    @TempDir
    static Path dir;
    private static TestClientCertificate client;
    private static TestClientCertificate expired;

    @BeforeAll
    static void makeCertificates() throws Exception {
        client = TestClientCertificate.create(dir, "client", "RSA", PASSWORD);
        expired = TestClientCertificate.create(dir, "expired", "EC", PASSWORD, "-10d", 1);
    }

    private static ConfigInput mutualTls(String method) {
        return ConfigInput.withValidClient("billing").removeSys(P + "client-secret").sys(P + "client-auth", method);
    }

    private static ConfigInput withKeyStore() {
        return mutualTls("tls_client_auth").sys(P + "private-key", client.keyStore.toString())
                .sys(P + "private-key-password", "${env:STORE_PASSWORD}").env("STORE_PASSWORD", PASSWORD);
    }

    @Test
    void aKeystoreHoldingKeyAndCertificateLoadsAndNoOutputShowsItsPassword() throws Exception {
        LoadedConfig loaded = withKeyStore().sys(P + "private-key-alias", TestClientCertificate.ALIAS).load();
        ClientConfig billing = loaded.config().client("billing");

        assertThat(billing.clientAuth()).isEqualTo(ClientAuthMethod.TLS_CLIENT_AUTH);
        assertThat(billing.clientSecret()).isNull();
        assertThat(billing.privateKey().path()).isEqualTo(client.keyStore);
        assertThat(billing.clientCertificate()).isNull();
        assertThat(billing.toString() + loaded.effective().render() + loaded.config().clientSecrets())
                .contains("clientAuth=tls_client_auth").contains("privateKey=" + client.keyStore)
                .doesNotContain(PASSWORD);
    }

    @Test
    void aPemKeyWithItsCertificateChainLoadsForSelfSignedTlsClientAuth() throws Exception {
        ClientConfig billing = mutualTls("self_signed_tls_client_auth").sys(P + "private-key", client.keyPem.toString())
                .sys(P + "client-certificate", client.chainPem.toString()).load().config().client("billing");

        assertThat(billing.clientAuth()).isEqualTo(ClientAuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH);
        assertThat(billing.clientCertificate()).isEqualTo(client.chainPem);
        assertThat(billing.toString()).contains("clientCertificate=" + client.chainPem);
    }

    @Test
    void aMissingKeyAPemKeyWithoutCertificateAndAWrongPasswordAreEachNamed() {
        assertThat(mutualTls("tls_client_auth").messageOf(P + "private-key"))
                .startsWith("is required with " + FULL + "client-auth=tls_client_auth");
        assertThat(mutualTls("tls_client_auth").sys(P + "private-key", client.keyPem.toString())
                .messageOf(P + "client-certificate")).startsWith("is required: private-key " + client.keyPem);
        assertThat(withKeyStore().env("STORE_PASSWORD", "wrong-password-value").messageOf(P + "private-key"))
                .contains("password in private-key-password is wrong").doesNotContain("wrong-password-value")
                .doesNotContain(PASSWORD);
        assertThat(mutualTls("tls_client_auth").sys(P + "private-key", client.keyPem.toString())
                .sys(P + "client-certificate", dir.resolve("missing.pem").toString()).messageOf(P + "client-certificate"))
                .contains(dir.resolve("missing.pem").toString());
    }

    @Test
    void aKeyOfAnotherCertificateAndAnExpiredCertificateAreNamedWithFileAndDates() {
        String mismatch = mutualTls("tls_client_auth").sys(P + "private-key", expired.keyPem.toString())
                .sys(P + "client-certificate", client.chainPem.toString()).messageOf(P + "client-certificate");
        String past = mutualTls("tls_client_auth").sys(P + "private-key", expired.keyStore.toString())
                .sys(P + "private-key-password", PASSWORD).messageOf(P + "private-key");

        assertThat(mismatch).contains("that does not belong to the key in private-key " + expired.keyPem);
        assertThat(past).contains("file " + expired.keyStore + " holds a certificate (subject CN=client) that expired "
                + "at " + expired.certificate.getNotAfter().toInstant() + " (valid from "
                + expired.certificate.getNotBefore().toInstant()).doesNotContain(PASSWORD);
    }

    @Test
    void aSecretAndTheSigningKeysAreRefusedWithMutualTlsAndTheCertificateWithOtherMethods() {
        assertThat(withKeyStore().sys(P + "client-secret", ConfigInput.SECRET).messageOf(P + "client-secret"))
                .contains("tls_client_auth presents the certificate of " + FULL + "private-key and sends no secret");
        assertThat(withKeyStore().sys(P + "signing-algorithm", "RS256").messageOf(P + "signing-algorithm"))
                .startsWith("has no effect with " + FULL + "client-auth=tls_client_auth, which signs no client "
                        + "assertion");
        assertThat(ConfigInput.withValidClient("billing").sys(P + "client-certificate", client.chainPem.toString())
                .messageOf(P + "client-certificate")).startsWith("has no effect with " + FULL
                        + "client-auth=client_secret_basic; set client-auth to tls_client_auth or "
                        + "self_signed_tls_client_auth");
    }
}
