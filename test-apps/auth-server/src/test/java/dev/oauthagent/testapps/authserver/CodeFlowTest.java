package dev.oauthagent.testapps.authserver;

import static dev.oauthagent.testapps.authserver.TokenEndpoint.encode;
import static dev.oauthagent.testapps.authserver.TokenEndpoint.fields;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.testapps.authserver.Browser.Page;
import dev.oauthagent.testapps.authserver.TokenEndpoint.Answer;
import dev.oauthagent.testapps.authserver.TokenEndpoint.Pkce;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow with PKCE, played through HTTP as the test user would in a browser, and what the
 * server answers to the mistakes a client can make in the authorization URL.
 */
class CodeFlowTest {
    private static final String USER_PASSWORD = AuthServerOptions.DEFAULT_USER_PASSWORD;
    private static final String CODE_SECRET = AuthServerOptions.DEFAULT_CODE_CLIENT_SECRET;
    private static final String CALLBACK = "http://127.0.0.1:53111/callback";

    private static InProcessServer server;

    @BeforeAll
    static void startServer() {
        server = InProcessServer.shared();
    }

    @Test
    void publicClientRedeemsTheCodeWithItsVerifierAndGetsAccessAndRefreshTokens() {
        Pkce pkce = Pkce.create();
        Map<String, String> callback = approvedCallback(RegisteredClients.PKCE_CLIENT_ID, CALLBACK, pkce, "st-1");

        assertThat(callback).containsEntry("state", "st-1").containsKey("code");
        Answer tokens = redeem(RegisteredClients.PKCE_CLIENT_ID, null, callback.get("code"), CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json()).containsKeys("access_token", "refresh_token").containsEntry("token_type", "Bearer")
                .containsEntry("scope", "read write");
    }

