package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.Http;
import dev.oauthagent.e2e.support.Json;
import dev.oauthagent.e2e.support.Jwt;
import dev.oauthagent.e2e.support.ResourceServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resource server accepts the auth server's tokens only: real signature, unexpired, right audience. */
class ResourceServerIT {
    /**
     * Of the short client's tokens only, which one test watches expire; the others use the basic client's
     * (5 minutes), so no test depends on how soon after its token request a loaded machine sends the request.
     */
    private static final Duration SHORT_TTL = Duration.ofSeconds(3);
    /** Half of Spring's default clock skew (60 s): a refusal within it shows the resource server allows none. */
    private static final Duration EXPIRY_DEADLINE = Duration.ofSeconds(30);

    private static AuthServer authServer;
    private static ResourceServer api;

    @BeforeAll
    static void startServers() {
        authServer = AuthServer.builder().shortTokenTtl(SHORT_TTL).start();
        api = ResourceServer.start(authServer);
    }

    @AfterAll
    static void stopServers() {
        if (api != null) {
            api.close();
        }
        if (authServer != null) {
            authServer.close();
        }
    }

    @Test
    void readyLineNamesTheLoopbackUrlTheApiAnswersOn() {
        assertThat(api.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(api.process().stdout().lines().filter(line -> line.startsWith("RESOURCE_SERVER_READY")))
                .containsExactly("RESOURCE_SERVER_READY url=" + api.url());
    }

    @Test
    void helloAnswersTheSubjectAndScopesOfAFreshToken() {
        Http.Response response = Http.get(api.helloUrl(), bearer(token("read write")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = Json.parseObject(response.body());
        assertThat(body.get("sub")).isEqualTo(AuthServer.BASIC_CLIENT_ID);
        assertThat(body.get("scope")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void echoAnswersTheLengthOfThePostedBody() {
        Http.Response response = Http.post(api.echoUrl(), bearer(token("read")), "x".repeat(1234));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(Json.parseObject(response.body()).get("length")).isEqualTo(1234L);
    }

    @Test
    void requestWithoutATokenGets401AskingForABearerToken() {
        Http.Response response = Http.get(api.helloUrl(), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void garbageTokenGets401InvalidToken() {
        assertInvalidToken(Http.get(api.helloUrl(), "Bearer not-a-jwt"));
    }

    @Test
    void tokenSignedByAnotherKeyWithTheSameKidIsRefused() throws GeneralSecurityException {
        String real = token("read");
        String signingInput = real.substring(0, real.lastIndexOf('.'));

        assertInvalidToken(Http.get(api.helloUrl(), bearer(signingInput + "." + signWithFreshKey(signingInput))));
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String payload = token("read").split("\\.")[1];
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertInvalidToken(Http.get(api.helloUrl(), bearer(header + "." + payload + ".")));
    }

    @Test
    void tokenIsAcceptedUntilItExpiresThenRefused() {
        String token = shortLivedToken();
        long exp = Jwt.decode(token).longClaim("exp");
        assertThat(Http.get(api.helloUrl(), bearer(token)).status()).isEqualTo(200);

        // Within EXPIRY_DEADLINE, well before the minute a default clock skew would add; how much sooner depends
        // on how fast the machine polls, so that is not asserted.
        Http.Response refused = pollUntilRefused(token);

        assertInvalidToken(refused);
        // Not before exp (whole seconds): however late a loaded machine saw the refusal, it cannot see it early.
        assertThat(System.currentTimeMillis() / 1000).isGreaterThanOrEqualTo(exp - 1);
    }

    @Test
    void tokenForAnotherAudienceIsRefusedByAnApiExpectingItsOwn() {
        try (ResourceServer billing = ResourceServer.start(authServer.issuer(), "billing-api")) {
            String token = token("read");

            assertInvalidToken(Http.get(billing.helloUrl(), bearer(token)));
            assertThat(Http.get(api.helloUrl(), bearer(token)).status()).isEqualTo(200);
        }
    }

    @Test
    void tokenFromAnotherIssuerIsRefusedEvenWhenItsSignatureChecksOut() {
        // Same JWKS (the path is dropped when resolving /oauth2/jwks), so only the issuer check can refuse it.
        URI otherIssuer = URI.create(authServer.issuer() + "/tenant-b");
        try (ResourceServer tenantB = ResourceServer.start(otherIssuer, authServer.audience())) {
            String token = token("read");

            assertInvalidToken(Http.get(tenantB.helloUrl(), bearer(token)));
            assertThat(Http.get(api.helloUrl(), bearer(token)).status()).isEqualTo(200);
        }
    }

    @Test
    void statsCountAcceptedAndRejectedApiRequestsAndTheDifferentTokensAccepted() {
        long accepted = api.accepted();
        long rejected = api.rejected();
        long tokens = api.acceptedTokens();
        String token = token("read");

        Http.get(api.helloUrl(), bearer(token));
        Http.post(api.echoUrl(), bearer(token), "again");
        Http.get(api.helloUrl(), null);
        Http.get(api.helloUrl(), "Bearer garbage");

        assertThat(api.accepted()).isEqualTo(accepted + 2);
        assertThat(api.rejected()).isEqualTo(rejected + 2);
        assertThat(api.acceptedTokens()).as("one token, accepted twice").isEqualTo(tokens + 1);
    }

    @Test
    void serverOutputNeverContainsTheTokensItChecked() {
        String accepted = token("read");
        String real = token("read");
        String tampered = real.substring(0, real.lastIndexOf('.') + 1) + "AAAA";
        Http.get(api.helloUrl(), bearer(accepted));
        Http.get(api.helloUrl(), bearer(tampered));

        String output = api.process().stdout() + api.process().stderr();
        assertThat(output).doesNotContain(accepted).doesNotContain(real.substring(0, real.lastIndexOf('.')));
    }

    private static Http.Response pollUntilRefused(String token) {
        long deadline = System.nanoTime() + EXPIRY_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response response = Http.get(api.helloUrl(), bearer(token));
            if (response.status() != 200) {
                return response;
            }
            pause();
        }
        throw new AssertionError("a token with a " + SHORT_TTL + " lifetime was still accepted after "
                + EXPIRY_DEADLINE);
    }

    /** Between polls only: the condition is checked again, never assumed after the pause. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void assertInvalidToken(Http.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("error=\"invalid_token\"");
    }

    private static String token(String scope) {
        return token(authServer.basicClientId(), authServer.basicClientSecret(), scope);
    }

    private static String shortLivedToken() {
        return token(authServer.shortClientId(), authServer.shortClientSecret(), "read");
    }

    private static String token(String clientId, String secret, String scope) {
        HttpResponse<String> response = FormPost.to(authServer.tokenUrl()).basicAuth(clientId, secret)
                .field("grant_type", "client_credentials").field("scope", scope).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) Json.parseObject(response.body()).get("access_token");
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String signWithFreshKey(String signingInput) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey key = generator.generateKeyPair().getPrivate();
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
