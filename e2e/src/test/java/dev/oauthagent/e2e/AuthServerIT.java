package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.Json;
import dev.oauthagent.e2e.support.Jwt;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test authorization server behaves like the real one the agent will meet: these pin what tests rely on. */
class AuthServerIT {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final String BASIC_SECRET = "basic-" + UUID.randomUUID();
    private static final String POST_SECRET = "post-" + UUID.randomUUID();

    private static AuthServer server;

    @BeforeAll
    static void startServer() {
        server = AuthServer.builder()
                .tokenTtl(TTL)
                .basicClientSecret(BASIC_SECRET)
                .postClientSecret(POST_SECRET)
                .audience("orders-api")
                .start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void basicClientGetsAnRs256JwtThatLivesTheConfiguredTtl() {
        HttpResponse<String> response = basicTokenRequest(BASIC_SECRET).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> body = Json.parseObject(response.body());
        assertThat(body.get("token_type")).isEqualTo("Bearer");
        // expires_in counts down from the moment of issue, so it may already be a second short.
        assertThat((Long) body.get("expires_in")).isBetween(TTL.getSeconds() - 1, TTL.getSeconds());
        Jwt jwt = Jwt.decode((String) body.get("access_token"));
        assertThat(jwt.header()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.longClaim("exp") - jwt.longClaim("iat")).isCloseTo(TTL.getSeconds(), within(1L));
        assertThat(jwt.stringClaim("iss")).isEqualTo(server.issuer().toString());
        assertThat(jwt.stringClaim("sub")).isEqualTo(AuthServer.BASIC_CLIENT_ID);
        assertThat(jwt.stringListClaim("aud")).containsExactly("orders-api");
    }

    @Test
    void accessTokenIsSignedByTheKeyTheJwksEndpointPublishes() throws Exception {
        Jwt jwt = Jwt.decode(accessToken(basicTokenRequest(BASIC_SECRET).send()));
        Map<String, Object> jwk = onlyKey(getJson(server.jwksUrl()));

        assertThat(jwk.get("kid")).isEqualTo(jwt.header().get("kid"));
        assertThat(jwt.isSignedBy(rsaPublicKey(jwk))).isTrue();
    }

    @Test
    void jwksPublishesOneRs256SigningKeyWithoutItsPrivateParts() throws Exception {
        Map<String, Object> jwk = onlyKey(getJson(server.jwksUrl()));

        assertThat(jwk).containsEntry("kty", "RSA").containsEntry("alg", "RS256").containsEntry("use", "sig")
                .containsKeys("n", "e", "kid")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void requestedScopesAreGrantedInTheResponseAndTheToken() {
        HttpResponse<String> response = basicTokenRequest(BASIC_SECRET).field("scope", "read write").send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parseObject(response.body()).get("scope")).isEqualTo("read write");
        assertThat(Jwt.decode(accessToken(response)).stringListClaim("scope")).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void unregisteredScopeIsRefusedWithInvalidScope() {
        HttpResponse<String> response = basicTokenRequest(BASIC_SECRET).field("scope", "read admin").send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parseObject(response.body()).get("error")).isEqualTo("invalid_scope");
    }

    @Test
    void postClientGetsATokenWithItsCredentialsInTheBody() {
        HttpResponse<String> response = postTokenRequest(AuthServer.POST_CLIENT_ID, POST_SECRET).send();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Jwt jwt = Jwt.decode(accessToken(response));
        assertThat(jwt.stringClaim("sub")).isEqualTo(AuthServer.POST_CLIENT_ID);
        assertThat(jwt.longClaim("exp") - jwt.longClaim("iat")).isCloseTo(TTL.getSeconds(), within(1L));
    }

    @Test
    void wrongSecretIsRefusedWith401InvalidClient() {
        assertInvalidClient(basicTokenRequest("not-" + BASIC_SECRET).send());
        assertInvalidClient(postTokenRequest(AuthServer.POST_CLIENT_ID, "not-" + POST_SECRET).send());
    }

    @Test
    void basicClientSendingItsCredentialsInTheBodyIsRefused() {
        assertInvalidClient(postTokenRequest(AuthServer.BASIC_CLIENT_ID, BASIC_SECRET).send());
    }

    @Test
    void postClientSendingItsCredentialsAsBasicIsRefused() {
        assertInvalidClient(FormPost.to(server.tokenUrl()).basicAuth(AuthServer.POST_CLIENT_ID, POST_SECRET)
                .field("grant_type", "client_credentials").send());
    }

    @Test
    void endpointsAreOnTheLoopbackPortTheReadyLineNamed() {
        assertThat(server.issuer().toString()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(server.tokenUrl().toString()).isEqualTo(server.issuer() + "/oauth2/token");
        assertThat(server.jwksUrl().toString()).isEqualTo(server.issuer() + "/oauth2/jwks");
        assertThat(server.process().stdout().lines().filter(line -> line.startsWith("AUTH_SERVER_READY")))
                .containsExactly("AUTH_SERVER_READY issuer=" + server.issuer());
    }

    @Test
    void serverOutputAndLogNeverContainTheClientSecrets() throws IOException {
        basicTokenRequest(BASIC_SECRET).send();
        basicTokenRequest("not-" + BASIC_SECRET).send();
        postTokenRequest(AuthServer.POST_CLIENT_ID, POST_SECRET).send();

        String output = server.process().stdout() + server.process().stderr()
                + Files.readString(server.process().logFile());
        assertThat(output).doesNotContain(BASIC_SECRET).doesNotContain(POST_SECRET);
    }

    private static FormPost basicTokenRequest(String secret) {
        return FormPost.to(server.tokenUrl()).basicAuth(AuthServer.BASIC_CLIENT_ID, secret)
                .field("grant_type", "client_credentials");
    }

    private static FormPost postTokenRequest(String clientId, String secret) {
        return FormPost.to(server.tokenUrl()).field("grant_type", "client_credentials")
                .field("client_id", clientId).field("client_secret", secret);
    }

    private static String accessToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) Json.parseObject(response.body()).get("access_token");
    }

    private static void assertInvalidClient(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(Json.parseObject(response.body()).get("error")).isEqualTo("invalid_client");
    }

    private static Map<String, Object> getJson(URI uri) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyKey(Map<String, Object> jwks) {
        List<Object> keys = (List<Object>) jwks.get("keys");
        assertThat(keys).hasSize(1);
        return (Map<String, Object>) keys.get(0);
    }

    private static RSAPublicKey rsaPublicKey(Map<String, Object> jwk) throws GeneralSecurityException {
        Base64.Decoder base64 = Base64.getUrlDecoder();
        RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, base64.decode((String) jwk.get("n"))),
                new BigInteger(1, base64.decode((String) jwk.get("e"))));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
    }
}
