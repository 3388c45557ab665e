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
}
