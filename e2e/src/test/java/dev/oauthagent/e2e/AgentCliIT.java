package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
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

/**
 * The shipped jar's command line against the real authorization server: {@code check} runs the whole token
 * engine (both client-authentication methods, scopes, error mapping) in the jar users get, and no command
 * ever prints a secret.
 */
class AgentCliIT {
    private static final Duration EXIT = Duration.ofSeconds(60);
    private static final String BASIC_SECRET = "basic-" + UUID.randomUUID();
    private static final String POST_SECRET = "post-" + UUID.randomUUID();
    private static final Pattern FINGERPRINT = Pattern.compile("fingerprint=[0-9a-f]{8}");

    private static AuthServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = AuthServer.builder().basicClientSecret(BASIC_SECRET).postClientSecret(POST_SECRET).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void checkFetchesATokenWithBasicAndPostAuthenticationAndReportsGrantedScopes() throws IOException {
        Path config = write("agent.properties", client("inventory", server.basicClientId(), "INVENTORY_SECRET",
                "client_secret_basic", "read") + client("billing", server.postClientId(), "BILLING_SECRET",
                "client_secret_post", "read write"));

        try (JavaProcess cli = cli(config, "check").env("INVENTORY_SECRET", BASIC_SECRET)
                .env("BILLING_SECRET", POST_SECRET).start()) {
            assertThat(cli.awaitExit(EXIT)).as(cli.stdout() + cli.stderr()).isZero();
            String out = cli.stdout();
            assertThat(line(out, "client 'inventory'")).contains("OK", "token_type=Bearer", "scopes=read")
                    .containsPattern(FINGERPRINT).containsPattern("lifetime=\\d+s");
            assertThat(line(out, "client 'billing'")).contains("OK", "scopes=read write").containsPattern(FINGERPRINT);
            assertThat(out).contains("all 2 client(s) OK");
            assertNoSecret(cli);
        }
    }

    @Test
    void checkWithAWrongSecretReportsInvalidClientAndWhereTheSecretCameFrom() throws IOException {
        String wrong = "wrong-" + UUID.randomUUID();
        Path config = write("agent.properties",
                client("inventory", server.basicClientId(), "INVENTORY_SECRET", "client_secret_basic", "read"));

        try (JavaProcess cli = cli(config, "check").env("INVENTORY_SECRET", wrong).start()) {
            assertThat(cli.awaitExit(EXIT)).isEqualTo(1);
            assertThat(line(cli.stdout(), "client 'inventory'"))
                    .contains("FAILED", "invalid_client", "env var INVENTORY_SECRET");
            assertThat(cli.stdout() + cli.stderr()).doesNotContain(wrong).doesNotContain(BASIC_SECRET);
        }
    }

    @Test
    void checkWithAScopeTheServerDoesNotKnowReportsInvalidScope() throws IOException {
        Path config = write("agent.properties",
                client("inventory", server.basicClientId(), "INVENTORY_SECRET", "client_secret_basic", "admin"));

        try (JavaProcess cli = cli(config, "check").env("INVENTORY_SECRET", BASIC_SECRET).start()) {
            assertThat(cli.awaitExit(EXIT)).isEqualTo(1);
            assertThat(line(cli.stdout(), "client 'inventory'")).contains("FAILED", "invalid_scope");
            assertNoSecret(cli);
        }
    }

    @Test
    void checkWithAnUnreachableTokenEndpointFailsWithinTheTimeoutsAndSaysSo() throws IOException {
        Path config = write("agent.properties", client("inventory", server.basicClientId(), "INVENTORY_SECRET",
                "client_secret_basic", "read").replace(":" + server.port() + "/", ":1/"));

        try (JavaProcess cli = cli(config, "check").env("INVENTORY_SECRET", BASIC_SECRET).start()) {
            assertThat(cli.awaitExit(EXIT)).isEqualTo(1);
            assertThat(line(cli.stdout(), "client 'inventory'")).contains("FAILED", "127.0.0.1:1");
            assertNoSecret(cli);
        }
    }

    @Test
    void checkUrlExitsZeroWithTheTokenOfTheClientAUrlMatchesAndOneWithWhatDiffersForOneItMisses()
            throws IOException {
        Path config = write("agent.properties",
                client("inventory", server.basicClientId(), "INVENTORY_SECRET", "client_secret_basic", "read"));

        try (JavaProcess cli = cli(config, "check").args("--url", "http://inventory.example.internal/api/items?page=2")
                .env("INVENTORY_SECRET", BASIC_SECRET).start()) {
            assertThat(cli.awaitExit(EXIT)).as(cli.stdout() + cli.stderr()).isZero();
            assertThat(cli.stdout()).contains(
                    "http://inventory.example.internal/api/… carries the token of client 'inventory'");
            assertThat(line(cli.stdout(), "client 'inventory': ")).contains("OK").containsPattern(FINGERPRINT);
            assertNoSecret(cli);
        }
        try (JavaProcess cli = cli(config, "check").args("--url", "http://inventory.example.internal:8080/api/items")
                .env("INVENTORY_SECRET", BASIC_SECRET).start()) {
            assertThat(cli.awaitExit(EXIT)).as(cli.stdout() + cli.stderr()).isEqualTo(1);
            assertThat(cli.stdout()).contains("no client's token goes to http://inventory.example.internal:8080/api/…",
                    "nearest client: 'inventory'");
            assertThat(line(cli.stdout(), "port: ")).contains("port 8080",
                    "add inventory.example.internal:8080 to oauth.agent.clients.inventory.hosts");
            assertNoSecret(cli);
        }
    }

