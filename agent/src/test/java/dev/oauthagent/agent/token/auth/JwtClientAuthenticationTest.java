package dev.oauthagent.agent.token.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.AssertionAudience;
import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.PrivateKeyConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenRequest;
import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;
import dev.oauthagent.agent.token.auth.key.TestKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** private_key_jwt and client_secret_jwt as a token request carries them; the key's file read again when it changes. */
class JwtClientAuthenticationTest {
    private static final String HS_SECRET = "client-secret-jwt-value-of-32-bytes-or-more";

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AssertionsHeard listener = new AssertionsHeard();
    private final List<String> scrubbed = listener.heard;

    private ClientConfig privateKeyClient(Path key, AssertionAudience audience) {
        return TestClients.billing(URI.create("https://as.example/oauth2/token")).clientSecret(null)
                .issuer(URI.create("https://as.example")).clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT)
                .privateKey(new PrivateKeyConfig(key, null, null)).signingAlgorithm(SigningAlgorithm.RS256)
                .assertionAudience(audience).build();
    }

    private Map<String, String> form(ClientAuthentication authentication) {
        TokenRequest.Builder request = TokenRequest.builder(URI.create("https://as.example/oauth2/token"));
        authentication.applyTo(request);
        Map<String, String> form = new HashMap<>();
        for (Map.Entry<String, String> p : request.build().formParameters()) {
            form.put(p.getKey(), p.getValue());
        }
        return form;
    }

    @Test
    void privateKeyJwtSendsTheClientIdAndAJwtBearerAssertionTheScrubberKnewFirst() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        ClientAuthentication auth = ClientAuthentication.forClient(
                privateKeyClient(TestKeys.pem(dir.resolve("key.pem"), rsa.getPrivate()),
                        AssertionAudience.TOKEN_ENDPOINT), nanos::get, listener);

        Map<String, String> form = form(auth);

        assertThat(form).containsEntry("client_id", "billing-service")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .doesNotContainKey("client_secret");
        String jwt = form.get("client_assertion");
        assertThat(verifies(rsa.getPublic(), jwt)).isTrue();
        assertThat(ClientAssertionTest.part(jwt, 1)).contains("\"aud\":\"https://as.example/oauth2/token\"");
        assertThat(scrubbed).containsExactly("billing/60/" + jwt);
        assertThat(auth.toString()).doesNotContain(jwt);
    }

    @Test
    void theIssuerIsTheAudienceWhenConfiguredSo() throws Exception {
        ClientAuthentication auth = ClientAuthentication.forClient(privateKeyClient(
                TestKeys.pem(dir.resolve("key.pem"), TestKeys.rsa().getPrivate()), AssertionAudience.ISSUER),
                nanos::get, listener);

        assertThat(ClientAssertionTest.part(form(auth).get("client_assertion"), 1))
                .contains("\"aud\":\"https://as.example\"");
    }

    @Test
    void aReplacedKeyFileSignsFromTheNextCheckOnAndAnUnreadableOneKeepsTheOldKey() throws Exception {
        KeyPair first = TestKeys.rsa();
        KeyPair second = TestKeys.rsa();
        Path key = TestKeys.pem(dir.resolve("key.pem"), first.getPrivate());
        ClientAuthentication auth = ClientAuthentication.forClient(privateKeyClient(key,
                AssertionAudience.TOKEN_ENDPOINT), nanos::get, listener);

        replace(key, TestKeys.pem(dir.resolve("next.pem"), second.getPrivate()));
        assertThat(verifies(first.getPublic(), form(auth).get("client_assertion"))).as("checked within the interval")
                .isTrue();
        nanos.addAndGet(CurrentSecret.CHECK_INTERVAL_NANOS);
        assertThat(verifies(second.getPublic(), form(auth).get("client_assertion"))).isTrue();

        replace(key, Files.write(dir.resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII)));
        nanos.addAndGet(CurrentSecret.CHECK_INTERVAL_NANOS);
        assertThat(verifies(second.getPublic(), form(auth).get("client_assertion"))).isTrue();
    }

    @Test
    void anInvalidClientRereadsTheKeyFileAtOnceAndTellsWhetherItChanged() throws Exception {
        Path key = TestKeys.pem(dir.resolve("key.pem"), TestKeys.rsa().getPrivate());
        ClientAuthentication auth = ClientAuthentication.forClient(privateKeyClient(key,
                AssertionAudience.TOKEN_ENDPOINT), nanos::get, listener);

        assertThat(auth.secretChangedOnReread()).isFalse();
        replace(key, TestKeys.pem(dir.resolve("next.pem"), TestKeys.rsa().getPrivate()));
        assertThat(auth.secretChangedOnReread()).isTrue();
    }

    @Test
    void clientSecretJwtSignsHs256WithTheSecretAndNeverSendsTheSecret() throws Exception {
        ClientConfig client = TestClients.billing(URI.create("https://as.example/oauth2/token"))
                .clientSecret(Secret.of(HS_SECRET, "test")).clientAuth(ClientAuthMethod.CLIENT_SECRET_JWT)
                .signingAlgorithm(SigningAlgorithm.HS256).keyId("hs-1").build();

        Map<String, String> form = form(ClientAuthentication.forClient(client, nanos::get, listener));

        String jwt = form.get("client_assertion");
        assertThat(ClientAssertionTest.part(jwt, 0)).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"hs-1\"}");
        assertThat(form.toString()).doesNotContain(HS_SECRET);
        assertThat(form).containsEntry("client_id", "billing-service");
    }

    private static void replace(Path file, Path with) throws Exception {
        Files.move(with, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean verifies(PublicKey key, String jwt) throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        int dot = jwt.lastIndexOf('.');
        signature.update(jwt.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(java.util.Base64.getUrlDecoder().decode(jwt.substring(dot + 1)));
    }
}