    @Test
    void confidentialClientRedeemsTheCodeWithItsSecretAndVerifier() {
        Pkce pkce = Pkce.create();
        Map<String, String> callback = approvedCallback(RegisteredClients.CODE_CLIENT_ID, CALLBACK, pkce, "st-2");

        Answer tokens = redeem(RegisteredClients.CODE_CLIENT_ID, CODE_SECRET, callback.get("code"), CALLBACK,
                pkce.verifier());
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json()).containsKeys("access_token", "refresh_token");
    }

    @Test
    void codeRedeemedWithAnotherVerifierIsInvalidGrantAndTheCodeIsSpent() {
        Pkce pkce = Pkce.create();
        Map<String, String> callback = approvedCallback(RegisteredClients.CODE_CLIENT_ID, CALLBACK, pkce, "st-3");

        Answer wrong = redeem(RegisteredClients.CODE_CLIENT_ID, CODE_SECRET, callback.get("code"), CALLBACK,
                Pkce.create().verifier());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.field("error")).isEqualTo("invalid_grant");
    }

    @Test
    void publicClientRedeemingTheCodeWithoutAVerifierGetsNoToken() {
        Pkce pkce = Pkce.create();
        Map<String, String> callback = approvedCallback(RegisteredClients.PKCE_CLIENT_ID, CALLBACK, pkce, "st-9");

        Answer answer = TokenEndpoint.post(server.endpoint("/oauth2/token"), null, fields("grant_type",
                "authorization_code", "code", callback.get("code"), "redirect_uri", CALLBACK,
                "client_id", RegisteredClients.PKCE_CLIENT_ID));

        // Spring finds no client authentication at all here: a bare 401, no JSON body.
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json()).isEmpty();
    }

    @Test
    void refreshTokensRotateAndASpentOneIsInvalidGrant() {
        Pkce pkce = Pkce.create();
        Map<String, String> callback = approvedCallback(RegisteredClients.PKCE_CLIENT_ID, CALLBACK, pkce, "st-4");
        String first = redeem(RegisteredClients.PKCE_CLIENT_ID, null, callback.get("code"), CALLBACK, pkce.verifier())
                .field("refresh_token");

        Answer refreshed = refresh(RegisteredClients.PKCE_CLIENT_ID, first);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String second = refreshed.field("refresh_token");
        assertThat(second).isNotNull().isNotEqualTo(first);

        Answer reused = refresh(RegisteredClients.PKCE_CLIENT_ID, first);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.field("error")).isEqualTo("invalid_grant");
        // Spring does not revoke the whole grant on reuse: the newest refresh token still works.
        assertThat(refresh(RegisteredClients.PKCE_CLIENT_ID, second).status()).isEqualTo(200);
    }

    @Test
    void publicClientRevokesItsRefreshTokenWithItsClientIdAlone() {
        Pkce pkce = Pkce.create();
        Map<String, String> callback = approvedCallback(RegisteredClients.PKCE_CLIENT_ID, CALLBACK, pkce, "st-5");
        String refreshToken = redeem(RegisteredClients.PKCE_CLIENT_ID, null, callback.get("code"), CALLBACK,
                pkce.verifier()).field("refresh_token");

        Answer revoked = TokenEndpoint.post(server.endpoint("/oauth2/revoke"), null, fields(
                "token", refreshToken, "token_type_hint", "refresh_token", "client_id", RegisteredClients.PKCE_CLIENT_ID));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(refresh(RegisteredClients.PKCE_CLIENT_ID, refreshToken).field("error")).isEqualTo("invalid_grant");
    }

    @Test
    void confidentialClientCannotRefreshWithItsClientIdAlone() {
        Answer answer = TokenEndpoint.post(server.endpoint("/oauth2/token"), null, fields("grant_type", "refresh_token",
                "refresh_token", "anything", "client_id", RegisteredClients.CODE_CLIENT_ID));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.field("error")).isEqualTo("invalid_client");
    }

    @Test
    void userWhoCancelsTheConsentIsSentBackWithAccessDeniedAndTheState() {
        Browser browser = new Browser();
        Page consent = signedIn(browser, authorizationUrl(RegisteredClients.PKCE_CLIENT_ID, CALLBACK, Pkce.create(), "st-6"));

        Page back = browser.consent(consent, false);

        assertThat(query(back.location())).containsEntry("error", "access_denied").containsEntry("state", "st-6")
                .doesNotContainKey("code");
    }

    @Test
    void anyLoopbackPortIsAcceptedForTheRegisteredRedirectUriAndTheSchemeInAnyCase() {
        for (String redirect : new String[] {"http://127.0.0.1:1/callback", "http://127.0.0.1:65535/callback",
                "http://127.0.0.1/callback", "HTTP://127.0.0.1:53111/callback"}) {
            Page page = new Browser().get(authorizationUrl(RegisteredClients.PKCE_CLIENT_ID, redirect, Pkce.create(), "s"));
            assertThat(page.location()).as(redirect).isEqualTo(server.endpoint("/login"));
        }
    }

    /**
     * Apart from the port (and the scheme's case), nothing may differ: a redirect URI differing in the path's case,
     * by a trailing slash, or by host name (localhost) is a bare 400 on the authorization endpoint. No redirect, and Spring Boot's error page
     * carries no OAuth error code or description ({@code "error":"Bad Request"} in JSON, a whitelabel page in HTML).
     */
    @Test
    void redirectUriDifferingInCaseSlashOrHostIsAPlain400WithoutOAuthError() {
        for (String redirect : new String[] {"http://127.0.0.1:53111/Callback", "http://127.0.0.1:53111/callback/",
                "http://localhost:53111/callback", "http://127.0.0.2:53111/callback"}) {
            Page page = new Browser().get(authorizationUrl(RegisteredClients.PKCE_CLIENT_ID, redirect, Pkce.create(), "s"));
            assertThat(page.status()).as(redirect).isEqualTo(400);
            assertThat(page.location()).as(redirect).isNull();
            assertThat(page.body()).as(redirect).contains("Bad Request").doesNotContain("invalid_request")
                    .doesNotContain("redirect_uri");
        }
    }

    @Test
    void unauthenticatedRequestIsValidatedBeforeTheLoginRedirect() {
        Browser browser = new Browser();
        URI unknownClient = authorizationUrl("no-such-client", CALLBACK, Pkce.create(), "s");
        URI noChallenge = URI.create(server.endpoint("/oauth2/authorize") + "?response_type=code&client_id="
                + RegisteredClients.PKCE_CLIENT_ID + "&redirect_uri=" + encode(CALLBACK) + "&scope=read&state=s7");
        URI unknownScope = URI.create(authorizationUrl(RegisteredClients.PKCE_CLIENT_ID, CALLBACK, Pkce.create(), "s8")
                .toString().replace("scope=read+write", "scope=admin"));

        assertThat(browser.get(unknownClient).status()).isEqualTo(400);
        Page missingPkce = browser.get(noChallenge);
        assertThat(missingPkce.location().toString()).startsWith(CALLBACK + "?");
        assertThat(query(missingPkce.location())).containsEntry("error", "invalid_request").containsEntry("state", "s7")
                .containsKey("error_description");
        assertThat(query(browser.get(unknownScope).location())).containsEntry("error", "invalid_scope");
    }

    /** A program checking its authorization URL before opening a browser sends no browser headers. */
    @Test
    void preflightAsAJsonClientGetsTheSameAnswersAsABrowser() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        URI good = authorizationUrl(RegisteredClients.PKCE_CLIENT_ID, CALLBACK, Pkce.create(), "p");
        URI wrongCase = authorizationUrl(RegisteredClients.PKCE_CLIENT_ID, CALLBACK.replace("/callback", "/Callback"),
                Pkce.create(), "p");

        HttpResponse<String> accepted = client.send(jsonGet(good), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = client.send(jsonGet(wrongCase), HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location")).contains(server.endpoint("/login").toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("\"status\":400", "\"error\":\"Bad Request\"", "\"path\":\"/oauth2/authorize\"")
                .doesNotContain("redirect_uri");
    }

    private static HttpRequest jsonGet(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", "application/json").build();
    }

    @Test
    void consentIsAskedAgainOnTheNextAuthorizationOfTheSameSession() {
        Browser browser = new Browser();
        Page consent = signedIn(browser, authorizationUrl(RegisteredClients.CODE_CLIENT_ID, CALLBACK, Pkce.create(), "a"));
        assertThat(query(browser.consent(consent, true).location())).containsEntry("state", "a").containsKey("code");

        Page again = browser.follow(browser.get(authorizationUrl(RegisteredClients.CODE_CLIENT_ID, CALLBACK,
                Pkce.create(), "b")));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("Consent required");
        assertThat(query(browser.consent(again, true).location())).containsEntry("state", "b").containsKey("code");
    }

    private static Map<String, String> approvedCallback(String clientId, String redirect, Pkce pkce, String state) {
        Browser browser = new Browser();
        Page consent = signedIn(browser, authorizationUrl(clientId, redirect, pkce, state));
        assertThat(consent.body()).as("status %d", consent.status()).contains("Consent required");
        Page back = browser.consent(consent, true);
        assertThat(back.location().toString()).startsWith(redirect + "?");
        return query(back.location());
    }

    private static Page signedIn(Browser browser, URI authorizationUrl) {
        Page login = browser.follow(browser.get(authorizationUrl));
        assertThat(login.uri().getPath()).isEqualTo("/login");
        return browser.logIn(login, "user", USER_PASSWORD);
    }

    private static URI authorizationUrl(String clientId, String redirect, Pkce pkce, String state) {
        return URI.create(server.endpoint("/oauth2/authorize") + "?response_type=code&client_id=" + encode(clientId)
                + "&redirect_uri=" + encode(redirect) + "&scope=" + encode("read write") + "&state=" + encode(state)
                + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
    }

    private static Answer redeem(String clientId, String secret, String code, String redirect, String verifier) {
        Map<String, String> fields = fields("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect, "code_verifier", verifier);
        if (secret == null) {
            fields.put("client_id", clientId);
        }
        return TokenEndpoint.post(server.endpoint("/oauth2/token"), secret == null ? null : clientId + ":" + secret,
                fields);
    }

    private static Answer refresh(String publicClientId, String refreshToken) {
        return TokenEndpoint.post(server.endpoint("/oauth2/token"), null,
                fields("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", publicClientId));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> java.net.URLDecoder.decode(pair.length > 1 ? pair[1] : "", java.nio.charset.StandardCharsets.UTF_8)));
    }
}
