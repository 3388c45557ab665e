package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a token endpoint can fail us, over real sockets. Each test checks the failure's kind, that the
 * call returned within a generous bound of its timeouts, what the message says, and that no secret, Basic
 * value or token appears in the message, its stack trace or the log.
 */
class TokenEndpointClientFaultTest {
    private static final String TOKEN = TokenEndpointClientTest.TOKEN;
    private static final Duration CONNECT = Duration.ofMillis(1000);
    /** Generous: on a loaded shared machine a healthy local answer can take a while; hangs set their own. */
    private static final Duration READ = Duration.ofSeconds(5);
    private static final Duration HANG_READ = Duration.ofMillis(300);
    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final List<FaultyTokenServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws IOException {
        for (FaultyTokenServer s : servers) {
            s.close();
        }
    }

    private FaultyTokenServer serve(Function<RecordedRequest, Reply> responder) throws IOException {
        FaultyTokenServer s = FaultyTokenServer.http(responder);
        servers.add(s);
        return s;
    }

    private FaultyTokenServer serve(Reply reply) throws IOException {
        return serve(r -> reply);
    }

    private static ClientConfig.Builder config(URI url) {
        return TestClients.billing(url).connectTimeout(CONNECT).readTimeout(READ)
                .scopes(List.of("orders:read", "orders:write"));
    }

