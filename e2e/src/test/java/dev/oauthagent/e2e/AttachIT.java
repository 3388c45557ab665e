package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.OriginRecorder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar oauth-agent.jar attach <pid>} against an application that was started without the agent:
 * the agent starts inside it and fetches a token from the real authorization server; a bad pid or a bad
 * configuration fails in the terminal and leaves the application untouched.
 */
class AttachIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The shared server's secret for basic-client: the application has it in its environment, nothing prints it. */
    private static final String SECRET_VAR = "INVENTORY_SECRET";
    /** Above Linux's largest pid_max (2^22), so no process can have it. */
    private static final String NO_SUCH_PID = "99999999";
    private static final Pattern TOKEN_OBTAINED = Pattern.compile("client 'inventory': token ([0-9a-f]{8}) obtained");
    private static final Pattern REQUEST_LINE = Pattern.compile("^REQUEST \\d+ ");
    /** Requests the application sends after the agent reports it started, before the recorder is read. */
    private static final int REQUESTS_AFTER_START = 3;
    private static final Pattern LOADED_ON_JAVA = Pattern.compile("loaded into process \\d+ \\(Java (\\d+)\\)");

    private static AuthServer server;
    private static OriginRecorder recorder;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        server = AuthServer.shared();
        recorder = OriginRecorder.start();
    }

    @AfterAll
    static void stopRecorder() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void attachStartsTheAgentInARunningAppWhichFetchesATokenAndASecondAttachFindsItRunning() throws IOException {
        // Relative on purpose: the application runs in another directory, so the command must make it absolute.
        write("agent.properties", inventoryClient());

        try (JavaProcess app = runningApp("attach-target")) {
            String path = "/attach-target"; // runningApp's requests go to /<name>
            assertThat(recorded(path)).as("before attach").isNotEmpty().allMatch(r -> r.endsWith("authorization=none"));
            try (JavaProcess cli = attach(app, "config=agent.properties")) {
                assertThat(cli.awaitExit(WAIT)).as(cli.stdout() + cli.stderr()).isZero();
                assertThat(cli.stdout()).containsPattern(LOADED_ON_JAVA).contains("application's stderr");
                app.awaitLine("started with 1 client(s): [inventory]", WAIT);
                Matcher obtained = TOKEN_OBTAINED.matcher(app.awaitLine(TOKEN_OBTAINED, WAIT));
                assertThat(obtained.find()).isTrue();
                assertRequestsAfterTheStartCarryTheToken(app, path, obtained.group(1));
                assertDynamicLoadingWarningMatchesTheJavaVersion(cli, app);
                assertNoSecret(app, cli);
            }
            try (JavaProcess again = attach(app, "config=agent.properties")) {
                assertThat(again.awaitExit(WAIT)).as(again.stdout() + again.stderr()).isZero();
                app.awaitLine("oauth-agent: already running in this JVM; ignoring the second start.", WAIT);
                assertNoSecret(app, again);
            }
            assertThat(app.isAlive()).as("the application keeps running").isTrue();
        }
    }

    @Test
    void pidOfNoProcessExitsOneAndSaysHowToFindThePid() {
        try (JavaProcess cli = cli("attach-no-such-pid").args("attach", NO_SUCH_PID).start()) {
            assertThat(cli.awaitExit(WAIT)).isEqualTo(1);
            assertThat(cli.stderr()).contains("no process with pid " + NO_SUCH_PID + " is running", "jps -l");
        }
    }

    @Test
    void invalidConfigurationExitsTwoWithTheConfigMessagesAndTheAppNeverSeesTheAgent() throws IOException {
        write("agent.properties", inventoryClient().replace("scopes=read", "scoeps=read"));

        try (JavaProcess app = runningApp("attach-bad-config-target");
                JavaProcess cli = attach(app, "config=agent.properties")) {
            assertThat(cli.awaitExit(WAIT)).isEqualTo(2);
            assertThat(cli.stderr()).contains("oauth-agent: invalid configuration", "scoeps", "did you mean",
                    "NOT loaded into process " + app.pid());
            assertThat(app.stderr()).doesNotContain("oauth-agent");
            assertNoSecret(app, cli);
        }
    }

    @Test
    void secretSetOnlyInTheTerminalIsReportedMissingBecauseTheAgentReadsTheApplicationsEnvironment()
            throws IOException {
        write("agent.properties", inventoryClient());

        try (JavaProcess app = runningApp("attach-env-target", builder -> builder.env(SECRET_VAR, null));
                JavaProcess cli = cli("attach-env").workingDirectory(dir)
                        .env(SECRET_VAR, server.basicClientSecret())
                        .args("attach", String.valueOf(app.pid()), "config=agent.properties").start()) {
            assertThat(cli.awaitExit(WAIT)).isEqualTo(2);
            assertThat(cli.stderr()).contains("env var " + SECRET_VAR + ", which is not set",
                    "must be set where the application runs");
            assertThat(app.stderr()).doesNotContain("oauth-agent");
            assertNoSecret(app, cli);
        }
    }

    @Test
    void appStartedWithDisableAttachMechanismIsReportedWithThatOptionAndTheWayOut() {
        try (JavaProcess app = runningApp("attach-disabled-target",
                builder -> builder.jvmArgs("-XX:+DisableAttachMechanism"));
                JavaProcess cli = attach(app, "log-level=info")) {
            assertThat(cli.awaitExit(WAIT)).isEqualTo(1);
            assertThat(cli.stderr()).contains("process " + app.pid() + " refuses to be attached to",
                    "-XX:+DisableAttachMechanism", "-javaagent:");
            assertThat(app.stderr()).doesNotContain("oauth-agent");
        }
    }

    @Test
    void appRefusingAgentsLoadedAtRunTimeIsReportedWithTheFlagThatAllowsThem() {
        try (JavaProcess app = runningApp("attach-no-dynamic-target",
                builder -> builder.jvmArgs("-XX:-EnableDynamicAgentLoading"));
                JavaProcess cli = attach(app, "log-level=info")) {
            assertThat(cli.awaitExit(WAIT)).isEqualTo(1);
            assertThat(cli.stderr()).contains("process " + app.pid() + " does not accept agents loaded at run time",
                    "-XX:+EnableDynamicAgentLoading");
            assertThat(app.stderr()).doesNotContain("oauth-agent");
        }
    }

    private JavaProcess runningApp(String name) {
        return runningApp(name, builder -> builder.env(SECRET_VAR, server.basicClientSecret()));
    }

    /** The unmodified HttpURLConnection app, long-running, started without any agent. */
    private JavaProcess runningApp(String name, java.util.function.UnaryOperator<JavaProcessBuilder> environment) {
        JavaProcess app = environment.apply(JavaProcess.builder(name).jar(E2ePaths.testApp("urlconnection-app"))
                .args("--url=" + recorder.url().resolve("/" + name), "--requests=1000", "--pause-ms=100"))
                .start();
        app.awaitLine("REQUEST 1 ", WAIT);
        return app;
    }

    /**
     * Classes already loaded when the agent arrives are retransformed: the application's HttpURLConnection,
     * in use since its first request, sends the Bearer token from the next request on. Requests in flight
     * while the agent started may go either way; once one carries the token, all later ones must.
     */
    private static void assertRequestsAfterTheStartCarryTheToken(JavaProcess app, String path, String fingerprint) {
        int printed = app.awaitLines(REQUEST_LINE, 1, WAIT).size();
        app.awaitLines(REQUEST_LINE, printed + REQUESTS_AFTER_START, WAIT);
        List<String> recorded = recorded(path);
        String bearer = "GET " + path + " authorization=Bearer fp=" + fingerprint;
        int first = recorded.indexOf(bearer);
        assertThat(first).as("a request with the agent's token in " + recorded).isNotNegative();
        assertThat(recorded.subList(first, recorded.size())).as(recorded.toString()).allMatch(bearer::equals);
        assertThat(recorded.size() - first).isGreaterThanOrEqualTo(REQUESTS_AFTER_START);
    }

    private static List<String> recorded(String path) {
        return recorder.recorded().stream().filter(r -> r.startsWith("GET " + path + " ")).toList();
    }

    private JavaProcess attach(JavaProcess app, String agentArgs) {
        return cli("attach-" + app.pid()).workingDirectory(dir).args("attach", String.valueOf(app.pid()), agentArgs)
                .start();
    }

    private static JavaProcessBuilder cli(String name) {
        return JavaProcess.builder(name).jar(E2ePaths.agentJar());
    }

    /** Java 21 and later warn on the application's stderr about an agent loaded at run time; the command says why. */
    private static void assertDynamicLoadingWarningMatchesTheJavaVersion(JavaProcess cli, JavaProcess app) {
        Matcher loaded = LOADED_ON_JAVA.matcher(cli.stdout());
        assertThat(loaded.find()).isTrue();
        if (Integer.parseInt(loaded.group(1)) >= 21) {
            app.awaitLine("WARNING: A Java agent has been loaded dynamically", WAIT);
            assertThat(cli.stdout()).contains("-XX:+EnableDynamicAgentLoading");
        } else {
            assertThat(cli.stdout()).doesNotContain("EnableDynamicAgentLoading");
        }
    }

    private static String inventoryClient() {
        String p = "oauth.agent.clients.inventory.";
        return "oauth.agent.log-level=debug\n" // every line the token path can log, none may hold the secret
                + p + "token-url=" + server.tokenUrl() + "\n"
                + p + "client-id=" + server.basicClientId() + "\n"
                + p + "client-secret=${env:" + SECRET_VAR + "}\n"
                + p + "scopes=read\n"
                + p + "hosts=127.0.0.1:" + recorder.url().getPort() + "\n"
                + p + "allow-http=true\n";
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    private static void assertNoSecret(JavaProcess... processes) {
        for (JavaProcess process : processes) {
            assertThat(process.stdout() + process.stderr()).as(process.toString())
                    .doesNotContain(server.basicClientSecret()).doesNotContain("eyJ"); // nor a JWT access token
        }
    }
}
