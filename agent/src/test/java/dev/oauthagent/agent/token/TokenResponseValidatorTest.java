package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenResponseValidatorTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2lnbmF0dXJl";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final ClientConfig client = TestClients.billing(URI.create("https://as.example/oauth2/token"))
            .scopes(List.of("orders:read", "orders:write"))
            .defaultExpiresIn(Duration.ofSeconds(300))
            .build();
    private final TokenResponseValidator validator = new TokenResponseValidator(client, NOW);

    private static TokenHttpResponse json(int status, String body) {
        return new TokenHttpResponse(status, "application/json", null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String ok(String extra) {
        return "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"" + extra + "}";
    }

    private TokenFetchException refused(TokenHttpResponse response) {
        TokenFetchException e = catchThrowableOfType(TokenFetchException.class, () -> validator.validate(response));
        assertThat(e).as("validation should fail").isNotNull();
        assertThat(e.getMessage()).startsWith("oauth-agent: client 'billing': ")
                .doesNotContain(TOKEN).doesNotContain(TestClients.SECRET);
        return e;
    }

    @Test
    void acceptsABearerTokenWithLifetimeAndGrantedScopes() throws Exception {
        AccessToken token = validator.validate(json(200, ok(",\"expires_in\":3600,\"scope\":\"orders:read orders:write\"")));

        assertThat(token.value()).isEqualTo(TOKEN);
        assertThat(token.lifetimeSeconds()).isEqualTo(3600);
        assertThat(token.grantedScopes()).containsExactly("orders:read", "orders:write");
    }

    @Test
    void theValidatedTokenCarriesTheRefreshTokenAndIdTokenButItsToStringShowsNeither() throws Exception {
        String refresh = "refresh-Qm3Vx8Tz5Kp2Ln7Wd4";
        String idToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpZCJ9.aWQtc2lnbmF0dXJl";

        AccessToken token = validator.validate(json(200, ok(",\"expires_in\":60,\"refresh_token\":\"" + refresh
                + "\",\"id_token\":\"" + idToken + "\"")));

        assertThat(token.refreshToken()).isEqualTo(refresh);
        assertThat(token.idToken()).isEqualTo(idToken);
        assertThat(token.toString()).isEqualTo("AccessToken{fingerprint=" + token.fingerprint() + ", lifetime=60s}")
                .doesNotContain(refresh.substring(0, 8)).doesNotContain(idToken.substring(0, 8));
    }

    @Test
    void aTokenWithoutRefreshTokenOrIdTokenCarriesNulls() throws Exception {
        AccessToken token = validator.validate(json(200, ok(",\"expires_in\":60")));

        assertThat(token.refreshToken()).isNull();
        assertThat(token.idToken()).isNull();
    }

    @Test
    void acceptsTokenTypeBearerInAnyCase() throws Exception {
        AccessToken token = validator.validate(json(200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bEaReR\",\"expires_in\":60}"));

        assertThat(token.tokenType()).isEqualTo("bEaReR");
    }

    @Test
    void missingScopeMeansGrantedScopesUnknown() throws Exception {
        assertThat(validator.validate(json(200, ok(",\"expires_in\":60"))).grantedScopes()).isNull();
    }

    @Test
    void missingExpiresInUsesTheConfiguredDefaultAndWarnsOncePerClient() throws Exception {
        try (StderrCapture err = StderrCapture.start()) {
            long first = validator.validate(json(200, ok(""))).lifetimeSeconds();
            long second = validator.validate(json(200, ok(""))).lifetimeSeconds();

            assertThat(first).isEqualTo(300);
            assertThat(second).isEqualTo(300);
            assertThat(err.text().split("returned no expires_in", -1)).hasSize(2);
            assertThat(err.text()).contains("oauth.agent.clients.billing.default-expires-in").doesNotContain(TOKEN);
        }
    }

    @Test
    void aTokenSaysWhetherTheServerStatedItsLifetime() throws Exception {
        try (StderrCapture err = StderrCapture.start()) {
            assertThat(validator.validate(json(200, ok(",\"expires_in\":60"))).lifetimeStated()).isTrue();
            assertThat(validator.validate(json(200, ok(""))).lifetimeStated()).isFalse();
        }
    }

    @Test
    void expiresInAboveOneYearIsClampedWithAWarning() throws Exception {
        try (StderrCapture err = StderrCapture.start()) {
            AccessToken token = validator.validate(json(200, ok(",\"expires_in\":1000000000000")));

            assertThat(token.lifetimeSeconds()).isEqualTo(365L * 24 * 3600);
            assertThat(err.text()).contains("expires_in 1000000000000 s, more than one year; using 31536000 s");
        }
    }

    @Test
    void expiresInZeroNegativeOrFractionalIsRefusedAsTransient() {
        for (String bad : new String[] {"0", "-60", "3600.5"}) {
            TokenFetchException e = refused(json(200, ok(",\"expires_in\":" + bad)));

            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(e.getMessage()).contains("returned expires_in " + bad + ";")
                    .contains("positive whole number of seconds");
        }
    }

    @Test
    void expiresInAsWholeDecimalIsAccepted() throws Exception {
        assertThat(validator.validate(json(200, ok(",\"expires_in\":3600.0"))).lifetimeSeconds()).isEqualTo(3600);
    }

    @Test
    void expiresInAsStringIsRefusedAsMalformed() {
        TokenFetchException e = refused(json(200, ok(",\"expires_in\":\"3600\"")));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("malformed token response (HTTP 200, Content-Type application/json): "
                + "the field 'expires_in' is a JSON string");
    }

    @Test
    void tokenTypeMacIsRefusedWithTheBearerOnlyMessage() {
        TokenFetchException e = refused(json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"mac\"}"));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("returned token_type 'mac'; oauth-agent supports Bearer tokens only");
    }

    @Test
    void tokenTypeDpopAndMissingTokenTypeAreRefused() {
        assertThat(refused(json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"DPoP\"}")).getMessage())
                .contains("token_type 'DPoP'");
        assertThat(refused(json(200, "{\"access_token\":\"" + TOKEN + "\"}")).getMessage())
                .contains("returned no token_type; oauth-agent supports Bearer tokens only");
    }

    @Test
    void missingOrEmptyAccessTokenIsTransient() {
        assertThat(refused(json(200, "{\"token_type\":\"Bearer\"}")).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(refused(json(200, "{\"access_token\":\"\",\"token_type\":\"Bearer\"}")).getMessage())
                .contains("without an access_token");
    }

    @Test
    void accessTokenWithLineBreakOrSpaceIsRefused() {
        TokenFetchException crlf = refused(json(200,
                "{\"access_token\":\"" + TOKEN + "\\r\\nX-Evil: 1\",\"token_type\":\"Bearer\"}"));
        TokenFetchException space = refused(json(200,
                "{\"access_token\":\"" + TOKEN + " x\",\"token_type\":\"Bearer\"}"));

        assertThat(crlf.getMessage()).contains("not valid in a Bearer header (RFC 6750 §2.1): it contains a line break");
        assertThat(space.getMessage()).contains("it contains whitespace");
    }

    @Test
    void htmlPageIsNamedAsSuch() {
        TokenFetchException e = refused(new TokenHttpResponse(200, "text/html; charset=utf-8", null,
                "<!doctype html><html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8)));

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("returned an HTML page instead of a JSON token response")
                .contains("oauth.agent.clients.billing.token-url");
    }

    @Test
    void jsonArrayIsMalformed() {
        assertThat(refused(json(200, "[\"" + TOKEN + "\"]")).getMessage())
                .contains("the body is a JSON array, not a JSON object");
    }

    @Test
    void invalidClientIsTerminalAndPointsToTheSecretsOrigin() {
        TokenFetchException e = refused(json(401, "{\"error\":\"invalid_client\"}"));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.errorCode()).isEqualTo("invalid_client");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("oauth-agent: client 'billing': token endpoint "
                + "https://as.example/oauth2/token answered invalid_client (401): Check client-id and client-secret;"
                + " the secret comes from env var BILLING_SECRET. It was sent as client_secret_basic; if the server"
                + " expects client_secret_post, set oauth.agent.clients.billing.client-auth.");
    }

    @Test
    void errorDescriptionThatEchoesTheSecretIsShownWithTheSecretRemoved() {
        TokenFetchException e = refused(json(400, "{\"error\":\"invalid_client\",\"error_description\":"
                + "\"bad secret '" + TestClients.SECRET + "'\\r\\nfor client\"}"));

        assertThat(e.getMessage()).contains("Server said: \"bad secret '****'??for client\".");
    }

    @Test
    void invalidScopeListsTheRequestedScopes() {
        TokenFetchException e = refused(json(400, "{\"error\":\"invalid_scope\"}"));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("refused the requested scopes [orders:read, orders:write]")
                .contains("oauth.agent.clients.billing.scopes");
    }

    @Test
    void everyTerminalErrorCodeIsTerminal() {
        for (String code : new String[] {"invalid_client", "unauthorized_client", "invalid_scope",
                "unsupported_grant_type", "invalid_grant", "invalid_request"}) {
            assertThat(refused(json(400, "{\"error\":\"" + code + "\"}")).kind()).as(code).isEqualTo(Kind.TERMINAL);
        }
    }

    @Test
    void unknownErrorCodeAndServerErrorsAreTransient() {
        assertThat(refused(json(503, "{\"error\":\"temporarily_unavailable\"}")).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(refused(json(500, "")).kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(refused(json(408, "")).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void springNotFoundJsonIsTerminalAndPointsAtTheTokenUrlNotAtAnOAuthCode() {
        // Spring Boot's error body for an unknown path: its "error" is an HTTP reason, not an RFC 6749 code
        TokenFetchException e = refused(json(404, "{\"timestamp\":\"2026-01-01T00:00:00.000+00:00\",\"status\":404,"
                + "\"error\":\"Not Found\",\"path\":\"/oauth/token\"}"));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.errorCode()).isNull();
        assertThat(e.getMessage()).contains("token endpoint https://as.example/oauth2/token answered HTTP 404")
                .contains("is not the token endpoint").contains("check oauth.agent.clients.billing.token-url")
                .doesNotContain("Not Found (404)").doesNotContain("will retry");
    }

    @Test
    void status404Or405IsTerminalWhateverTheBody() {
        List<TokenHttpResponse> answers = List.of(json(404, ""), json(405, ""),
                new TokenHttpResponse(404, "text/html", null, "<html>no</html>".getBytes(StandardCharsets.UTF_8)),
                json(405, "{\"error\":\"Method Not Allowed\"}"), json(404, "{\"error\":\"invalid_request\"}"));
        for (TokenHttpResponse answer : answers) {
            TokenFetchException e = refused(answer);
            assertThat(e.kind()).as(answer.toString()).isEqualTo(Kind.TERMINAL);
            assertThat(e.httpStatus()).isEqualTo(answer.status());
            assertThat(e.getMessage()).as(answer.toString()).contains("check oauth.agent.clients.billing.token-url");
        }
    }

    @Test
    void errorInsideAHttp200ResponseIsStillAnError() {
        assertThat(refused(json(200, "{\"error\":\"invalid_client\"}")).errorCode()).isEqualTo("invalid_client");
    }

    @Test
    void status401WithoutErrorCodeIsTreatedLikeInvalidClient() {
        TokenFetchException e = refused(new TokenHttpResponse(401, null, null, new byte[0]));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("answered HTTP 401: Check client-id and client-secret");
    }

    @Test
    void retryAfterIsReadFor429And503Only() {
        TokenHttpResponse tooMany = new TokenHttpResponse(429, null, "30", new byte[0]);
        TokenHttpResponse unavailable = new TokenHttpResponse(503, null, "Thu, 01 Jan 2026 00:02:00 GMT", new byte[0]);
        TokenHttpResponse internal = new TokenHttpResponse(500, null, "30", new byte[0]);

        assertThat(refused(tooMany).retryAfterSeconds()).isEqualTo(30);
        assertThat(refused(tooMany).getMessage()).contains("The server asks to retry after 30 s.");
        assertThat(refused(unavailable).retryAfterSeconds()).isEqualTo(120);
        assertThat(refused(internal).retryAfterSeconds()).isEqualTo(-1);
    }

    @Test
    void narrowerGrantedScopeWarnsOnceNamingTheMissingScopes() throws Exception {
        try (StderrCapture err = StderrCapture.start()) {
            validator.validate(json(200, ok(",\"expires_in\":60,\"scope\":\"orders:read\"")));
            validator.validate(json(200, ok(",\"expires_in\":60,\"scope\":\"orders:read\"")));

            assertThat(err.text().split("without the requested orders:write", -1)).hasSize(2);
        }
    }
}
