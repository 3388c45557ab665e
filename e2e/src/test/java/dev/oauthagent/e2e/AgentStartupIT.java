package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.fixtures.ScriptedChild;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.SecretForms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An application started with -javaagent: the agent fetches tokens in the background, or stays out of the way. */
class AgentStartupIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "basic-" + UUID.randomUUID();

    private static AuthServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = AuthServer.builder().basicClientSecret(SECRET).tokenTtl(Duration.ofSeconds(4)).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void agentFetchesATokenAtStartAndRefreshesItBeforeItExpiresWithoutLoggingSecrets() {
        // Configuration from environment variables alone: no file.
        try (JavaProcess app = inventoryClientAtDebugUnscrubbed(SECRET).args("out:APP_STARTED", "hang").start()) {
            app.awaitLine("APP_STARTED", WAIT);
            String first = app.awaitLine(Pattern.compile("client 'inventory': token [0-9a-f]{8} obtained"), WAIT);
            assertThat(first).startsWith("[oauth-agent]");
            // A 4 s token (the server rounds expires_in down to 3) is refreshed at about half its lifetime.
            app.awaitLines(Pattern.compile("client 'inventory': token [0-9a-f]{8} refreshed"), 2, WAIT);
            assertNoCredentialIn(app, SECRET);
        }
    }

    @Test
    void aRefusedClientSecretIsReportedWithoutLoggingItInAnyForm() {
        String wrongSecret = "wrong-" + UUID.randomUUID();
        try (JavaProcess app = inventoryClientAtDebugUnscrubbed(wrongSecret).args("out:APP_STARTED", "hang").start()) {
            app.awaitLine("APP_STARTED", WAIT);
            app.awaitLine(Pattern.compile("client 'inventory'.*invalid_client"), WAIT);
            assertNoCredentialIn(app, wrongSecret);
        }
    }

    @Test
    void invalidConfigurationPrintsOneClearErrorAndTheApplicationStillRuns() throws IOException {
        Path config = Files.writeString(dir.resolve("agent.properties"),
                "oauth.agent.clients.inventory.token-url=not a url\n"
                        + "oauth.agent.clients.inventory.client-secret=" + SECRET + "\n");

        try (JavaProcess app = app("bad-config", "config=" + config).args("out:APP_RAN", "exit:0").start()) {
            assertThat(app.awaitExit(WAIT)).isZero();
            assertThat(app.stdout()).contains("APP_RAN");
            assertThat(app.stderr()).contains("oauth-agent: invalid configuration", "token-url", "client-id",
                    "client(s) 'inventory' NOT active");
            assertThat(app.stderr().lines().filter(l -> l.contains("invalid configuration")).count()).isEqualTo(1);
            assertThat(app.stdout() + app.stderr()).doesNotContain(SECRET);
        }
    }

    @Test
    void disabledAgentDoesNothingAndTheApplicationRunsUntouched() throws IOException {
        Path config = Files.writeString(dir.resolve("agent.properties"), "oauth.agent.enabled=false\n");

        try (JavaProcess app = app("disabled", "config=" + config).args("out:APP_RAN", "exit:0").start()) {
            assertThat(app.awaitExit(WAIT)).isZero();
            assertThat(app.stdout()).contains("APP_RAN");
            assertThat(app.stderr()).doesNotContain("oauth-agent");
        }
    }

    /**
     * The inventory client from environment variables alone, with the agent's log at debug (every line the token
     * path can log) and its scrubbing off, so that no line it writes is cleaned up before the test reads it.
     */
    private static JavaProcessBuilder inventoryClientAtDebugUnscrubbed(String secret) {
        return app("config-from-env", null)
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_TOKEN_URL", server.tokenUrl().toString())
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_CLIENT_ID", server.basicClientId())
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_CLIENT_SECRET", "${env:INVENTORY_SECRET}")
                .env("INVENTORY_SECRET", secret)
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_HOSTS", "inventory.example.internal")
                .env("OAUTH_AGENT_CLIENTS_INVENTORY_ALLOW_HTTP", "true")
                .env("OAUTH_AGENT_LOG_LEVEL", "debug")
                .env("OAUTH_AGENT_SCRUB_ENABLED", "false");
    }

    private static void assertNoCredentialIn(JavaProcess app, String secret) {
        String output = app.stdout() + app.stderr();
        SecretForms.assertAbsent("the output of " + app, output,
                SecretForms.clientCredentials("client 'inventory'", server.basicClientId(), secret));
        assertThat(output).as("a token (JWT) in the output of %s", app).doesNotContain("eyJ");
    }

    private static JavaProcessBuilder app(String name, String agentArgs) {
        return JavaProcess.builder(name).mainClass(ScriptedChild.class).javaAgent(E2ePaths.agentJar(), agentArgs);
    }
}
