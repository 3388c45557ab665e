package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.OriginRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that ships its own byte-buddy (an older version, and the agent's own version, whose class names
 * would clash if the agent's were not relocated), jackson-databind 2.9, slf4j 1.7 with logback 1.2 and OkHttp runs
 * under the agent without a conflict: the classes it uses come from its own jars and work, its log lines go
 * through its logback, none of the agent's own or relocated classes can be loaded by its class loader, and its
 * HttpURLConnection request to a configured host carries a token (test-apps/coexistence-app).
 */
class CoexistenceIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String MAIN = "dev.oauthagent.testapps.coexistenceapp.CoexistenceApp";
    /** The agent's classes an application could try by name: its own, and each relocated library's. */
    private static final String[] AGENT_CLASSES = {
        "dev.oauthagent.agent.AgentStartup",
        "dev.oauthagent.agent.inject.Injector",
        "dev.oauthagent.agent.cli.Cli",
        "dev.oauthagent.agent.shaded.bytebuddy.ByteBuddy",
        "dev.oauthagent.agent.shaded.jackson.core.JsonFactory",
        "dev.oauthagent.agent.shaded.slf4j.LoggerFactory",
        "dev.oauthagent.agent.shaded.slf4j.simple.SimpleLogger",
    };

    private static OriginRecorder recorder;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRecorder() {
        recorder = OriginRecorder.start();
    }

    @AfterAll
    static void stopRecorder() {
        if (recorder != null) {
            recorder.close();
        }
    }

    static Stream<Path> byteBuddyJars() throws IOException {
        Path jars = E2ePaths.testApp("coexistence-app").getParent().resolve("byte-buddy");
        try (Stream<Path> files = Files.list(jars)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byteBuddyJars")
    void anApplicationWithItsOwnCopiesOfTheAgentsLibrariesRunsUnderItWithoutSeeingAnyOfItsClasses(Path byteBuddy)
            throws IOException {
        recorder.reset();
        Path config = AgentApps.apiClientConfig(dir, "127.0.0.1:" + recorder.port(), "/api");
        String[] args = new String[AGENT_CLASSES.length + 3];
        args[0] = "--byte-buddy-jar=" + byteBuddy.getFileName();
        args[1] = "--matched-url=" + recorder.url().resolve("/api/coexistence");
        args[2] = "--other-url=" + recorder.url().resolve("/public/okhttp").toString().replace("127.0.0.1", "localhost");
        for (int i = 0; i < AGENT_CLASSES.length; i++) {
            args[i + 3] = "--not-visible=" + AGENT_CLASSES[i];
        }

        try (JavaProcess app = JavaProcess.builder("coexistence-" + byteBuddy.getFileName())
                .classpath(E2ePaths.testApp("coexistence-app"), byteBuddy).mainClass(MAIN)
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .env(AgentApps.SECRET_ENV, AuthServer.shared().basicClientSecret())
                .args(args).start()) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE failed=0")
                    .contains("CHECK byte-buddy ok: " + byteBuddy.getFileName() + ", made by byte-buddy")
                    .contains("CHECK jackson ok: jackson-databind-2.9.10.8.jar, version 2.9.10")
                    .contains("CHECK slf4j ok: slf4j-api-1.7.36.jar, ch.qos.logback.classic.LoggerContext")
                    .contains("APPLOG INFO CoexistenceApp - logged through slf4j 1.7 and logback 1.2")
                    .contains("CHECK http-url-connection ok: status 200")
                    .contains("CHECK okhttp ok: okhttp-4.12.0.jar, status 200");
            for (String agentClass : AGENT_CLASSES) {
                assertThat(app.stdout()).contains("CHECK not-visible " + agentClass + " ok: not found");
            }
            assertThat(app.stderr()).as("slf4j 1.7 finds only logback's binding")
                    .doesNotContain("multiple SLF4J bindings").doesNotContain("SLF4J: ");
        }
        assertThat(recorder.recorded()).as("the HttpURLConnection request carried a token, OkHttp's to another host none")
                .hasSize(2).contains("GET /public/okhttp authorization=none")
                .anyMatch(line -> line.startsWith("GET /api/coexistence authorization=Bearer fp="));
    }
}
