package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.BrowserlessUser;
import dev.oauthagent.e2e.support.BrowserlessUser.Outcome;
import dev.oauthagent.e2e.support.BrowserlessUser.Stage;
import dev.oauthagent.e2e.support.DeviceClient;
import dev.oauthagent.e2e.support.DeviceCodeConfig;
import dev.oauthagent.e2e.support.DeviceInstructionsOnStderr;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.SecretForms;
import dev.oauthagent.e2e.support.TestTokenStore;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar oauth-agent.jar login} and {@code logout} for a public device code client, as child processes
 * against the real authorization server, with {@link BrowserlessUser} as the person who reads the instructions on
 * stderr and signs in. The shared server's device codes live 5 minutes; the agent polls every 5 s (the server
 * names no interval), so a login takes one poll after the user approved.
 */
class DeviceLoginCliIT {
    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final Duration INSTRUCTIONS = Duration.ofSeconds(30);
    private static final String CLIENT = "reports";
    /** Anything as long as a device code, token or key, in one run of URL-safe characters. */
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-+/=.]{40,}");

    @TempDir
    Path dir;

    @Test
    void loginPrintsWhereToSignInAndStoresTheRefreshTokenOwnerOnlyOnceTheUserApproves() {
        AuthServer server = AuthServer.shared();
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        Path config = config(server, store, "oauth.agent.clients." + CLIENT + ".token-store-access-token=true\n");

        try (JavaProcess login = cli("login", config, store).start()) {
            Outcome outcome = approveAsTheUser(server, login);
            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.DEVICE_APPROVED);

            assertThat(login.awaitExit(EXIT)).as(login.stdout() + login.stderr()).isZero();
            TokenRecord stored = store.read();
            assertThat(stored).as("the store after login").isNotNull();
            assertThat(stored.issuedBy(server.tokenUrl().toString())).isTrue();
            assertThat(login.stdout().lines()).containsExactly("client '" + CLIENT + "': logged in; refresh token "
                    + stored.refreshTokenFingerprint() + " stored in " + store.path());
            assertThat(login.stderr()).contains("signed in");
            assertThat(store.permissions()).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            assertThat(new DeviceClient(server).refresh(stored.refreshToken()).tokens().refreshToken())
                    .as("the stored refresh token, redeemed by the test").isNotNull();
            assertNothingSecret(server, login, store, Map.of("refresh token", stored.refreshToken(),
                    "access token", stored.accessToken()));
        }
    }

    @Test
    void loginEndsWithExitOneAndSaysTheRequestWasDeniedWhenTheUserRefuses() {
        AuthServer server = AuthServer.shared();
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        Path config = config(server, store, "");

        try (JavaProcess login = cli("login", config, store).start()) {
            Outcome outcome = DeviceInstructionsOnStderr.await(login, INSTRUCTIONS).deny(server);
            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.DEVICE_REFUSED);

            assertThat(login.awaitExit(EXIT)).as(login.stdout() + login.stderr()).isEqualTo(1);
            assertThat(login.stdout()).isEmpty();
            assertThat(login.stderr()).contains("the request was denied",
                    "client '" + CLIENT + "'", "the user denied the request; run login again to sign in.");
            assertThat(store.exists()).isFalse();
            assertNothingSecret(server, login, store, Map.of());
        }
    }

    @Test
    void loginEndsWithExitOneAndSaysTheCodeExpiredWhenNobodySignsInInTime() {
        try (AuthServer server = AuthServer.builder().deviceCodeTtl(Duration.ofSeconds(2)).start()) {
            TestTokenStore store = TestTokenStore.in(dir, CLIENT);
            Path config = config(server, store, "");

            try (JavaProcess login = cli("login", config, store).start()) {
                assertThat(login.awaitExit(EXIT)).as(login.stdout() + login.stderr()).isEqualTo(1);
                assertThat(login.stdout()).isEmpty();
                assertThat(login.stderr()).contains("The code is valid for 0:02", "the code expired",
                        "the code expired before you finished signing in; run login again.");
                assertThat(store.exists()).isFalse();
                assertNothingSecret(server, login, store, Map.of());
            }
            assertThat(server.tokenRequests(AuthServer.DEVICE_CLIENT_ID, DeviceClient.DEVICE_GRANT))
                    .as("polls with a code that expired before the first interval").isZero();
        }
    }

    @Test
    void logoutRevokesTheStoredRefreshTokenAtTheServerAndDeletesTheStore() {
        AuthServer server = AuthServer.shared();
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        DeviceClient device = new DeviceClient(server);
        String refreshToken = device.loginInto(store).refreshToken();
        Path config = config(server, store, "");

        try (JavaProcess logout = cli("logout", config, store).start()) {
            assertThat(logout.awaitExit(EXIT)).as(logout.stdout() + logout.stderr()).isZero();
            assertThat(logout.stdout().lines()).containsExactly(
                    "client '" + CLIENT + "': the refresh token is revoked at " + server.revocationUrl(),
                    "client '" + CLIENT + "': deleted the token store " + store.path());
            assertThat(store.exists()).isFalse();
            assertNothingSecret(server, logout, store, Map.of("refresh token", refreshToken));
        }
        DeviceClient.Answer reuse = device.refresh(refreshToken);
        assertThat(reuse.error()).as(reuse.toString()).isEqualTo("invalid_grant");
    }

    @Test
    void checkRedeemsTheStoredRefreshTokenAndStoresTheRotatedOneSoTheLoginSurvivesIt() {
        AuthServer server = AuthServer.shared();
        DeviceClient device = new DeviceClient(server);
        TestTokenStore store = TestTokenStore.in(dir, CLIENT);
        String loggedIn = device.loginInto(store).refreshToken();
        Path config = config(server, store, "");

        try (JavaProcess check = JavaProcess.builder("cli-check").jar(E2ePaths.agentJar())
                .env(TestTokenStore.KEY_ENV, store.keyBase64()).args("check", "--config", config.toString()).start()) {
            assertThat(check.awaitExit(EXIT)).as(check.stdout() + check.stderr()).isZero();
            assertThat(check.stdout()).contains("client '" + CLIENT + "'", "OK", "all 1 client(s) OK");
            TokenRecord stored = store.read();
            assertThat(stored.refreshToken()).as("the stored refresh token after check").isNotEqualTo(loggedIn);
            assertThat(device.isActive(stored.refreshToken())).as("the one check stored").isTrue();
            assertThat(device.isActive(loggedIn)).as("the one check spent").isFalse();
            assertNothingSecret(server, check, store, Map.of("logged-in refresh token", loggedIn,
                    "stored refresh token", stored.refreshToken()));
        }
    }

    private Path config(AuthServer server, TestTokenStore store, String extraLines) {
        return DeviceCodeConfig.write(dir, DeviceCodeConfig.client(CLIENT, server, store) + extraLines);
    }

    private static dev.oauthagent.e2e.support.JavaProcessBuilder cli(String command, Path config,
            TestTokenStore store) {
        return JavaProcess.builder("cli-" + command).jar(E2ePaths.agentJar())
                .env(TestTokenStore.KEY_ENV, store.keyBase64())
                .args(command, CLIENT, "--config", config.toString());
    }

    /** Reads the instructions as the person would, on the login's stderr, and approves. */
    private static Outcome approveAsTheUser(AuthServer server, JavaProcess login) {
        DeviceInstructionsOnStderr instructions = DeviceInstructionsOnStderr.await(login, INSTRUCTIONS);
        assertThat(instructions.verificationUri()).isEqualTo(server.issuer() + "/oauth2/device_verification");
        login.awaitLine("  (or open " + instructions.verificationUri() + "?user_code=" + instructions.userCode() + ")",
                INSTRUCTIONS);
        return instructions.approve(server);
    }

    /**
     * Neither the tokens, the store's key nor the user's password are in the output, nor anything as long as the
     * device code (which the test never sees): the user code and a fingerprint are all a login prints.
     */
    private static void assertNothingSecret(AuthServer server, JavaProcess process, TestTokenStore store,
            Map<String, String> tokens) {
        String output = process.stdout() + process.stderr();
        Map<String, String> secrets = new LinkedHashMap<>(tokens);
        secrets.put("token store key", store.keyBase64());
        secrets.put("user password", server.userPassword());
        SecretForms.assertAbsent("the output of " + process, output, secrets);
        // The store's path and the server's metadata document URL (which check names) are long, but not secret.
        String metadataDocument = server.issuer() + "/.well-known/oauth-authorization-server";
        List<String> tokenLike = output.lines().filter(line -> TOKEN_LIKE.matcher(line.replace(store.path()
                .toString(), "").replace(metadataDocument, "")).find()).toList();
        assertThat(tokenLike).as("lines with something as long as a token").isEmpty();
    }
}
