package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;
import dev.oauthagent.agent.token.auth.key.TestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of private_key_jwt and client_secret_jwt, checked at start by loading the key: each misconfiguration
 * named with its key and its fix, never with the key's password.
 */
class ClientAssertionConfigTest {
    private static final String PASSWORD = "key-Passphrase-never-printed";
    private static final String P = "clients.billing.";

    @TempDir
    Path dir;

    private static ConfigInput privateKeyJwt(Path key) {
        return ConfigInput.withValidClient("billing").removeSys(P + "client-secret")
                .sys(P + "client-auth", "private_key_jwt").sys(P + "private-key", key.toString());
    }

    @Test
    void anRsaPemTakesRs256AndAnEcP256PemEs256WhenNoAlgorithmIsSet() throws Exception {
        Path rsa = TestKeys.pem(dir.resolve("rsa.pem"), TestKeys.rsa().getPrivate());
        Path ec = TestKeys.pem(dir.resolve("ec.pem"), TestKeys.ec("secp256r1").getPrivate());

        ClientConfig rsaClient = privateKeyJwt(rsa).sys(P + "key-id", "k1").load().config().client("billing");
        assertThat(rsaClient.signingAlgorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(rsaClient.clientSecret()).isNull();
        assertThat(rsaClient.keyId()).isEqualTo("k1");
        assertThat(rsaClient.assertionAudience()).isEqualTo(AssertionAudience.TOKEN_ENDPOINT);
        assertThat(privateKeyJwt(ec).load().config().client("billing").signingAlgorithm())
                .isEqualTo(SigningAlgorithm.ES256);
        assertThat(privateKeyJwt(rsa).sys(P + "signing-algorithm", "ps256").load().config().client("billing")
                .signingAlgorithm()).isEqualTo(SigningAlgorithm.PS256);
    }

    @Test
    void theDocumentedExamplesOfTheAssertionKeysLoad() throws Exception {
        Path store = TestKeys.keyStore(dir.resolve("store.p12"), "PKCS12", PASSWORD, "RSA",
                KnownKeys.PRIVATE_KEY_ALIAS.example(), "other");
        ConfigInput input = privateKeyJwt(store).sys(P + "private-key-password", "${env:KEY_PASSWORD}")
                .env("KEY_PASSWORD", PASSWORD);
        for (KnownKey key : new KnownKey[] {KnownKeys.PRIVATE_KEY_ALIAS, KnownKeys.SIGNING_ALGORITHM,
                KnownKeys.KEY_ID, KnownKeys.CLIENT_ASSERTION_AUDIENCE}) {
            input.sys(P + key.name(), key.example());
        }

        assertThat(input.load().config().client("billing").signingAlgorithm()).isEqualTo(SigningAlgorithm.PS256);
    }

    @Test
    void anEncryptedKeyWithItsPassphraseFromTheEnvironmentLoadsAndIsNeverPrinted() throws Exception {
        Path key = TestKeys.encryptedPem(dir.resolve("enc.pem"), TestKeys.rsa().getPrivate(), PASSWORD);
        LoadedConfig loaded = privateKeyJwt(key).sys(P + "private-key-password", "${env:KEY_PASSWORD}")
                .env("KEY_PASSWORD", PASSWORD).load();
        ClientConfig billing = loaded.config().client("billing");

        assertThat(billing.privateKey().password().origin()).isEqualTo("env var KEY_PASSWORD");
        assertThat(billing.toString() + loaded.effective().render() + loaded.config().clientSecrets())
                .contains("privateKey=" + key).contains("signingAlgorithm=RS256").doesNotContain(PASSWORD);
        assertThat(loaded.config().clientSecrets().get(0).privateKeyPassword().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void aWrongPassphraseIsNamedAsSuchWithoutTheValue() throws Exception {
        Path key = TestKeys.encryptedPem(dir.resolve("enc.pem"), TestKeys.rsa().getPrivate(), PASSWORD);
        String message = privateKeyJwt(key).sys(P + "private-key-password", "wrong-passphrase-value")
                .messageOf(P + "private-key");

        assertThat(message).contains("the passphrase in private-key-password is wrong")
                .doesNotContain("wrong-passphrase-value").doesNotContain(PASSWORD);
    }

    @Test
    void anEcKeyWithRs256AndAnRsaKeyWithEs256AreRefusedNamingTheAlgorithmKey() throws Exception {
        Path ec = TestKeys.pem(dir.resolve("ec.pem"), TestKeys.ec("secp256r1").getPrivate());
        Path rsa = TestKeys.pem(dir.resolve("rsa.pem"), TestKeys.rsa().getPrivate());

        assertThat(privateKeyJwt(ec).sys(P + "signing-algorithm", "RS256").messageOf(P + "signing-algorithm"))
                .contains("is RS256, but the key in " + ec + " is an EC key (256-bit curve, P-256), but RS256 needs an "
                        + "RSA key");
        assertThat(privateKeyJwt(rsa).sys(P + "signing-algorithm", "ES256").messageOf(P + "signing-algorithm"))
                .contains("ES256 needs an EC key on the P-256 curve");
        assertThat(privateKeyJwt(rsa).sys(P + "signing-algorithm", "HS256").messageOf(P + "signing-algorithm"))
                .contains("use RS256, PS256 or ES256");
    }

    @Test
    void anEcKeyOnAnotherCurveIsRefusedAsNoAlgorithmSignsWithIt() throws Exception {
        Path p384 = TestKeys.pem(dir.resolve("p384.pem"), TestKeys.ec("secp384r1").getPrivate());

        assertThat(privateKeyJwt(p384).messageOf(P + "private-key")).contains("an EC key (384-bit curve)")
                .contains("which none of RS256, PS256 and ES256 signs with");
    }

    @Test
    void aMissingKeyAMissingFileAndAMissingAliasAreEachNamed() throws Exception {
        assertThat(ConfigInput.withValidClient("billing").removeSys(P + "client-secret")
                .sys(P + "client-auth", "private_key_jwt").messageOf(P + "private-key"))
                .startsWith("is required with client-auth=private_key_jwt");
        assertThat(privateKeyJwt(dir.resolve("none.pem")).messageOf(P + "private-key")).contains("does not exist");
        Path store = TestKeys.keyStore(dir.resolve("store.p12"), "PKCS12", PASSWORD, "RSA", "a", "b");
        assertThat(privateKeyJwt(store).sys(P + "private-key-password", PASSWORD).sys(P + "private-key-alias", "c")
                .messageOf(P + "private-key")).contains("has no key with alias 'c'").doesNotContain(PASSWORD);
    }

    @Test
    void aClientSecretWithPrivateKeyJwtAndKeysWithASecretMethodAreRefused() throws Exception {
        Path rsa = TestKeys.pem(dir.resolve("rsa.pem"), TestKeys.rsa().getPrivate());

        assertThat(privateKeyJwt(rsa).sys(P + "client-secret", ConfigInput.SECRET).messageOf(P + "client-secret"))
                .contains("private_key_jwt signs with oauth.agent.clients.billing.private-key and sends no secret");
        assertThat(ConfigInput.withValidClient("billing").sys(P + "private-key", rsa.toString())
                .messageOf(P + "private-key")).contains("has no effect with oauth.agent.clients.billing.client-auth="
                        + "client_secret_basic");
    }

    @Test
    void clientSecretJwtTakesHs256AndRefusesAShortSecretAndAnotherAlgorithm() {
        ClientConfig client = ConfigInput.withValidClient("billing").sys(P + "client-auth", "client_secret_jwt")
                .sys(P + "client-secret", "${env:LONG}").env("LONG", "a-client-secret-of-more-than-32-bytes")
                .loadAllowingProblems().config().client("billing");
        assertThat(client.signingAlgorithm()).isEqualTo(SigningAlgorithm.HS256);

        assertThat(ConfigInput.withValidClient("billing").sys(P + "client-auth", "client_secret_jwt")
                .sys(P + "client-secret", "short-secret-12").messageOf(P + "client-secret"))
                .contains("is shorter than 32 bytes").doesNotContain("short-secret-12");
        assertThat(ConfigInput.withValidClient("billing").sys(P + "client-auth", "client_secret_jwt")
                .sys(P + "client-secret", "a-client-secret-of-more-than-32-bytes").sys(P + "signing-algorithm", "RS256")
                .messageOf(P + "signing-algorithm")).contains("signs with HS256 only");
    }

    @Test
    void theIssuerAsAudienceNeedsAnIssuer() throws Exception {
        Path rsa = TestKeys.pem(dir.resolve("rsa.pem"), TestKeys.rsa().getPrivate());

        assertThat(privateKeyJwt(rsa).sys(P + "client-assertion-audience", "issuer")
                .messageOf(P + "client-assertion-audience")).contains("is issuer, but oauth.agent.clients.billing.issuer"
                        + " is not set");
    }

    @Test
    void aClientAssertionFileAloneSelectsItsMethodWithoutSecretAndIsMasked() throws Exception {
        Path token = java.nio.file.Files.writeString(dir.resolve("oidc-token"), "eyJh.eyJzdWIiOiJ4In0.c2ln\n");
        LoadedConfig loaded = ConfigInput.withValidClient("billing").removeSys(P + "client-secret")
                .sys(P + "client-assertion", "${file:" + token + "}")
                .sys(P + "client-assertion-type", KnownKeys.CLIENT_ASSERTION_TYPE.example()).load();
        ClientConfig billing = loaded.config().client("billing");

        assertThat(billing.clientAuth()).isEqualTo(ClientAuthMethod.CLIENT_ASSERTION);
        assertThat(billing.clientAssertionType()).isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        assertThat(billing.clientAssertion().origin()).isEqualTo("file " + token);
        assertThat(billing.toString() + loaded.effective().render()).doesNotContain("eyJh.eyJzdWIiOiJ4In0.c2ln");
    }

    @Test
    void aClientAssertionIsRefusedAsALiteralBesideClientAuthOrWhenItIsNoJwt() throws Exception {
        Path token = java.nio.file.Files.writeString(dir.resolve("oidc-token"), "not a jwt");
        ConfigInput noSecret = ConfigInput.withValidClient("billing").removeSys(P + "client-secret");

        assertThat(noSecret.sys(P + "client-assertion", "eyJh.eyJ.c2ln").messageOf(P + "client-assertion"))
                .contains("is written as a literal").doesNotContain("eyJh.eyJ.c2ln");
        assertThat(ConfigInput.withValidClient("billing").removeSys(P + "client-secret")
                .sys(P + "client-assertion", "${file:" + token + "}").sys(P + "client-auth", "client_secret_post")
                .messageOf(P + "client-auth")).contains("is set together with oauth.agent.clients.billing.client-assertion");
        assertThat(ConfigInput.withValidClient("billing").removeSys(P + "client-secret")
                .sys(P + "client-assertion", "${file:" + token + "}").messageOf(P + "client-assertion"))
                .contains("which does not hold a JWT").doesNotContain("not a jwt");
        assertThat(ConfigInput.withValidClient("billing").sys(P + "client-auth", "client_assertion")
                .messageOf(P + "client-auth")).contains("is not accepted; use one of").doesNotContain("client_assertion,");
    }
}