    @Test
    void atDebugLevelTheAgentExplainsOnceWhyRequestsToAnOriginGetNoToken() throws IOException {
        Path config = write("agent.properties", client("local", server.basicClientId(), "LOCAL_SECRET",
                "client_secret_basic", "read").replace("local.example.internal", "127.0.0.1")
                + "oauth.agent.clients.local.paths=/api\n" + "oauth.agent.log-level=debug\n");
        String url = "http://127.0.0.1:" + server.port() + "/api/hello";

        try (JavaProcess app = JavaProcess.builder("debug-no-token").jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config).env("LOCAL_SECRET", BASIC_SECRET)
                .args("--url=" + url, "--requests=3").start()) {
            app.awaitExit(EXIT);
            assertThat(app.stdout()).as(app.stderr()).contains("REQUEST 3 ");
            assertThat(app.stderr().lines().filter(l -> l.contains("no client's token goes to")))
                    .as(app.stderr()).singleElement().asString()
                    .contains("[oauth-agent] DEBUG", "http://127.0.0.1:" + server.port() + "/api/…",
                            "nearest client 'local'", "port: the request goes to port " + server.port(),
                            "add 127.0.0.1:" + server.port() + " to oauth.agent.clients.local.hosts");
            assertNoSecret(app);
        }
    }

    @Test
    void configPrintsEveryValueWithItsSourceAndMasksTheSecret() throws IOException {
        Path config = write("agent.properties",
                client("inventory", server.basicClientId(), "INVENTORY_SECRET", "client_secret_basic", "read"));

        try (JavaProcess cli = cli(config, "config").env("INVENTORY_SECRET", BASIC_SECRET)
                .jvmArgs("-Doauth.agent.clients.inventory.read-timeout=7s").start()) {
            assertThat(cli.awaitExit(EXIT)).as(cli.stderr()).isZero();
            String out = cli.stdout();
            assertThat(line(out, "oauth.agent.clients.inventory.client-secret")).contains("****", "INVENTORY_SECRET");
            assertThat(line(out, "oauth.agent.clients.inventory.read-timeout")).contains("7s", "sysprop");
            assertThat(line(out, "oauth.agent.clients.inventory.client-id")).contains("basic-client", "file");
            assertThat(line(out, "oauth.agent.clients.inventory.connect-timeout")).contains("default");
            assertNoSecret(cli);
        }
    }

    @Test
    void configWithProblemsListsEachWithItsFixAndExitsTwo() throws IOException {
        Path config = write("agent.properties", "oauth.agent.clients.inventory.token-url=http://as.example/token\n"
                + "oauth.agent.clients.inventory.client-secret=" + BASIC_SECRET + "\n"
                + "oauth.agent.clients.inventory.scoeps=read\n");

        try (JavaProcess cli = cli(config, "check").start()) {
            assertThat(cli.awaitExit(EXIT)).isEqualTo(2);
            assertThat(cli.stderr()).contains("invalid configuration", "client-id", "allow-http", "did you mean");
            assertNoSecret(cli);
        }
    }

    @Test
    void versionNamesTheAgentAndTheJvm() {
        try (JavaProcess cli = JavaProcess.builder("cli-version").jar(E2ePaths.agentJar()).args("version").start()) {
            assertThat(cli.awaitExit(EXIT)).isZero();
            assertThat(cli.stdout()).containsPattern("oauth-agent \\S+ on Java " + Runtime.version().feature());
        }
    }

    private static dev.oauthagent.e2e.support.JavaProcessBuilder cli(Path config, String command) {
        return JavaProcess.builder("cli-" + command).jar(E2ePaths.agentJar()).args(command, "--config", config.toString());
    }

    private static String client(String name, String clientId, String secretVar, String auth, String scopes) {
        String p = "oauth.agent.clients." + name + ".";
        return p + "token-url=" + server.tokenUrl() + "\n"
                + p + "client-id=" + clientId + "\n"
                + p + "client-secret=${env:" + secretVar + "}\n"
                + p + "client-auth=" + auth + "\n"
                + p + "scopes=" + scopes + "\n"
                + p + "hosts=" + name + ".example.internal\n"
                + p + "allow-http=true\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String line(String output, String containing) {
        return output.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in:\n" + output));
    }

    private static void assertNoSecret(JavaProcess process) {
        assertThat(process.stdout() + process.stderr()).doesNotContain(BASIC_SECRET).doesNotContain(POST_SECRET);
    }
}
