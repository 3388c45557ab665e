package dev.oauthagent.agent.token.code;

import static dev.oauthagent.agent.token.store.StoreFixture.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenRequest;
import dev.oauthagent.agent.token.code.FakeAuthorizationServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The code flow against a real loopback listener and a local authorization server, with a test browser that
 * follows the server's redirect as a person's browser would.
 */
class AuthorizationCodeFlowTest {
    private static final String EPHEMERAL = "http://127.0.0.1:0/callback";

    private FakeAuthorizationServer as;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws Exception {
        as = new FakeAuthorizationServer();
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private ClientConfig confidential() {
        return TestClients.billing(as.tokenUrl()).scopes(List.of("orders:read", "offline_access")).build();
    }

    private AuthorizationCodeFlow.Builder flow(ClientConfig client, String redirectUri, TestBrowser browser) {
        return AuthorizationCodeFlow.builder(client, as.authorizationUrl(), redirectUri, new TokenEndpointClient(client))
                .browser(browser).out(out).timeout(Duration.ofSeconds(20));
    }

    private String output() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    /** The browser's authorization request: the second one, after the preflight's. */
    private Map<String, String> browserAuthorizeRequest() {
        assertThat(as.authorizeRequests()).hasSize(2);
        return as.authorizeRequests().get(1);
    }

    private void assertNothingSecretIn(String... texts) {
        List<String> secrets = new ArrayList<>(as.codes());
        secrets.add(FakeAuthorizationServer.ACCESS_TOKEN);
        secrets.add(FakeAuthorizationServer.REFRESH_TOKEN);
        secrets.add(TestClients.SECRET);
        for (Map<String, String> r : as.tokenRequests()) {
            secrets.add(r.get("code_verifier"));
        }
        for (String text : texts) {
            assertNoSecret(text, secrets.toArray(new String[0]));
        }
    }

    @Test
    void confidentialClientLogsInAndGetsTheAccessTokenWithItsRefreshToken() throws Exception {
        TestBrowser browser = TestBrowser.following();

        AccessToken token = flow(confidential(), EPHEMERAL, browser).build().login();

        assertThat(token.value()).isEqualTo(FakeAuthorizationServer.ACCESS_TOKEN);
        assertThat(token.refreshToken()).isEqualTo(FakeAuthorizationServer.REFRESH_TOKEN);
        Map<String, String> authorize = browserAuthorizeRequest();
        assertThat(authorize).containsEntry("response_type", "code").containsEntry("client_id", "billing-service")
                .containsEntry("scope", "orders:read offline_access").containsEntry("code_challenge_method", "S256");
        assertThat(authorize.get("state")).hasSizeGreaterThanOrEqualTo(22);
        Map<String, String> redeem = as.tokenRequests().get(0);
        assertThat(redeem).containsEntry("grant_type", "authorization_code")
                .containsEntry("code", as.codes().get(1)).doesNotContainKey("client_secret");
        assertThat(FakeAuthorizationServer.challengeOf(redeem.get("code_verifier")))
                .isEqualTo(authorize.get("code_challenge"));
        assertThat(as.tokenAuthorizations().get(0)).startsWith("Basic ");
        HttpResponse<String> page = browser.lastPage();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Login worked").contains("You can close this window");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(output()).contains("open this address in a browser on this machine")
                .contains(browser.opened.get(0).toString());
        assertNothingSecretIn(output(), page.body(), token.toString());
    }

    @Test
    void publicClientSendsNoSecretAndProvesTheCodeIsItsOwnWithTheVerifier() throws Exception {
        ClientConfig publicClient = ClientConfig.builder("desktop").tokenUrl(as.tokenUrl()).clientId("desktop-app")
                .allowHttp(true).connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).build();
        TestBrowser browser = TestBrowser.following();
        // What client-auth=none adds to the token request: the client_id in the form, no credentials.
        AuthorizationCodeFlow.CodeRedeemer none = grant -> {
            TokenRequest.Builder b = TokenRequest.builder(as.tokenUrl());
            grant.addTo(b);
            TokenRequest request = b.formParameter("client_id", "desktop-app").build();
            HttpResponse<String> answer;
            try {
                answer = browser.send(HttpRequest.newBuilder(request.url())
                        .header("Content-Type", TokenRequest.FORM_CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.formBody())).build());
            } catch (Exception e) {
                throw new AssertionError("token request failed", e);
            }
            assertThat(answer.statusCode()).as("token endpoint status").isEqualTo(200);
            return new AccessToken(FakeAuthorizationServer.ACCESS_TOKEN, "Bearer", 300, Set.of());
        };

