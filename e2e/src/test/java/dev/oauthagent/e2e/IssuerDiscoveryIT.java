package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.ApiPerClass;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.BrowserlessUser.Outcome;
import dev.oauthagent.e2e.support.BrowserlessUser.Stage;
import dev.oauthagent.e2e.support.DeviceCodeConfig;
import dev.oauthagent.e2e.support.DeviceInstructionsOnStderr;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.TestTokenStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client configured with only the issuer of the real Spring Authorization Server, no token-url: under the agent
 * its tokens reach the protected API, which validates them; {@code check} prints the endpoints the server's RFC
 * 8414 metadata document gave; an issuer that differs from the document's by a trailing slash is refused naming
 * both values; an unreachable issuer leaves the client without a token, under its fail-mode. A device code client
 * with only the issuer runs its login at start with the discovered device endpoint.
 */
class IssuerDiscoveryIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final ApiPerClass apiPerClass = new ApiPerClass();

    @TempDir
    Path dir;


    /** @param more further lines of the client, e.g. "wait-timeout=2s" */
    private Path config(String issuer, String... more) throws IOException {
        String p = "oauth.agent.clients.api.";
        StringBuilder extra = new StringBuilder();
        for (String line : more) {
            extra.append(p).append(line).append('\n');
        }
        return Files.writeString(dir.resolve("agent.properties"), extra + String.join("\n",
                p + "issuer=" + issuer,
                p + "client-id=" + AuthServer.BASIC_CLIENT_ID,
                p + "client-secret=${env:" + AgentApps.SECRET_ENV + "}",
                p + "hosts=127.0.0.1:" + apiPerClass.server().url().getPort(),
                p + "paths=/api",
                p + "allow-http=true",
                ""));
    }

    @Test
    void aClientWithOnlyTheIssuerGetsTokensThatTheProtectedApiAccepts() throws IOException {
        long accepted = apiPerClass.server().accepted();
        Path config = config(AuthServer.shared().issuer().toString());

        try (JavaProcess app = AgentApps.start("httpclient-app", config, "--url=" + apiPerClass.server().helloUrl(),
                "--url=" + apiPerClass.server().echoUrl(), "--method=ALTERNATE")) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE ok=2 failed=0");
            assertThat(app.stdout() + app.stderr()).doesNotContain(AuthServer.shared().basicClientSecret())
                    .doesNotContain("eyJ");
        }
        assertThat(apiPerClass.server().accepted()).isEqualTo(accepted + 2);
    }

    @Test
    void anUnreachableIssuerFollowsFailClosedAndSaysWhichIssuerItCannotReach() throws IOException {
        long accepted = apiPerClass.server().accepted();
        int closed = AgentApps.closedPort();
        Path config = config("http://127.0.0.1:" + closed, "wait-timeout=2s");

        try (JavaProcess app = AgentApps.start("httpclient-app", config, "--url=" + apiPerClass.server().helloUrl())) {
            assertThat(app.awaitExit(WAIT)).isEqualTo(1);
            assertThat(app.stdout()).contains("DONE ok=0 failed=1")
                    .contains("error=java.io.IOException: oauth-agent: no token for client 'api'");
            assertThat(app.stderr()).contains("cannot reach issuer 127.0.0.1:" + closed + " (connection refused);"
                    + " check oauth.agent.clients.api.issuer and network.");
        }
        assertThat(apiPerClass.server().accepted()).isEqualTo(accepted);
    }

    @Test
    void aDeviceCodeClientWithOnlyTheIssuerRunsItsLoginAtStartWithTheDiscoveredEndpointsThenItsRequestsSucceed() {
        AuthServer server = AuthServer.shared();
        TestTokenStore store = TestTokenStore.in(dir, "reports");
        String p = "oauth.agent.clients.reports.";
        String lines = DeviceCodeConfig.client("reports", server, store)
                .replace(p + "token-url=" + server.tokenUrl() + "\n", p + "issuer=" + server.issuer() + "\n")
                .replace(p + "device-authorization-url=" + server.deviceAuthorizationUrl() + "\n", "")
                + p + "hosts=127.0.0.1:" + apiPerClass.server().url().getPort() + "\n" + p + "paths=/api\n";
        assertThat(lines).doesNotContain("token-url").doesNotContain("device-authorization-url");
        Path config = DeviceCodeConfig.write(dir, lines);

        try (JavaProcess app = JavaProcess.builder("urlconnection-app-issuer")
                .jar(E2ePaths.testApp("urlconnection-app")).javaAgent(E2ePaths.agentJar(), "config=" + config)
                .env(TestTokenStore.KEY_ENV, store.keyBase64())
                .args("--url=" + apiPerClass.server().helloUrl(), "--requests=300", "--pause-ms=100").start()) {
            Outcome outcome = DeviceInstructionsOnStderr.await(app, WAIT).approve(server);
            assertThat(outcome.stage()).as(outcome.toString()).isEqualTo(Stage.DEVICE_APPROVED);
            app.awaitLines(Pattern.compile("^REQUEST \\d+ status=200 "), 3, WAIT);
            assertThat(store.read()).as("the store after the login at start").isNotNull();
            assertThat(app.stdout() + app.stderr()).doesNotContain(store.read().refreshToken());
        }
    }

    @Test
    void checkPrintsTheEndpointsDiscoveryGaveAndGetsAToken() throws IOException {
        AuthServer server = AuthServer.shared();
        Path config = config(server.issuer().toString());

        try (JavaProcess cli = check(config)) {
            assertThat(cli.awaitExit(WAIT)).as(cli.stdout() + cli.stderr()).isZero();
            assertThat(cli.stdout())
                    .contains("  ok    issuer-discovered: discovered from " + server.issuer()
                            + "/.well-known/oauth-authorization-server: token_endpoint " + server.tokenUrl()
                            + ", device_authorization_endpoint " + server.issuer() + "/oauth2/device_authorization"
                            + ", authorization_endpoint " + server.issuer() + "/oauth2/authorize"
                            + ", revocation_endpoint " + server.issuer() + "/oauth2/revoke")
                    .contains("client 'api': OK  token_type=Bearer");
            assertThat(cli.stdout() + cli.stderr()).doesNotContain(server.basicClientSecret());
        }
    }

    @Test
    void checkRefusesAnIssuerThatDiffersFromTheDocumentsByATrailingSlashNamingBoth() throws IOException {
        AuthServer server = AuthServer.shared();
        Path config = config(server.issuer() + "/");

        try (JavaProcess cli = check(config)) {
            assertThat(cli.awaitExit(WAIT)).isEqualTo(1);
            assertThat(cli.stdout()).contains("client 'api': FAILED  oauth-agent: client 'api': the metadata document "
                    + server.issuer() + "/.well-known/oauth-authorization-server names issuer " + server.issuer()
                    + ", but oauth.agent.clients.api.issuer is " + server.issuer() + "/; they must be equal exactly"
                    + " (RFC 8414 §3.3).");
            assertThat(cli.stdout() + cli.stderr()).doesNotContain(server.basicClientSecret());
        }
    }

    private static JavaProcess check(Path config) {
        return JavaProcess.builder("check-issuer").jar(E2ePaths.agentJar())
                .args("check", "--config", config.toString())
                .env(AgentApps.SECRET_ENV, AuthServer.shared().basicClientSecret())
                .start();
    }
}
