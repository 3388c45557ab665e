package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.ResourceServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's main path with the JDK's HttpURLConnection: an unmodified program under -javaagent gets
 * through to a protected API that really validates the tokens, and nothing else gets a token. The full
 * matrix (redirects, host tricks, expiry) is the injection contract suite; this is the smoke test that says
 * whether injection works at all on this JDK.
 */
class UrlConnectionInjectionIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ResourceServer api;
    private static OriginRecorder recorder;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        recorder = OriginRecorder.start();
        api = ResourceServer.start(AuthServer.shared());
    }

    @AfterAll
    static void stopServers() {
        if (api != null) {
            api.close();
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        recorder.reset();
    }

    @Test
    void getAndPostToTheProtectedApiSucceedWithTheAgentsTokenAndNoSecretOrTokenIsPrinted() throws IOException {
        AuthServer auth = AuthServer.shared();
        long accepted = api.accepted();
        Path config = config("api", auth.tokenUrl().toString(), "127.0.0.1:" + api.url().getPort(), "/api");

        String[][] runs = {
            {"--url=" + api.helloUrl(), "--requests=2", "--method=GET"},
            {"--url=" + api.echoUrl(), "--requests=2", "--method=POST"},
        };
        for (String[] args : runs) {
            try (JavaProcess app = app(config, args)) {
                assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
                assertThat(app.stdout()).contains("DONE ok=2 failed=0");
                String output = app.stdout() + app.stderr();
                assertThat(output).doesNotContain(auth.basicClientSecret()).doesNotContain("eyJ")
                        .doesNotContain("Sharing is only supported for boot loader classes");
                // Not "started with ...": that line comes once every instrumentation is installed, and a short
                // program can be done by then (its HTTP client is released earlier). The token line comes first.
                assertThat(app.stderr()).as("the agent's own log format, set before its first log line")
                        .contains("[oauth-agent] INFO client 'api': token ").doesNotContain("dev.oauthagent");
            }
        }
        assertThat(api.accepted()).isEqualTo(accepted + 4);
    }

    @Test
    void everyWayAProgramCanSendABodyAndReadTheAnswerCarriesTheToken() throws IOException {
        AuthServer auth = AuthServer.shared();
        long accepted = api.accepted();
        Path config = config("api", auth.tokenUrl().toString(), "127.0.0.1:" + api.url().getPort(), "/api");

        for (String body : new String[] {"--body=CHUNKED", "--body=BUFFERED", "--body=FIXED"}) {
            try (JavaProcess app = app(config, "--url=" + api.echoUrl(), "--requests=2", "--method=POST", body,
                    "--read=STREAM_FIRST")) {
                assertThat(app.awaitExit(WAIT)).as(body + "\n" + app.stdout() + app.stderr()).isZero();
                assertThat(app.stdout()).contains("DONE ok=2 failed=0");
            }
        }
        assertThat(api.accepted()).isEqualTo(accepted + 6);
    }

    @Test
    void anOriginNoClientMatchesGetsNoAuthorizationHeader() throws IOException {
        AuthServer auth = AuthServer.shared();
        // The client matches the recorder's host and port, but only under /api.
        Path config = config("api", auth.tokenUrl().toString(), "127.0.0.1:" + recorder.url().getPort(), "/api");

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/public/x"), "--requests=2",
                "--method=ALTERNATE")) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
        }
        assertThat(recorder.recorded()).containsExactly(
                "GET /public/x authorization=none", "POST /public/x authorization=none");
    }

    @Test
    void failClosedWithoutATokenFailsTheRequestBeforeItLeavesTheJvm() throws IOException {
        Path config = config("api", "http://127.0.0.1:" + AgentApps.closedPort() + "/oauth2/token",
                "127.0.0.1:" + recorder.url().getPort(), "/api");
        Files.writeString(config, "oauth.agent.clients.api.wait-timeout=2s\n",
                java.nio.file.StandardOpenOption.APPEND);

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/orders"), "--requests=2",
                "--method=ALTERNATE")) {
            assertThat(app.awaitExit(WAIT)).isEqualTo(1);
            assertThat(app.stdout() + app.stderr()).contains("oauth-agent: no token for client 'api'")
                    .contains("DONE ok=0 failed=2")
                    .doesNotContain("oauth-agent: no token for client 'api': oauth-agent:");
        }
        assertThat(recorder.recorded()).isEmpty();
    }

    private Path config(String client, String tokenUrl, String host, String path) throws IOException {
        String prefix = "oauth.agent.clients." + client + ".";
        return Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                prefix + "token-url=" + tokenUrl,
                prefix + "client-id=" + AuthServer.BASIC_CLIENT_ID,
                prefix + "client-secret=${env:API_CLIENT_SECRET}",
                prefix + "hosts=" + host,
                prefix + "paths=" + path,
                prefix + "allow-http=true",
                ""));
    }

    private static JavaProcess app(Path config, String... args) {
        return AgentApps.start("urlconnection-app", config, args);
    }

}