        AccessToken token = AuthorizationCodeFlow.builder(publicClient, as.authorizationUrl(), EPHEMERAL, none)
                .browser(browser).out(out).timeout(Duration.ofSeconds(20)).build().login();

        assertThat(token.value()).isEqualTo(FakeAuthorizationServer.ACCESS_TOKEN);
        assertThat(browserAuthorizeRequest()).containsEntry("client_id", "desktop-app")
                .doesNotContainKey("client_secret");
        assertThat(as.tokenRequests().get(0)).containsEntry("client_id", "desktop-app")
                .doesNotContainKey("client_secret").containsKey("code_verifier");
        assertThat(as.tokenAuthorizations().get(0)).isEmpty();
        assertNothingSecretIn(output());
    }

    @Test
    void redirectUriIsOneStringInBothRequestsWithOnlyTheEphemeralPortFilledIn() throws Exception {
        TestBrowser browser = TestBrowser.following();

        flow(confidential(), "http://127.0.0.1:0/Login/Callback/?app=Legacy", browser).build().login();

        String sent = browserAuthorizeRequest().get("redirect_uri");
        assertThat(sent).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/Login/Callback/\\?app=Legacy");
        assertThat(as.tokenRequests().get(0).get("redirect_uri")).isEqualTo(sent);
        assertThat(as.authorizeRequests().get(0).get("redirect_uri")).as("preflight").isEqualTo(sent);
    }

    @Test
    void configuredPortIsListenedOnAndTheRedirectUriSentAsWritten() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String configured = "http://127.0.0.1:" + port + "/callback";

        flow(confidential(), configured, TestBrowser.following()).build().login();

        assertThat(browserAuthorizeRequest().get("redirect_uri")).isEqualTo(configured);
        assertThat(as.tokenRequests().get(0).get("redirect_uri")).isEqualTo(configured);
    }

    @Test
    void portInUseFailsAtOnceNamingTheKeyAndTheWayOut() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            TestBrowser browser = TestBrowser.following();
            String configured = "http://127.0.0.1:" + taken.getLocalPort() + "/callback";

            assertThatThrownBy(() -> flow(confidential(), configured, browser).build().login())
                    .isInstanceOf(TokenFetchException.class)
                    .hasMessage("oauth-agent: client 'billing': cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " for the browser's redirect back: the port is in use. Stop the program that holds it,"
                            + " or set oauth.agent.clients.billing.redirect-uri to port 0 (any free port) if the"
                            + " server accepts any port on the loopback (RFC 8252 §7.3).");
            assertThat(browser.opened).isEmpty();
        }
    }

    @Test
    void answerWithAWrongStateIsRefusedAndTheRightOneStillCompletesTheLogin() throws Exception {
        List<HttpResponse<String>> forged = new ArrayList<>();
        TestBrowser browser = TestBrowser.following().before((b, target) -> {
            String wrong = target.toString().replaceAll("state=[^&]*", "state=forged");
            forged.add(b.get(URI.create(wrong)));
            String none = target.toString().replaceAll("&state=[^&]*", "");
            forged.add(b.get(URI.create(none)));
        });

        AccessToken token = flow(confidential(), EPHEMERAL, browser).build().login();

        assertThat(token.value()).isEqualTo(FakeAuthorizationServer.ACCESS_TOKEN);
        assertThat(forged).allSatisfy(page -> {
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).contains("does not belong to the login oauth-agent is waiting for");
        });
        assertThat(browser.lastPage().body()).contains("Login worked");
        assertThat(output()).contains("does not belong to this login (wrong or missing state); it was refused,"
                + " still waiting for the right one.");
        assertNothingSecretIn(output(), forged.get(0).body());
    }

    @Test
    void accessDeniedEndsTheFlowWithTheServersReasonOnTheConsoleAndThePage() throws Exception {
        as.script(q -> q.containsKey("state") && as.authorizeRequests().size() > 1
                ? new Reply(302, null, "", q.get("redirect_uri") + "?error=access_denied&error_description="
                        + FakeAuthorizationServer.Forms.encode("The user <b>said</b> no") + "&state="
                        + FakeAuthorizationServer.Forms.encode(q.get("state")))
                : Reply.of(200, "text/html", "<html>login</html>"));
        TestBrowser browser = TestBrowser.following();

        assertThatThrownBy(() -> flow(confidential(), EPHEMERAL, browser).build().login())
                .isInstanceOf(TokenFetchException.class)
                .hasMessage("oauth-agent: client 'billing': the authorization server sent back access_denied (The"
                        + " user <b>said</b> no) instead of a code. The login was refused or cancelled in the browser;"
                        + " run it again and allow the access.")
                .satisfies(e -> assertThat(((TokenFetchException) e).errorCode()).isEqualTo("access_denied"));
        HttpResponse<String> page = browser.lastPage();
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Login did not work")
                .contains("access_denied (The user &lt;b&gt;said&lt;/b&gt; no)").doesNotContain("<b>");
        assertThat(as.tokenRequests()).isEmpty();
    }

    @Test
    void codeTheTokenEndpointWillNotRedeemShowsTheLoginFailedOnThePageNotFinished() throws Exception {
        ClientConfig wrongSecret = TestClients.billing(as.tokenUrl())
                .scopes(List.of("orders:read")).build();
        as.refuseTokens("invalid_client");
        TestBrowser browser = TestBrowser.following();

        assertThatThrownBy(() -> flow(wrongSecret, EPHEMERAL, browser).build().login())
                .isInstanceOf(TokenFetchException.class).hasMessageContaining("invalid_client");

        HttpResponse<String> page = browser.lastPage();
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Login did not work").contains("invalid_client")
                .doesNotContain("Login worked");
        assertNothingSecretIn(output(), page.body());
    }

    @Test
    void noRedirectWithinTheTimeoutEndsTheFlowWithAClearMessageAndClosesTheListener() throws Exception {
        TestBrowser browser = TestBrowser.idle();

        assertThatThrownBy(() -> flow(confidential(), EPHEMERAL, browser).timeout(Duration.ofMillis(300)).build()
                .login())
                .isInstanceOf(TokenFetchException.class)
                .hasMessageStartingWith("oauth-agent: client 'billing': no login came back within 300 ms: the"
                        + " browser was not redirected to http://127.0.0.1:")
                .hasMessageContaining("/callback. Finish the login in the browser within that time. The browser must"
                        + " run on this machine");
        URI redirect = URI.create(FakeAuthorizationServer.Forms.parse(browser.opened.get(0).getRawQuery())
                .get("redirect_uri"));
        assertThatThrownBy(() -> new Socket("127.0.0.1", redirect.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void otherPathsAndMethodsGet404AndTheLoginGoesOn() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        TestBrowser browser = TestBrowser.following().before((b, target) -> {
            URI root = target.resolve("/favicon.ico");
            statuses.add(b.get(root).statusCode());
            statuses.add(b.send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.noBody()).build())
                    .statusCode());
        });

        AccessToken token = flow(confidential(), EPHEMERAL, browser).build().login();

        assertThat(statuses).containsExactly(404, 404);
        assertThat(token.value()).isEqualTo(FakeAuthorizationServer.ACCESS_TOKEN);
    }

    @Test
    void listenerIsClosedAfterALogin() throws Exception {
        TestBrowser browser = TestBrowser.following();

        flow(confidential(), EPHEMERAL, browser).build().login();

        int port = URI.create(browserAuthorizeRequest().get("redirect_uri")).getPort();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void preflightStopsAtOnceWhenTheServerRefusesTheRedirectUriWithAnOAuthError() throws Exception {
        as.script(q -> Reply.of(400, "application/json",
                "{\"error\":\"invalid_request\",\"error_description\":\"OAuth 2.0 Parameter: redirect_uri\"}"));
        TestBrowser browser = TestBrowser.following();

        assertThatThrownBy(() -> flow(confidential(), "http://127.0.0.1:0/Callback", browser).build().login())
                .isInstanceOf(TokenFetchException.class)
                .hasMessageStartingWith("oauth-agent: client 'billing': the authorization server refused the"
                        + " authorization request (HTTP 400, invalid_request: OAuth 2.0 Parameter: redirect_uri): it"
                        + " does not accept the redirect URI http://127.0.0.1:")
                .hasMessageEndingWith("/Callback for client-id 'billing-service'. The redirect URI must match one"
                        + " registered for the client exactly: scheme, host, path, case and trailing slash (on the"
                        + " loopback the server may allow any port, RFC 8252 §7.3). Fix"
                        + " oauth.agent.clients.billing.redirect-uri, or the client's registration on the server.");
        assertThat(browser.opened).isEmpty();
        assertThat(output()).isEmpty();
    }

    @Test
    void preflightReadsTheRedirectUriRefusalFromAnErrorPageToo() throws Exception {
        as.script(q -> Reply.of(400, "text/html", "<html><body><h1>Bad Request</h1>"
                + "<p>[invalid_request] OAuth 2.0 Parameter: redirect_uri</p></body></html>"));

        assertThatThrownBy(() -> flow(confidential(), EPHEMERAL, TestBrowser.following()).build().login())
                .hasMessageContaining("refused the authorization request (HTTP 400, invalid_request): it does not"
                        + " accept the redirect URI");
    }

    @Test
    void preflightNamesClientIdWhenTheServerDoesNotKnowTheClient() throws Exception {
        as.script(q -> Reply.of(401, "application/json", "{\"error\":\"invalid_client\"}"));

        assertThatThrownBy(() -> flow(confidential(), EPHEMERAL, TestBrowser.following()).build().login())
                .hasMessage("oauth-agent: client 'billing': the authorization server refused the authorization"
                        + " request (HTTP 401, invalid_client): it does not know client-id 'billing-service' or does"
                        + " not let it use the authorization code grant. Check oauth.agent.clients.billing.client-id"
                        + " and the client's registration on the server.");
    }

    @Test
    void preflightStopsAtOnceWhenTheServerRefusesWithoutSayingWhyAndListsTheLikelyCauses() {
        as.script(q -> Reply.of(400, "text/html", "<html><body>Something went wrong</body></html>"));
        TestBrowser browser = TestBrowser.following();

        assertThatThrownBy(() -> flow(confidential(), "http://127.0.0.1:0/callback/", browser).build().login())
                .isInstanceOf(TokenFetchException.class)
                .hasMessageStartingWith("oauth-agent: client 'billing': the authorization server refused the"
                        + " authorization request (HTTP 400) before any login, without saying why. Likely causes,"
                        + " most likely first: (1) the redirect URI http://127.0.0.1:")
                .hasMessageEndingWith("/callback/ is not one registered for client-id 'billing-service': it must"
                        + " match exactly, scheme, host, path, case and trailing slash (on the loopback the server may"
                        + " allow any port, RFC 8252 §7.3); fix oauth.agent.clients.billing.redirect-uri or the"
                        + " client's registration. (2) The server does not know client-id 'billing-service' or does"
                        + " not let it use the authorization code grant; check oauth.agent.clients.billing.client-id."
                        + " (3) It does not grant the requested scopes; check oauth.agent.clients.billing.scopes."
                        + " The server's log says which.");
        assertThat(browser.opened).isEmpty();
        assertThat(output()).isEmpty();
        assertThat(as.authorizeRequests()).as("only the preflight").hasSize(1);
    }

    @Test
    void preflightStopsAtOnceOnSpringBootsOwnErrorBody() {
        as.script(q -> Reply.of(400, "application/json", "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"status\":400,"
                + "\"error\":\"Bad Request\",\"path\":\"/oauth2/authorize\"}"));
        TestBrowser browser = TestBrowser.following();

        assertThatThrownBy(() -> flow(confidential(), EPHEMERAL, browser).build().login())
                .hasMessageContaining("refused the authorization request (HTTP 400) before any login, without saying"
                        + " why. Likely causes, most likely first: (1) the redirect URI");
        assertThat(browser.opened).isEmpty();
    }

    @Test
    void bare401WithoutAChallengeStopsTheLoginToo() {
        as.script(q -> Reply.of(401, "text/plain", ""));

        assertThatThrownBy(() -> flow(confidential(), EPHEMERAL, TestBrowser.following()).build().login())
                .hasMessageContaining("refused the authorization request (HTTP 401) before any login, without saying"
                        + " why.");
    }

    @Test
    void a401ThatAsksForTheUsersLoginLetsTheLoginGoOn() throws Exception {
        as.script(q -> as.authorizeRequests().size() == 1
                ? Reply.of(401, "text/plain", "").header("WWW-Authenticate", "Bearer")
                : null);

        AccessToken token = flow(confidential(), EPHEMERAL, TestBrowser.following()).build().login();

        assertThat(token.value()).isEqualTo(FakeAuthorizationServer.ACCESS_TOKEN);
        assertThat(output()).doesNotContain("refused");
    }

    @Test
    void preflightLetsTheLoginGoOnWhenTheServerShowsItsLoginPage() throws Exception {
        as.script(q -> as.authorizeRequests().size() == 1 ? Reply.of(200, "text/html", "<form>login</form>") : null);

        AccessToken token = flow(confidential(), EPHEMERAL, TestBrowser.following()).build().login();

        assertThat(token.value()).isEqualTo(FakeAuthorizationServer.ACCESS_TOKEN);
    }

    @Test
    void preflightReadsTheReasonSpringBootShowsWithIncludeMessage() {
        as.script(q -> Reply.of(400, "application/json", "{\"status\":400,\"error\":\"Bad Request\",\"message\":"
                + "\"[invalid_request] OAuth 2.0 Parameter: redirect_uri\",\"path\":\"/oauth2/authorize\"}"));

        assertThatThrownBy(() -> flow(confidential(), EPHEMERAL, TestBrowser.following()).build().login())
                .hasMessageContaining("(HTTP 400, invalid_request): it does not accept the redirect URI");
    }

    @Test
    void preflightWithoutAnAnswerLetsThePersonTryInTheBrowser() throws Exception {
        ClientConfig client = confidential();
        URI unreachable;
        try (ServerSocket closed = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unreachable = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/authorize");
        }
        TestBrowser browser = TestBrowser.idle();

        assertThatThrownBy(() -> AuthorizationCodeFlow.builder(client, unreachable, EPHEMERAL,
                new TokenEndpointClient(client)).browser(browser).out(out).timeout(Duration.ofMillis(200)).build()
                .login()).hasMessageContaining("no login came back within 200 ms");
        assertThat(browser.opened).hasSize(1);
    }

    @Test
    void interruptionWhileWaitingEndsTheFlowAndClosesTheListener() throws Exception {
        java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        List<URI> urls = new ArrayList<>();
        BrowserLauncher person = url -> {
            urls.add(url);
            opened.countDown();
            return true;
        };
        java.util.concurrent.CompletableFuture<Throwable> ended = new java.util.concurrent.CompletableFuture<>();
        Thread login = new Thread(() -> {
            try {
                AuthorizationCodeFlow.builder(confidential(), as.authorizationUrl(), EPHEMERAL,
                        new TokenEndpointClient(confidential())).browser(person).out(out)
                        .timeout(Duration.ofMinutes(5)).build().login();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        login.start();
        assertThat(opened.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        login.interrupt();

        assertThat(ended.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        int port = URI.create(FakeAuthorizationServer.Forms.parse(urls.get(0).getRawQuery()).get("redirect_uri"))
                .getPort();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void plainHttpAuthorizationUrlIsRefusedWithoutAllowHttp() {
        ClientConfig client = TestClients.billing(URI.create("https://as.example/token")).allowHttp(false).build();
        TestBrowser browser = TestBrowser.following();

        assertThatThrownBy(() -> flow(client, EPHEMERAL, browser).build().login())
                .hasMessage("oauth-agent: client 'billing': oauth.agent.clients.billing.authorization-url uses plain"
                        + " http, which lets anyone on the way read and change the login; use https, or set"
                        + " oauth.agent.clients.billing.allow-http=true for a test server.");
        assertThat(browser.opened).isEmpty();
    }
}
