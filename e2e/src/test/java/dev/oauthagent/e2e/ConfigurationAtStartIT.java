package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oauthagent.e2e.fixtures.ScriptedChild;
import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.OriginRecorder;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a JVM under -javaagent does with a configuration that has problems (docs/configuration.md, "When the
 * configuration has problems"): what works runs, secrets stay scrubbed, strict=true stops the JVM, and nothing
 * in the configuration can keep the application from starting or hide the agent's warnings.
 */
class ConfigurationAtStartIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aBrokenClientStopsOnlyItselfTheGoodOneInjectsAndTheSecretsOfBothAreScrubbed() throws IOException {
        AuthServer auth = AuthServer.shared();
        String brokenSecret = "broken-" + UUID.randomUUID();
        try (OriginRecorder recorder = OriginRecorder.start()) {
            Path config = Files.writeString(dir.resolve("agent.properties"),
                    client("good", auth.tokenUrl().toString(), auth.basicClientId(), "GOOD_SECRET",
                            "127.0.0.1:" + recorder.port())
                            + client("broken", auth.tokenUrl().toString(), "broken-id", "BROKEN_SECRET",
                            "broken.example.internal")
                            + "oauth.agent.clients.broken.fail-mode=maybe\n");

            try (JavaProcess app = app("partial", "config=" + config)
                    .env("GOOD_SECRET", auth.basicClientSecret()).env("BROKEN_SECRET", brokenSecret)
                    .args("get:" + recorder.url().resolve("/api/orders"), "env:GOOD_SECRET", "env:BROKEN_SECRET",
                            "exit:0").start()) {
                assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
                assertThat(app.stderr()).contains("oauth.agent.clients.broken.fail-mode",
                        "client(s) 'broken' NOT active because of these problems; active: 'good'");
                assertThat(app.stdout()).contains("GOT 200", "GOOD_SECRET=[REDACTED]", "BROKEN_SECRET=[REDACTED]");
                assertThat(app.stdout() + app.stderr()).doesNotContain(auth.basicClientSecret())
                        .doesNotContain(brokenSecret);
            }
            assertThat(recorder.recorded()).singleElement().asString()
                    .matches("GET /api/orders authorization=Bearer fp=[0-9a-f]{8}");
        }
    }

    @Test
    void strictStopsTheJvmWithTheProblemBeforeTheApplicationsMainRuns() throws IOException {
        Path config = Files.writeString(dir.resolve("agent.properties"),
                "oauth.agent.strict=true\n"
                        + client("inventory", "http://127.0.0.1:" + AgentApps.closedPort() + "/token", "inventory-id",
                        "INVENTORY_SECRET", "inventory.example.internal")
                        + "oauth.agent.clients.inventory.fail-mode=maybe\n");

        try (JavaProcess app = app("strict", "config=" + config).env("INVENTORY_SECRET", "inventory-secret-value")
                .args("out:MAIN_RAN", "exit:0").start()) {
            assertThat(app.awaitExit(WAIT)).isEqualTo(2);
            assertThat(app.stderr()).contains("oauth.agent.clients.inventory.fail-mode",
                    "strict=true and the configuration has problems: stopping the JVM with exit status 2");
            assertThat(app.stdout()).doesNotContain("MAIN_RAN");
        }
    }

    @Test
    void aSecretFileThatIsAFifoNothingWritesToDoesNotKeepTheApplicationFromStarting() throws Exception {
        Path fifo = dir.resolve("secret-pipe");
        assumeTrue(mkfifo(fifo), "needs mkfifo");
        try {
            Path config = Files.writeString(dir.resolve("agent.properties"),
                    client("inventory", "http://127.0.0.1:" + AgentApps.closedPort() + "/token", "inventory-id",
                            null, "inventory.example.internal")
                            + "oauth.agent.clients.inventory.client-secret=${file:" + fifo + "}\n");

            try (JavaProcess app = app("fifo-secret", "config=" + config).args("out:APP_RAN", "exit:0").start()) {
                assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
                assertThat(app.stdout()).contains("APP_RAN");
                assertThat(app.stderr()).contains("oauth.agent.clients.inventory.client-secret: refers to file "
                        + fifo + ", which is not a regular file", "client(s) 'inventory' NOT active");
            }
        } finally {
            // Releases a reader stuck in open(), should one exist: opening a FIFO read-write never blocks (Linux).
            new RandomAccessFile(fifo.toFile(), "rw").close();
        }
    }

    @Test
    void warningsOfAJvmThatEndsAtOnceStillReachStderr() throws IOException {
        // Too short to be scrubbed, and written on the command line: two warnings, printed before main.
        String shortSecret = "ab" + UUID.randomUUID().toString().substring(0, 3);
        Path config = Files.writeString(dir.resolve("agent.properties"),
                client("inventory", "http://127.0.0.1:" + AgentApps.closedPort() + "/token", "inventory-id", null,
                        "inventory.example.internal"));

        try (JavaProcess app = app("short-lived", "config=" + config)
                .jvmArgs("-Doauth.agent.clients.inventory.client-secret=" + shortSecret).args("exit:0").start()) {
            assertThat(app.awaitExit(WAIT)).isZero();
            assertThat(app.stderr()).contains("[oauth-agent] WARN the client secret of client 'inventory' (from "
                    + "system property oauth.agent.clients.inventory.client-secret) is shorter than 6 characters");
            assertThat(app.stderr()).contains("[oauth-agent] WARN system property "
                    + "oauth.agent.clients.inventory.client-secret holds a literal secret",
                    "${env:INVENTORY_CLIENT_SECRET} or ${file:/run/secrets/inventory-client-secret}");
            assertThat(app.stderr().lines().filter(l -> l.contains("holds a literal secret")).count()).isOne();
        }
    }

    /** A client's lines; {@code secretVariable} null leaves client-secret to the test. */
    private static String client(String name, String tokenUrl, String clientId, String secretVariable,
            String hosts) {
        String prefix = "oauth.agent.clients." + name + ".";
        return prefix + "token-url=" + tokenUrl + "\n"
                + prefix + "client-id=" + clientId + "\n"
                + (secretVariable == null ? "" : prefix + "client-secret=${env:" + secretVariable + "}\n")
                + prefix + "hosts=" + hosts + "\n"
                + prefix + "paths=/api\n"
                + prefix + "allow-http=true\n";
    }

    private static JavaProcessBuilder app(String name, String agentArgs) {
        return JavaProcess.builder(name).mainClass(ScriptedChild.class).javaAgent(E2ePaths.agentJar(), agentArgs);
    }

    private static boolean mkfifo(Path fifo) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
