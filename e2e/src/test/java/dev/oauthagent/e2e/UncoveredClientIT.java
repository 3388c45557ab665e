package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.RecorderPerClass;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client the agent does not instrument (Jetty's HttpClient) connecting to a configured host gets one warning
 * that names the host, the client and the library, and its requests carry no token; the JDK clients the agent
 * instruments, sync and async, get no such warning. The report is made at the JDK's TCP connect. And
 * {@code check --classpath} finds Jetty through the application jar's manifest Class-Path.
 */
class UncoveredClientIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String REPORT = "no token on connections to ";

    @RegisterExtension
    static final RecorderPerClass origin = new RecorderPerClass();

    @TempDir
    Path dir;

    @Test
    void jettyConnectingToAConfiguredHostIsReportedOnceWithHostClientAndLibraryAndItsRequestsCarryNoToken()
            throws IOException {
        Path config = config();
        String configured = origin.recorder().url().resolve("/api/orders").toString();
        String elsewhere = configured.replace("127.0.0.1", "localhost"); // same server, a host no client lists

        try (JavaProcess app = AgentApps.start("jetty-client-app", config, "--url=" + configured,
                "--url=" + elsewhere, "--requests=3")) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE requests=6");
            List<String> reports = reports(app);
            assertThat(reports).as("three connections, one host and library: one line\n" + app.stderr()).hasSize(1);
            assertThat(reports.get(0))
                    .contains(REPORT + "127.0.0.1:" + origin.recorder().port() + " (a host of client 'api') opened by"
                            + " Jetty HttpClient (org.eclipse.jetty.")
                    .containsPattern("in jetty-[a-z]+-12\\.1\\.14\\.jar, version 12\\.1\\.14\\) on thread '")
                    .contains("so its requests carry no token")
                    .startsWith("[oauth-agent] WARN ");
        }
        assertThat(origin.recorder().recorded()).hasSize(6).allMatch(line -> line.endsWith("authorization=none"));
    }

    @Test
    void theJdkClientsTheAgentInstrumentsAreNotReportedSyncOrAsync() throws IOException {
        Path config = config();
        String configured = origin.recorder().url().resolve("/api/orders").toString();

        try (JavaProcess app = AgentApps.start("urlconnection-app", config, "--url=" + configured, "--requests=2")) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(reports(app)).as(app.stderr()).isEmpty();
        }
        try (JavaProcess app = AgentApps.start("httpclient-app", config, "--url=" + configured, "--requests=2",
                "--mode=BOTH")) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(reports(app)).as("async connects happen on the client's own threads\n" + app.stderr())
                    .isEmpty();
        }
        assertThat(origin.recorder().recorded()).as("matched: each request carried a token").hasSize(6)
                .allMatch(line -> line.contains("authorization=Bearer fp="));
    }

    @Test
    void checkListsJettyFromTheApplicationJarsClassPathAsNotCoveredBesideTheJdksClients() {
        Path app = E2ePaths.testApp("jetty-client-app");

        try (JavaProcess cli = JavaProcess.builder("cli-check-classpath").jar(E2ePaths.agentJar())
                .args("check", "--classpath", app.toString()).start()) {
            assertThat(cli.awaitExit(WAIT)).as(cli.stdout() + cli.stderr()).isZero();
            assertThat(cli.stdout()).containsPattern("HttpURLConnection \\(JDK\\) +covered +built in")
                    .containsPattern("Jetty HttpClient +NOT COVERED +jetty-client-12\\.1\\.14\\.jar \\(version"
                            + " 12\\.1\\.14\\): its requests get no token")
                    .contains("no clients are configured: only the class path was checked");
        }
    }

    private static List<String> reports(JavaProcess app) {
        return app.stderr().lines().filter(line -> line.contains(REPORT)).collect(Collectors.toList());
    }

    private Path config() {
        return AgentApps.apiClientConfig(dir, "127.0.0.1:" + origin.recorder().port(), "/api");
    }
}
