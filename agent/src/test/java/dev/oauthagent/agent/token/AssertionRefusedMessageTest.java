package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.PrivateKeyConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;
import dev.oauthagent.agent.token.auth.key.TestKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An invalid_client refusing a client assertion names what makes a well-formed assertion fail. */
class AssertionRefusedMessageTest {
    @TempDir
    Path dir;

    @Test
    void invalidClientForPrivateKeyJwtNamesTheKeyTheAudienceTheKidAndTheClock() throws Exception {
        AtomicReference<String> sent = new AtomicReference<>();
        try (FaultyTokenServer server = FaultyTokenServer.http(r -> {
            sent.set(r.body());
            return FaultyTokenServer.Reply.json(401, "{\"error\":\"invalid_client\"}");
        })) {
            ClientConfig client = TestClients.billing(server.tokenUrl()).clientSecret(null)
                    .clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT).signingAlgorithm(SigningAlgorithm.ES256)
                    .privateKey(new PrivateKeyConfig(TestKeys.pem(dir.resolve("ec.pem"),
                            TestKeys.ec("secp256r1").getPrivate()), null, null))
                    .keyId("billing-2030").build();

            TokenFetchException e = assertThrows(TokenFetchException.class,
                    () -> new TokenEndpointClient(client, Clock.systemUTC()).fetch());

            assertThat(e.getMessage()).contains("answered invalid_client (401): The server refused the "
                    + "private_key_jwt client assertion for client id 'billing-service'")
                    .contains("the key is not registered for this client")
                    .contains("(ES256 was used; see oauth.agent.clients.billing.client-auth and "
                            + "oauth.agent.clients.billing.signing-algorithm)")
                    .contains("the assertion's aud (the token endpoint's URL token endpoint " + server.tokenUrl())
                    .contains("the kid 'billing-2030' is unknown to the server")
                    .contains("this host's clock is off");
            assertThat(sent.get()).contains("client_assertion=");
            assertThat(e.getMessage()).doesNotContain(sent.get().replaceAll(".*client_assertion=", ""));
        }
    }

    @Test
    void invalidClientForClientSecretJwtNamesTheSecretsOrigin() throws Exception {
        try (FaultyTokenServer server = FaultyTokenServer.http(
                r -> FaultyTokenServer.Reply.json(401, "{\"error\":\"invalid_client\"}"))) {
            ClientConfig client = TestClients.billing(server.tokenUrl())
                    .clientSecret(Secret.of("a-client-secret-of-more-than-32-bytes", "env var BILLING_SECRET"))
                    .clientAuth(ClientAuthMethod.CLIENT_SECRET_JWT).signingAlgorithm(SigningAlgorithm.HS256).build();

            TokenFetchException e = assertThrows(TokenFetchException.class,
                    () -> new TokenEndpointClient(client, Clock.systemUTC()).fetch());

            assertThat(e.getMessage()).contains("client-secret is not this client's (it comes from env var "
                    + "BILLING_SECRET)").doesNotContain("kid").doesNotContain("a-client-secret-of-more");
        }
    }

    @Test
    void anExpiredFederatedAssertionIsNotSentAndTheFailureSaysItExpired() throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        try (FaultyTokenServer server = FaultyTokenServer.http(r -> {
            requests.incrementAndGet();
            return FaultyTokenServer.Reply.json(401, "{\"error\":\"invalid_client\"}");
        })) {
            Path token = dir.resolve("oidc-token");
            long exp = java.time.Instant.now().getEpochSecond() - 120;
            String jwt = "eyJhbGciOiJSUzI1NiJ9." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"exp\":" + exp + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".c2ln";
            java.nio.file.Files.writeString(token, jwt);
            ClientConfig client = TestClients.billing(server.tokenUrl()).clientSecret(null)
                    .clientAssertion(Secret.fromFile(jwt, token), "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    .build();

            TokenFetchException e = assertThrows(TokenFetchException.class,
                    () -> new TokenEndpointClient(client, Clock.systemUTC()).fetch());

            assertThat(e.kind()).isEqualTo(TokenFetchException.Kind.TRANSIENT);
            assertThat(e.getMessage()).startsWith("oauth-agent: client 'billing': the client assertion in file " + token
                    + " expired ").contains("so it was not sent").doesNotContain(jwt);
            assertThat(requests.get()).isZero();
        }
    }

    @Test
    void anInvalidClientAfterTheKeyFileWasReplacedIsAskedAgainOnceSignedWithTheNewKey() throws Exception {
        java.security.KeyPair oldKey = TestKeys.rsa();
        java.security.KeyPair newKey = TestKeys.rsa();
        Path key = TestKeys.pem(dir.resolve("key.pem"), oldKey.getPrivate());
        java.util.List<String> assertions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FaultyTokenServer server = FaultyTokenServer.http(r -> {
            assertions.add(r.form("client_assertion").get(0));
            return assertions.size() == 1 ? FaultyTokenServer.Reply.json(401, "{\"error\":\"invalid_client\"}")
                    : FaultyTokenServer.Reply.json(200, "{\"access_token\":\"" + TokenEndpointClientTest.TOKEN
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        })) {
            ClientConfig client = TestClients.billing(server.tokenUrl()).clientSecret(null)
                    .clientAuth(ClientAuthMethod.PRIVATE_KEY_JWT).signingAlgorithm(SigningAlgorithm.RS256)
                    .privateKey(new PrivateKeyConfig(key, null, null)).build();
            // A ticker that never moves: only the refusal, never the 5-second look, reads the key file again.
            TokenEndpointClient endpoint = new TokenEndpointClient(client, Clock.systemUTC(),
                    dev.oauthagent.agent.token.auth.ClientAuthentication.forClient(client, () -> 0L,
                            dev.oauthagent.agent.token.auth.SecretListener.NONE));
            java.nio.file.Files.move(TestKeys.pem(dir.resolve("new.pem"), newKey.getPrivate()), key,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertThat(endpoint.fetch().value()).isEqualTo(TokenEndpointClientTest.TOKEN);

            assertThat(assertions).hasSize(2);
            assertThat(signedBy(oldKey.getPublic(), assertions.get(0))).as("first request, key of the last check").isTrue();
            assertThat(signedBy(newKey.getPublic(), assertions.get(1))).isTrue();
        }
    }

    private static boolean signedBy(java.security.PublicKey key, String jwt) throws Exception {
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        int dot = jwt.lastIndexOf('.');
        signature.update(jwt.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return signature.verify(java.util.Base64.getUrlDecoder().decode(jwt.substring(dot + 1)));
    }
}
