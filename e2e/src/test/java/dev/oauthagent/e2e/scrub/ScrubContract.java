package dev.oauthagent.e2e.scrub;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.FileTrees;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.SecretForms;
import dev.oauthagent.testapps.leaky.LeakyLines;
import dev.oauthagent.testapps.leaky.LeakySecrets;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the agent promises for every logging framework: a test app that logs the agent's token, its client
 * secret and Basic value in every form ({@code test-apps/leaky-lines}) runs under the agent, with the real
 * auth server; afterwards no form of any secret is in its stdout, stderr or log files, yet every leak line is
 * there whole with only its secrets replaced, wherever its marker is ({@link LeakLineCheck}: so the test cannot
 * pass by losing or cutting lines) and every clean line is byte for byte as written (so it cannot pass by
 * redacting everything). A framework's test is one subclass naming its
 * test app.
 *
 * <p>The app gets the token the way careless programs do: the agent adds it to a request, a server echoes it
 * back ({@code /__echo-authorization} of the origin recorder) and the program logs the response. The secret of
 * the shared auth server's post client holds {@code / + = & %}, so its encoded forms differ from the plain one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ScrubContract {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    /** A copy of stdout and stderr with a time stamp before every line: checked for secrets, not for whole lines. */
    private static final String PROCESS_LOG = "e2e process log";

    private OriginRecorder recorder;
    private final Map<String, AppOutput> runs = new LinkedHashMap<>();

    /** {@code test-apps/<appName>}: logs every leaky line through one framework, then prints {@link LeakyLines#DONE}. */
    protected abstract String appName();

    /** JVM options the app needs besides the agent (e.g. the framework's configuration file); none by default. */
    protected List<String> jvmArgs() {
        return List.of();
    }

    @BeforeAll
    void startRecorder() {
        recorder = OriginRecorder.start();
    }

    @AfterAll
    void stopRecorder() {
        if (recorder != null) {
            recorder.close();
        }
    }

    /** What the default run wrote to one output ("stdout", "stderr", "log file app.log"), for a subclass's checks. */
    protected final String defaultRunOutput(String where) {
        String text = run("default", Map.of()).texts.get(where);
        assertThat(text).as("%s of %s", where, appName()).isNotNull();
        return text;
    }

    @Test
    void everyLeakReachesTheLogWholeWithItsSecretReplaced() {
        AppOutput out = run("default", Map.of());
        SoftAssertions softly = new SoftAssertions();
        for (String leak : LeakyLines.leakNames()) {
            softly.assertThat(out.leakLineProblems(leak))
                    .as("every line 'LEAK %s:' of %s, whole with its secrets replaced", leak, appName()).isEmpty();
        }
        softly.assertAll();
    }

    @Test
    void noFormOfAnySecretIsInAnyOutput() {
        run("default", Map.of()).assertNoSecret();
    }

    @Test
    void cleanLinesComeThroughByteForByte() {
        AppOutput out = run("default", Map.of());
        for (String clean : cleanTexts()) {
            assertThat(out.containsVerbatim(clean)).as("clean line '%s' unchanged in some output of %s", clean, appName())
                    .isTrue();
        }
    }

    @Test
    void exactMatchingAloneKeepsTheAgentsOwnSecretsOut() {
        // Without the fallback patterns only the agent's live secrets are matched: they are what it promises.
        run("exact-only", Map.of("oauth.agent.scrub.patterns", "false")).assertNoSecret();
    }

    private static List<String> cleanTexts() {
        List<String> texts = new ArrayList<>();
        for (LeakyLines.Line line : LeakyLines.clean()) {
            texts.add(line.text());
        }
        return texts;
    }

    /** Runs the app once per setting name and keeps what it wrote: the tests of one class share the runs. */
    private synchronized AppOutput run(String setting, Map<String, String> globalKeys) {
        AppOutput existing = runs.get(setting);
        if (existing != null) {
            return existing;
        }
        AppOutput out = runApp(setting, globalKeys);
        runs.put(setting, out);
        return out;
    }

    private AppOutput runApp(String setting, Map<String, String> globalKeys) {
        AuthServer auth = AuthServer.shared();
        recorder.reset();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("scrub-" + appName() + "-" + setting);
            Path logDir = Files.createDirectories(dir.resolve("logs"));
            Path config = dir.resolve("agent.properties");
            StringBuilder properties = new StringBuilder()
                    .append("oauth.agent.clients.leaky.token-url=").append(auth.tokenUrl()).append('\n')
                    .append("oauth.agent.clients.leaky.client-id=").append(auth.postClientId()).append('\n')
                    .append("oauth.agent.clients.leaky.client-auth=client_secret_post\n")
                    .append("oauth.agent.clients.leaky.client-secret=${env:LEAKY_CLIENT_SECRET}\n")
                    .append("oauth.agent.clients.leaky.hosts=127.0.0.1:").append(recorder.port()).append('\n')
                    .append("oauth.agent.clients.leaky.paths=/__echo-authorization\n")
                    .append("oauth.agent.clients.leaky.allow-http=true\n");
            globalKeys.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
            Files.writeString(config, properties);

            List<String> jvmArgs = new ArrayList<>(jvmArgs());
            try (JavaProcess app = JavaProcess.builder(appName() + "-" + setting)
                    .jar(E2ePaths.testApp(appName()))
                    .javaAgent(E2ePaths.agentJar(), "config=" + config)
                    .jvmArgs(jvmArgs.toArray(new String[0]))
                    .env("LEAKY_CLIENT_SECRET", auth.postClientSecret())
                    .args("--echo-url=" + recorder.echoAuthorizationUrl(), "--client-id=" + auth.postClientId(),
                            "--log-dir=" + logDir)
                    .start()) {
                int exit = app.awaitExit(RUN_TIMEOUT);
                assertThat(exit).as("exit code of %s (%s)", appName(), setting).isZero();
                assertThat(app.stdout()).as("stdout of %s (%s)", appName(), setting).contains(LeakyLines.DONE);
                return new AppOutput(appName() + " (" + setting + ")", app, logDir, secrets(auth),
                        leakedSecrets(auth));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTrees.delete(dir); // tens of MB of logs per run (the 10 MB line, several appenders), read by now
        }
    }

    private Map<String, String> secrets(AuthServer auth) {
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> echoed = recorder.echoedAuthorizations();
        assertThat(echoed).as("Authorization values the app received (and logged)").isNotEmpty();
        for (int i = 0; i < echoed.size(); i++) {
            secrets.put("access token #" + (i + 1), echoed.get(i).substring("Bearer ".length()).trim());
        }
        secrets.put("client secret", auth.postClientSecret());
        secrets.put("Basic value", SecretForms.basicValue(auth.postClientId(), auth.postClientSecret()));
        return secrets;
    }

    /** What the app held and logged: the one token its one request to the echo URL got, its id and secret. */
    private LeakySecrets leakedSecrets(AuthServer auth) {
        List<String> echoed = recorder.echoedAuthorizations();
        assertThat(echoed).as("Authorization values the app received: it asks once").hasSize(1);
        return LeakySecrets.of(echoed.get(0).substring("Bearer ".length()).trim(), auth.postClientId(),
                auth.postClientSecret());
    }

    /** Everything one run wrote: stdout, stderr, the log files under its log directory, the e2e process log. */
    private static final class AppOutput {
        private final String label;
        private final Map<String, String> texts = new LinkedHashMap<>();
        private final Map<String, String> secrets;
        private final LeakLineCheck leakLines;

        AppOutput(String label, JavaProcess app, Path logDir, Map<String, String> secrets, LeakySecrets leaked)
                throws IOException {
            this.label = label;
            this.secrets = secrets;
            this.leakLines = new LeakLineCheck(LeakyLines.leakTexts(leaked), secrets);
            texts.put("stdout", app.stdout());
            texts.put("stderr", app.stderr());
            texts.put(PROCESS_LOG, Files.readString(app.logFile(), StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.walk(logDir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    texts.put("log file " + logDir.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }

        void assertNoSecret() {
            texts.forEach((where, text) -> SecretForms.assertAbsent(where + " of " + label, text, secrets));
        }

        boolean containsVerbatim(String text) {
            for (String output : texts.values()) {
                if (output.contains(text)) {
                    return true;
                }
            }
            return false;
        }

        /** See {@link LeakLineCheck}: every output but the process log, whose lines carry time stamps. */
        List<String> leakLineProblems(String leak) {
            Map<String, String> outputs = new LinkedHashMap<>(texts);
            outputs.remove(PROCESS_LOG);
            return leakLines.problems(leak, outputs);
        }
    }
}
