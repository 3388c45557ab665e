package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.agent.token.user.InteractiveLogin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code login <client>} around whatever flow the client's grant has (the flows themselves are proven in their
 * own tests and end to end): the refresh token lands in the token store, the outcome is one line with its
 * fingerprint, and every way it can fail says what to do and stores nothing. Nothing secret is printed.
 */
class LoginCommandTest {
    private static final String ACCESS_TOKEN = "at-login-5e5e5e-never-printed";
    private static final String REFRESH_TOKEN = "rt-login-6f6f6f-never-printed";
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private OrdersClient orders;
    private final AtomicInteger flowsRun = new AtomicInteger();
    private ClientConfig flowClient;
    private boolean terminalSeen;

    @AfterEach
    void nothingSecretPrinted() {
        assertThat(out() + err()).doesNotContain(REFRESH_TOKEN).doesNotContain(ACCESS_TOKEN)
                .doesNotContain(OrdersClient.SECRET).doesNotContain(orders.key());
    }

    @Test
    void storesTheRefreshTokenTheFlowEndedWithAndPrintsItsFingerprint() throws Exception {
        orders = new OrdersClient(dir, URI.create("https://auth.example.com/oauth2/token"));

        int status = run(flowReturning(new AccessToken(ACCESS_TOKEN, "Bearer", 300, Set.of(), REFRESH_TOKEN, null)),
                true, "login", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        TokenRecord stored = orders.store().read();
        assertThat(stored.hasRefreshToken(REFRESH_TOKEN)).isTrue();
        assertThat(stored.issuedBy("https://auth.example.com/oauth2/token")).isTrue();
        assertThat(stored.accessToken()).as("access tokens are stored only when asked").isNull();
        assertThat(out()).isEqualTo("client 'orders': logged in; refresh token " + stored.refreshTokenFingerprint()
                + " stored in " + dir.resolve("orders.tokens") + System.lineSeparator());
        assertThat(terminalSeen).isTrue();
        assertThat(flowsRun).hasValue(1);
    }

    @Test
    void keepsTheAccessTokenWithItsExpiryWhenTheClientAsks() throws Exception {
        orders = new OrdersClient(dir, URI.create("https://auth.example.com/oauth2/token"));
        orders.sysprops.put(OrdersClient.PREFIX + "token-store-access-token", "true");

        int status = run(flowReturning(new AccessToken(ACCESS_TOKEN, "Bearer", 300, Set.of(), REFRESH_TOKEN, null)),
                false, "login", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        TokenRecord stored = orders.store().read();
        assertThat(stored.accessToken()).isEqualTo(ACCESS_TOKEN);
        assertThat(stored.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void noRefreshTokenFromTheServerStoresNothingAndSaysWhatToAllow() throws Exception {
        orders = new OrdersClient(dir, URI.create("https://auth.example.com/oauth2/token"));

        int status = run(flowReturning(new AccessToken(ACCESS_TOKEN, "Bearer", 300, Set.of(), null, null)), false,
                "login", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err()).contains("the server issued no refresh token", "allow the refresh_token grant for client id"
                + " 'orders-cli'", "Nothing was stored.");
        assertThat(orders.store().read()).isNull();
    }

    @Test
    void aFailedFlowPrintsItsMessageAndStoresNothing() throws Exception {
        orders = new OrdersClient(dir, URI.create("https://auth.example.com/oauth2/token"));
        InteractiveLogin failing = () -> {
            flowsRun.incrementAndGet();
            throw new TokenFetchException("oauth-agent: client 'orders': the person denied the request", Kind.TERMINAL,
                    "access_denied", 400, -1, null);
        };

        int status = run(failing, false, "login", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err()).contains("the person denied the request");
        assertThat(orders.store().read()).isNull();
    }

    @Test
    void withoutATokenStoreNoFlowStarts() throws Exception {
        orders = new OrdersClient(dir, URI.create("https://auth.example.com/oauth2/token"));
        orders.withoutTokenStore();

        int status = run(flowReturning(null), false, "login", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_BAD_CONFIG);
        assertThat(err()).contains("client 'orders' has no token store to keep the refresh token in; set"
                + " oauth.agent.clients.orders.token-store=");
        assertThat(flowsRun).hasValue(0);
    }

    @Test
    void aGrantWithoutLoginFlowIsTold() throws Exception {
        orders = new OrdersClient(dir, URI.create("https://auth.example.com/oauth2/token"));
        orders.sysprops.put(OrdersClient.PREFIX + "grant-type", "client_credentials");
        orders.sysprops.remove(OrdersClient.PREFIX + "device-authorization-url");

        int status = run(null, false, "login", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err()).contains("uses grant-type client_credentials, which has no login flow; login runs the flow"
                + " of grant-type device_code or authorization_code");
    }

    @Test
    void aClientWithIssuerLogsInWithTheDiscoveredEndpointsAndTheRecordNamesTheDiscoveredTokenEndpoint()
            throws Exception {
        AtomicReference<String> issuer = new AtomicReference<>();
        try (FaultyTokenServer server = FaultyTokenServer.http(r -> Reply.json(200, "{\"issuer\":\"" + issuer.get()
                + "\",\"token_endpoint\":\"" + issuer.get() + "/oauth2/token\"}"))) {
            String base = "http://127.0.0.1:" + server.tokenUrl().getPort();
            issuer.set(base);
            orders = new OrdersClient(dir, URI.create("https://unused.example/token"));
            orders.withIssuer(URI.create(base));

            int status = run(flowReturning(new AccessToken(ACCESS_TOKEN, "Bearer", 300, Set.of(), REFRESH_TOKEN,
                    null)), false, "login", "orders");

            assertThat(status).as(err()).isEqualTo(Cli.EXIT_OK);
            assertThat(flowClient.tokenUrl()).isEqualTo(URI.create(base + "/oauth2/token"));
            assertThat(orders.store().read().issuedBy(base + "/oauth2/token")).isTrue();
        }
    }

    @Test
    void aClientWithIssuerWhoseDocumentCannotBeReadRunsNoFlow() throws Exception {
        URI closed = FaultyTokenServer.closedPort();
        orders = new OrdersClient(dir, closed);
        orders.withIssuer(URI.create("http://127.0.0.1:" + closed.getPort()));

        int status = run(flowReturning(null), false, "login", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err()).contains("cannot reach issuer 127.0.0.1:" + closed.getPort());
        assertThat(flowsRun).hasValue(0);
    }

    private InteractiveLogin flowReturning(AccessToken token) {
        return () -> {
            flowsRun.incrementAndGet();
            return token;
        };
    }

    private int run(InteractiveLogin flow, boolean terminal, String... args) {
        LoginCommand login = new LoginCommand((client, instructions, isTerminal) -> {
            terminalSeen = isTerminal;
            flowClient = client;
            return flow;
        }, Clock.fixed(NOW, ZoneOffset.UTC));
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), orders.sysprops, orders.env, terminal);
        return login.run(Arrays.asList(args).subList(1, args.length), context);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
