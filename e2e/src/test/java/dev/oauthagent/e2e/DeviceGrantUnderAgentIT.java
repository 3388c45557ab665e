package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.BrowserlessUser.Outcome;
import dev.oauthagent.e2e.support.BrowserlessUser.Stage;
import dev.oauthagent.e2e.support.DeviceClient;
import dev.oauthagent.e2e.support.DeviceCodeConfig;
import dev.oauthagent.e2e.support.DeviceInstructionsOnStderr;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.ResourceServer;
import dev.oauthagent.e2e.support.SecretForms;
import dev.oauthagent.e2e.support.TestTokenStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unmodified programs acting for a person under the agent, with a public device code client of the real
 * authorization server and an encrypted token store: the agent redeems the refresh token a login stored, rotates
 * it (the server accepts each one once) and keeps the store up to date, across 200 concurrent requests and two
 * JVMs sharing the store; it starts the device flow itself when nothing is stored; and a refresh token the server
 * refuses ends in one plain message, not in a retry loop. The protected API verifies every token it gets.
 */
class DeviceGrantUnderAgentIT {
    private static final Duration EXIT = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLIENT = "reports";
    private static final String REFRESH = "refresh_token";

    private static AuthServer server;
    private static ResourceServer api;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        server = AuthServer.shared();
        api = ResourceServer.start(server);
    }

    @AfterAll
    static void stopServers() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void afterLoginTheProgramsRequestsCarryTheUsersTokenAndTheRotatedRefreshTokenReplacesTheSpentOneInTheStore() {
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        Path config = config(store, "");
        try (JavaProcess login = JavaProcess.builder("cli-login").jar(E2ePaths.agentJar())
                .env(TestTokenStore.KEY_ENV, store.keyBase64()).args("login", CLIENT, "--config", config.toString())
                .start()) {
            Outcome outcome = DeviceInstructionsOnStderr.await(login, WAIT).approve(server);
            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.DEVICE_APPROVED);
            assertThat(login.awaitExit(EXIT)).as(login.stdout() + login.stderr()).isZero();
        }
        TokenRecord loggedIn = store.read();
        long accepted = api.accepted();

        try (JavaProcess app = app("urlconnection-app", config, store, "--url=" + api.helloUrl(), "--requests=3")) {
            assertThat(app.awaitExit(EXIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE ok=3 failed=0");
            TokenRecord rotated = store.read();
            assertThat(rotated.refreshTokenFingerprint()).as("the stored refresh token after the agent's refresh")
                    .isNotEqualTo(loggedIn.refreshTokenFingerprint());
            assertRefused(loggedIn.refreshToken(), "the refresh token login stored, spent by the agent");
            assertThat(new DeviceClient(server).isActive(rotated.refreshToken())).as("the stored one").isTrue();
            assertNothingSecret(app, store, loggedIn, rotated);
        }
        assertThat(api.accepted()).isEqualTo(accepted + 3);
    }

    @Test
    void withShortLivedAccessTokensEachRefreshRotatesAndTheStoreAlwaysCatchesUpWithTheServer() {
        try (AuthServer shortLived = AuthServer.builder().tokenTtl(Duration.ofSeconds(3)).start();
                OriginRecorder origin = OriginRecorder.start()) {
            TestTokenStore store = TestTokenStore.in(dir, CLIENT);
            TokenRecord seeded = new DeviceClient(shortLived).loginInto(store);
            Path config = DeviceCodeConfig.write(dir, DeviceCodeConfig.client(CLIENT, shortLived, store)
                    + hosts(origin.url()));
            long refreshes = shortLived.tokenRequests(AuthServer.DEVICE_CLIENT_ID, REFRESH, 200);

            // Requests for 15 s at most, while the agent refreshes about every 1.5 s (half the lifetime).
            try (JavaProcess app = app("urlconnection-app", config, store,
                    "--url=" + origin.url().resolve("/api/x"), "--requests=60", "--pause-ms=250")) {
                awaitCount("refreshes the server granted", 3,
                        () -> shortLived.tokenRequests(AuthServer.DEVICE_CLIENT_ID, REFRESH, 200) - refreshes);
                awaitCount("access tokens the origin saw", 2, () -> origin.recorded().stream()
                        .filter(line -> line.contains("fp=")).map(line -> line.substring(line.indexOf("fp=")))
                        .distinct().count());
                awaitStoredTokenActive(shortLived, store);
                TokenRecord latest = store.read();
                assertThat(origin.recorded()).allSatisfy(line -> assertThat(line)
                        .contains("authorization=Bearer fp="));
                assertThat(app.stdout()).doesNotContain("status=-1");
                assertThat(shortLived.tokenRequests(AuthServer.DEVICE_CLIENT_ID, REFRESH, 400))
                        .as("refreshes the server refused: a spent refresh token sent again").isZero();
                assertRefused(shortLived, seeded.refreshToken(), "the seeded refresh token");
                assertNothingSecret(app, store, seeded, latest);
            }
        }
    }

    @Test
    void twoJvmsSharingTheStoreWith200ConcurrentRequestsEachWhileTheStoredAccessTokenIsExpiredSpendItOnce() {
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        TokenRecord seeded = new DeviceClient(server).loginInto(store, Instant.now().minusSeconds(60));
        Path config = config(store, "oauth.agent.clients." + CLIENT + ".token-store-access-token=true\n"
                + "oauth.agent.clients." + CLIENT + ".wait-timeout=60s\n");
        long refreshes = server.tokenRequests(AuthServer.DEVICE_CLIENT_ID, REFRESH);
        long accepted = api.accepted();

        String[] burst = {"--url=" + api.helloUrl(), "--mode=ASYNC", "--requests=200"};
        try (JavaProcess first = app("httpclient-app", config, store, burst);
                JavaProcess second = app("httpclient-app", config, store, burst)) {
            for (JavaProcess app : List.of(first, second)) {
                assertThat(app.awaitExit(EXIT)).as(app.stdout() + app.stderr()).isZero();
                assertThat(app.stdout()).contains("DONE ok=200 failed=0");
            }
            TokenRecord rotated = store.read();
            assertThat(server.tokenRequests(AuthServer.DEVICE_CLIENT_ID, REFRESH) - refreshes)
                    .as("refresh requests of both JVMs together").isEqualTo(1);
            assertThat(rotated.refreshTokenFingerprint()).isNotEqualTo(seeded.refreshTokenFingerprint());
            assertRefused(seeded.refreshToken(), "the seeded refresh token");
            assertNothingSecret(first, store, seeded, rotated);
            assertNothingSecret(second, store, seeded, rotated);
        }
        assertThat(api.accepted()).isEqualTo(accepted + 400);
    }

    @Test
    void withNothingStoredTheAgentStartsTheDeviceFlowAndRequestsFailUntilThePersonSignsInThenSucceed() {
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        Path config = config(store, "");

        try (JavaProcess app = app("urlconnection-app", config, store, "--url=" + api.helloUrl(), "--requests=300",
                "--pause-ms=100")) {
            DeviceInstructionsOnStderr instructions = DeviceInstructionsOnStderr.await(app, WAIT);
            assertThat(app.stderr()).contains("oauth-agent: client '" + CLIENT + "' needs you to sign in.");
            app.awaitLine(Pattern.compile("^REQUEST \\d+ status=-1 "), WAIT);

            Outcome outcome = instructions.approve(server);
            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.DEVICE_APPROVED);
            app.awaitLines(Pattern.compile("^REQUEST \\d+ status=200 "), 3, WAIT);

            List<String> requests = app.stdout().lines().filter(line -> line.startsWith("REQUEST ")).toList();
            int firstOk = indexOfFirst(requests, " status=200 ");
            assertThat(requests.subList(0, firstOk)).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .contains("status=-1", "waiting for the login started at start-up"));
            assertThat(requests.subList(firstOk, requests.size())).allSatisfy(line -> assertThat(line)
                    .contains("status=200"));
            TokenRecord stored = store.read();
            assertThat(stored).as("the store after the login at start").isNotNull();
            assertThat(new DeviceClient(server).isActive(stored.refreshToken())).isTrue();
            assertNothingSecret(app, store, stored);
        }
    }

    @Test
    void aRefreshTokenSpentElsewhereEndsInOneMessageSayingToLogInAndNoRetries() {
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        TokenRecord seeded = new DeviceClient(server).loginInto(store);
        DeviceClient.Answer elsewhere = new DeviceClient(server).refresh(seeded.refreshToken());
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);
        Path config = config(store, "");
        long refreshes = server.tokenRequests(AuthServer.DEVICE_CLIENT_ID, REFRESH);

        // 30 requests over 3 s: the agent asks the server once, then lets each request fail at once.
        try (JavaProcess app = app("urlconnection-app", config, store, "--url=" + api.helloUrl(), "--requests=30",
                "--pause-ms=100")) {
            assertThat(app.awaitExit(EXIT)).as(app.stdout() + app.stderr()).isEqualTo(1);
            assertThat(app.stdout()).contains("DONE ok=0 failed=30");
            assertThat(server.tokenRequests(AuthServer.DEVICE_CLIENT_ID, REFRESH) - refreshes)
                    .as("refresh requests in the app's 3 s").isEqualTo(1);
            assertThat(app.stderr().lines().filter(line -> line.contains("A new login is needed"))).as(app.stderr())
                    .singleElement().asString().contains("invalid_grant",
                            "Run java -jar oauth-agent.jar login " + CLIENT + " --config "
                                    + config.toAbsolutePath() + ";");
            assertThat(store.exists()).as("the store of a refused refresh token").isFalse();
            assertNothingSecret(app, store, seeded);
        }
    }

    private Path config(TestTokenStore store, String extraLines) {
        return DeviceCodeConfig.write(dir, DeviceCodeConfig.client(CLIENT, server, store) + hosts(api.url())
                + extraLines);
    }

    private static String hosts(URI origin) {
        return "oauth.agent.clients." + CLIENT + ".hosts=127.0.0.1:" + origin.getPort() + "\n"
                + "oauth.agent.clients." + CLIENT + ".paths=/api\n";
    }

    private static JavaProcess app(String name, Path config, TestTokenStore store, String... args) {
        JavaProcessBuilder builder = JavaProcess.builder(name).jar(E2ePaths.testApp(name))
                .javaAgent(E2ePaths.agentJar(), "config=" + config).env(TestTokenStore.KEY_ENV, store.keyBase64())
                .args(args);
        return builder.start();
    }

    private static void assertRefused(String refreshToken, String which) {
        assertRefused(server, refreshToken, which);
    }

    private static void assertRefused(AuthServer on, String refreshToken, String which) {
        DeviceClient.Answer answer = new DeviceClient(on).refresh(refreshToken);
        assertThat(answer.error()).as(which + ": " + answer).isEqualTo("invalid_grant");
    }

    /** Polls (every 100 ms, up to {@link #WAIT}) until {@code count} reaches {@code atLeast}. */
    private static void awaitCount(String what, long atLeast, LongSupplier count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long seen;
        while ((seen = count.getAsLong()) < atLeast) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + ": " + seen + ", not " + atLeast + " within " + WAIT);
            }
            pause();
        }
    }

    /**
     * The store may hold a spent refresh token only for the moment between the server's answer and the file's
     * replacement; so within {@link #WAIT} a read of the store must find one the server still takes.
     */
    private static void awaitStoredTokenActive(AuthServer on, TestTokenStore store) {
        DeviceClient device = new DeviceClient(on);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!device.isActive(store.read().refreshToken())) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the store held a refresh token the server no longer takes for " + WAIT);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static int indexOfFirst(List<String> lines, String containing) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(containing)) {
                return i;
            }
        }
        throw new AssertionError("no line with '" + containing + "' in " + lines);
    }

    /** Neither refresh token, access token, store key nor any JWT is in the program's output. */
    private static void assertNothingSecret(JavaProcess app, TestTokenStore store, TokenRecord... records) {
        String output = app.stdout() + app.stderr();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("token store key", store.keyBase64());
        for (int i = 0; i < records.length; i++) {
            secrets.put("refresh token #" + i, records[i].refreshToken());
            if (records[i].accessToken() != null) {
                secrets.put("access token #" + i, records[i].accessToken());
            }
        }
        SecretForms.assertAbsent("the output of " + app, output, secrets);
        assertThat(output).doesNotContain("eyJ");
    }
}