    private static String okWith(String fields) {
        return "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"" + fields + "}";
    }

    private static List<String> credentials(ClientConfig config) {
        return List.of(TestClients.SECRET, FormEncodingSpec.formEncode(TestClients.SECRET),
                FormEncodingSpec.basicHeader(config.clientId(), TestClients.SECRET).substring("Basic ".length()),
                TOKEN);
    }

    private TokenFetchException fails(URI url) {
        return fails(config(url).build());
    }

    private TokenFetchException fails(ClientConfig config) {
        TokenEndpointClient client = new TokenEndpointClient(config, NEW_YEAR);
        Duration bound = config.connectTimeout().plus(config.readTimeout()).plusSeconds(5);
        try (StderrCapture err = StderrCapture.start()) {
            TokenFetchException e = assertTimeoutPreemptively(bound, () -> {
                try {
                    client.fetch();
                    return null;
                } catch (TokenFetchException x) {
                    return x;
                }
            });
            assertThat(e).as("fetch should have failed").isNotNull();
        System.out.println(e.kind() + ": " + e.getMessage()); // the report shows what a user would read
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            String everything = trace + "\n" + err.text();
            for (String credential : credentials(config)) {
                assertThat(everything).doesNotContain(credential);
            }
            assertThat(e.getMessage()).startsWith("oauth-agent: client 'billing': ");
            return e;
        }
    }

    private AccessToken succeeds(Reply reply, StderrCapture err) throws Exception {
        FaultyTokenServer server = serve(reply);
        ClientConfig config = config(server.tokenUrl()).build();
        AccessToken token = new TokenEndpointClient(config, NEW_YEAR).fetch();
        for (String credential : credentials(config)) {
            assertThat(err.text()).doesNotContain(credential);
        }
        return token;
    }

    // ---- network faults ----

    @Test
    void connectionRefusedIsTransientAndNamesHostPortAndTokenUrlKey() throws Exception {
        URI closed = FaultyTokenServer.closedPort();

        TokenFetchException e = fails(closed);

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("cannot reach token endpoint 127.0.0.1:" + closed.getPort()
                + " (connection refused); check oauth.agent.clients.billing.token-url and network.");
    }

    @Test
    void serverThatAcceptsAndNeverAnswersEndsWithTheReadTimeout() throws Exception {
        FaultyTokenServer hang = FaultyTokenServer.acceptAndHang();
        servers.add(hang);

        TokenFetchException e = fails(config(hang.tokenUrl()).readTimeout(HANG_READ).build());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("token endpoint 127.0.0.1:" + hang.tokenUrl().getPort()
                + " sent nothing for 300 ms (read timeout)").contains("oauth.agent.clients.billing.read-timeout");
    }

    @Test
    void slowDripOfTheHeadersIsCutAtTheTotalDeadline() throws Exception {
        // Each byte arrives well within the read timeout, so only the total deadline can end this.
        FaultyTokenServer drip = FaultyTokenServer.slowDrip("",
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: " + "a".repeat(2000),
                Duration.ofMillis(20));
        servers.add(drip);

        TokenFetchException e = fails(config(drip.tokenUrl()).connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(3000)).build());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("did not deliver a complete response within 3200 ms"
                + " (connect-timeout + read-timeout)");
    }

    @Test
    void slowDripOfTheBodyIsCutAtTheTotalDeadline() throws Exception {
        FaultyTokenServer drip = FaultyTokenServer.slowDrip(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n",
                okWith(",\"pad\":\"" + "a".repeat(4000) + "\""), Duration.ofMillis(20));
        servers.add(drip);

        TokenFetchException e = fails(config(drip.tokenUrl()).connectTimeout(Duration.ofMillis(200))
                .readTimeout(Duration.ofMillis(3000)).build());

        assertThat(e.getMessage()).contains("did not deliver a complete response within 3200 ms");
    }

    @Test
    void answerThatIsNotHttpIsATransientIoError() throws Exception {
        FaultyTokenServer garbage = FaultyTokenServer.slowDrip("SSH-2.0-OpenSSH_9.6\r\n", "", Duration.ZERO);
        servers.add(garbage);

        TokenFetchException e = fails(garbage.tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("I/O error talking to token endpoint 127.0.0.1:" + garbage.tokenUrl().getPort());
    }

    // ---- HTTP status faults ----

    @Test
    void status500IsTransient() throws Exception {
        TokenFetchException e = fails(serve(Reply.of(500, "text/plain", "boom")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.retryAfterSeconds()).isEqualTo(-1);
        assertThat(e.getMessage()).contains("answered HTTP 500 without an OAuth error response: "
                + "The authorization server is failing or overloaded");
    }

    @Test
    void status503WithRetryAfterSecondsCarriesTheDelay() throws Exception {
        TokenFetchException e = fails(serve(Reply.of(503, "text/html", "<html>down</html>")
                .withHeader("Retry-After", "120")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.retryAfterSeconds()).isEqualTo(120);
        assertThat(e.getMessage()).contains("answered HTTP 503 with an HTML page")
                .contains("The server asks to retry after 120 s.");
    }

    @Test
    void status429WithRetryAfterSeconds() throws Exception {
        TokenFetchException e = fails(serve(Reply.json(429, "{}").withHeader("Retry-After", "30")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void status429WithRetryAfterHttpDateIsMeasuredFromNowAndCappedAtOneHour() throws Exception {
        TokenFetchException soon = fails(serve(Reply.json(429, "{}")
                .withHeader("Retry-After", "Thu, 01 Jan 2026 00:01:30 GMT")).tokenUrl());
        TokenFetchException late = fails(serve(Reply.json(429, "{}")
                .withHeader("Retry-After", "Fri, 02 Jan 2026 00:00:00 GMT")).tokenUrl());

        assertThat(soon.retryAfterSeconds()).isEqualTo(90);
        assertThat(late.retryAfterSeconds()).isEqualTo(3600);
    }

    @Test
    void redirectIsNotFollowedAndItsTargetSeesNoRequest() throws Exception {
        FaultyTokenServer target = serve(Reply.json(200, okWith(",\"expires_in\":60")));
        FaultyTokenServer redirecting = serve(new Reply(301,
                java.util.Map.of("Location", target.tokenUrl().toString()), new byte[0], false));

        TokenFetchException e = fails(redirecting.tokenUrl());

        assertThat(target.requests()).isEmpty();
        assertThat(redirecting.requests()).hasSize(1);
        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.httpStatus()).isEqualTo(301);
        assertThat(e.getMessage()).contains("redirected (HTTP 301) to 127.0.0.1:" + target.tokenUrl().getPort()
                + "; configure the final token URL in oauth.agent.clients.billing.token-url.");
    }

    // ---- body faults ----

    @Test
    void malformedJsonIsTransient() throws Exception {
        TokenFetchException e = fails(serve(Reply.json(200, "{\"access_token\":\"" + TOKEN)).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("returned a malformed token response (HTTP 200, Content-Type "
                + "application/json): the body is not valid JSON");
    }

    @Test
    void htmlPageIsTransientAndSuggestsTheTokenUrlIsWrong() throws Exception {
        TokenFetchException e = fails(serve(Reply.of(200, "text/html; charset=UTF-8",
                "<!DOCTYPE html><html><body><form>Sign in</form></body></html>")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("returned an HTML page instead of a JSON token response");
    }

    @Test
    void jsonArrayIsTransient() throws Exception {
        TokenFetchException e = fails(serve(Reply.json(200, "[" + okWith("") + "]")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("the body is a JSON array, not a JSON object");
    }

    @Test
    void missingAccessTokenIsTransient() throws Exception {
        TokenFetchException e = fails(serve(Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":60}")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("returned HTTP 200 without an access_token");
    }

    @Test
    void tokenTypeMacIsRefused() throws Exception {
        TokenFetchException e = fails(serve(Reply.json(200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"mac\",\"expires_in\":60}")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("token endpoint " + "http://127.0.0.1:")
                .contains("returned token_type 'mac'; oauth-agent supports Bearer tokens only");
    }

    @Test
    void expiresInAsStringNegativeOrZeroIsRefused() throws Exception {
        assertThat(fails(serve(Reply.json(200, okWith(",\"expires_in\":\"3600\""))).tokenUrl()).getMessage())
                .contains("the field 'expires_in' is a JSON string");
        assertThat(fails(serve(Reply.json(200, okWith(",\"expires_in\":-1"))).tokenUrl()).getMessage())
                .contains("returned expires_in -1; a token lifetime must be a positive whole number of seconds");
        TokenFetchException zero = fails(serve(Reply.json(200, okWith(",\"expires_in\":0"))).tokenUrl());
        assertThat(zero.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(zero.getMessage()).contains("returned expires_in 0;");
    }

    @Test
    void expiresInMissingFallsBackToTheDefaultWithAWarning() throws Exception {
        try (StderrCapture err = StderrCapture.start()) {
            AccessToken token = succeeds(Reply.json(200, okWith("")), err);

            assertThat(token.lifetimeSeconds()).isEqualTo(ClientConfig.DEFAULT_EXPIRES_IN.getSeconds());
            assertThat(err.text()).contains("returned no expires_in; assuming 300 s");
        }
    }

    @Test
    void expiresInOfTenToTheTwelveIsClampedToOneYear() throws Exception {
        try (StderrCapture err = StderrCapture.start()) {
            AccessToken token = succeeds(Reply.json(200, okWith(",\"expires_in\":1000000000000")), err);

            assertThat(token.lifetimeSeconds()).isEqualTo(31_536_000L);
            assertThat(err.text()).contains("more than one year; using 31536000 s");
        }
    }

    @Test
    void tokenWithCrLfIsRefused() throws Exception {
        TokenFetchException e = fails(serve(Reply.json(200,
                "{\"access_token\":\"" + TOKEN + "\\r\\nX-Injected: yes\",\"token_type\":\"Bearer\"}")).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("it contains a line break (CR or LF)");
    }

    @Test
    void tokenWithSpaceIsRefused() throws Exception {
        TokenFetchException e = fails(serve(Reply.json(200,
                "{\"access_token\":\"" + TOKEN + " more\",\"token_type\":\"Bearer\"}")).tokenUrl());

        assertThat(e.getMessage()).contains("it contains whitespace");
    }

    @Test
    void fiveMegabyteBodyWithContentLengthIsRefusedUnread() throws Exception {
        TokenFetchException e = fails(serve(new Reply(200, java.util.Map.of("Content-Type", "application/json"),
                new byte[5 * 1024 * 1024], false)).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(e.getMessage()).contains("sent a response larger than 1 MiB; reading stopped");
    }

    @Test
    void fiveMegabyteBodyWithoutContentLengthStopsAtTheLimit() throws Exception {
        byte[] huge = ("{\"access_token\":\"" + TOKEN + "\",\"pad\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        TokenFetchException e = fails(serve(new Reply(200, java.util.Map.of("Content-Type", "application/json"),
                huge, true)).tokenUrl());

        assertThat(e.getMessage()).contains("sent a response larger than 1 MiB; reading stopped");
    }

    // ---- OAuth error responses ----

    /** A careless server that echoes everything it received, credentials included, in its description. */
    private static Reply echoingError(int status, String code, RecordedRequest request) {
        String echo = ("got Authorization " + request.header("Authorization") + " body " + request.body()
                + " secret " + TestClients.SECRET).replace("\\", "\\\\").replace("\"", "\\\"");
        return Reply.json(status, "{\"error\":\"" + code + "\",\"error_description\":\"" + echo + "\"}");
    }

    @Test
    void invalidClientIsTerminalNamesTheSecretsOriginAndNeverEchoesTheSecret() throws Exception {
        TokenFetchException e = fails(serve(r -> echoingError(401, "invalid_client", r)).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.errorCode()).isEqualTo("invalid_client");
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).contains("answered invalid_client (401): Check client-id and client-secret; "
                + "the secret comes from env var BILLING_SECRET.").contains("Server said: \"got Authorization Basic ****");
    }

    @Test
    void basicChallengeOn401NeverReachesTheApplicationsAuthenticator() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.net.Authenticator.setDefault(new java.net.Authenticator() {
            @Override
            protected java.net.PasswordAuthentication getPasswordAuthentication() {
                asked.incrementAndGet();
                return new java.net.PasswordAuthentication("app-user", "app-password".toCharArray());
            }
        });
        try {
            FaultyTokenServer server = serve(Reply.json(401, "{\"error\":\"invalid_client\"}")
                    .withHeader("WWW-Authenticate", "Basic realm=\"token\""));

            TokenFetchException e = fails(server.tokenUrl());

            assertThat(asked.get()).isZero();
            assertThat(server.requests()).hasSize(1);
            assertThat(e.errorCode()).isEqualTo("invalid_client");
        } finally {
            java.net.Authenticator.setDefault(null);
        }
    }

    @Test
    void invalidClientWithPostAuthenticationNeverEchoesTheFormEncodedSecret() throws Exception {
        FaultyTokenServer server = serve(r -> echoingError(400, "invalid_client", r));

        TokenFetchException e = fails(config(server.tokenUrl())
                .clientAuth(dev.oauthagent.agent.config.ClientAuthMethod.CLIENT_SECRET_POST).build());

        assertThat(e.getMessage()).contains("client_secret=****").contains("It was sent as client_secret_post");
    }

    @Test
    void invalidScopeIsTerminalListsTheRequestedScopesAndNeverEchoesTheSecret() throws Exception {
        TokenFetchException e = fails(serve(r -> echoingError(400, "invalid_scope", r)).tokenUrl());

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.errorCode()).isEqualTo("invalid_scope");
        assertThat(e.getMessage()).contains("answered invalid_scope (400): The server refused the requested scopes "
                + "[orders:read, orders:write]");
    }

    // ---- configuration faults ----

    @Test
    void plainHttpWithoutAllowHttpIsRefusedBeforeAnyRequest() throws Exception {
        FaultyTokenServer server = serve(Reply.json(200, okWith("")));

        TokenFetchException e = fails(config(server.tokenUrl()).allowHttp(false).build());

        assertThat(server.requests()).isEmpty();
        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("oauth.agent.clients.billing.token-url uses plain http")
                .contains("oauth.agent.clients.billing.allow-http=true");
    }
}
