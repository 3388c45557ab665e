package dev.oauthagent.e2e.scrub;

import dev.oauthagent.e2e.fixtures.StdStreamsChild;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.RawOutputProcess;
import dev.oauthagent.e2e.support.SecretForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own System.out and System.err under the agent are byte for byte what they are without it,
 * minus secrets: nothing held back at exit (end of main, System.exit, shutdown hooks), no prompt held while the
 * program waits for input, the same encoding whatever encoding properties are set. Each case runs the same
 * program ({@link StdStreamsChild}) in a child JVM with and without {@code -javaagent} and compares the bytes.
 */
class StdStreamsFidelityIT {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final String SECRET_VARIABLE = "STREAMS_SECRET";
    /**
     * A value of the application's own (oauth.agent.scrub.values), from the environment so no warning is printed;
     * the agent's own log at warn, so that its start-up line does not join the application's stderr.
     */
    private static final String AGENT_ARGS = "scrub.values=${env:" + SECRET_VARIABLE + "},log-level=warn";

    private final String secret = randomToken(40);

    @Test
    void textPrintedWithoutNewlineBeforeMainEndsComesOutAsWithoutTheAgent() throws Exception {
        assertSameOutput(List.of(), "out:Done", "err:Done");
    }

    @Test
    void textPrintedWithoutNewlineBeforeSystemExitComesOutAsWithoutTheAgent() throws Exception {
        assertSameOutput(List.of(), "out:Done", "err:Done", "exit:0");
    }

    @Test
    void textAShutdownHookPrintsWithoutNewlineComesOutAsWithoutTheAgent() throws Exception {
        assertSameOutput(List.of(), "hook:Bye from the hook, done", "out:Done");
    }

    @Test
    void aPromptWithoutNewlineIsSeenBeforeTheProgramGetsItsInput() throws Exception {
        String prompt = "Type your name and press Enter"; // its last letter may begin refresh_token
        byte[] withAgent = answerPrompt(true, prompt);
        byte[] without = answerPrompt(false, prompt);
        assertThat(text(withAgent)).isEqualTo(text(without)).isEqualTo(prompt + "Hello, Ada!" + System.lineSeparator());
        assertThat(withAgent).isEqualTo(without);
    }

    @Test
    void aLongAuthorizationHeaderWithoutNewlineAtExitComesOutRedacted() throws Exception {
        String filler = "x".repeat(2000);
        Output out = run(true, List.of(), "out:" + filler + " Authorization: Bearer " + secret);
        assertThat(text(out.stdout)).isEqualTo(filler + " Authorization: Bearer [REDACTED]");
        assertNoSecret(out);
    }

    @Test
    void aSecretPrintedInPiecesIsRedactedWholeWhetherALineOrTheProgramEndsIt() throws Exception {
        Output endOfMain = run(true, List.of(), "outln:start", "pieces:" + SECRET_VARIABLE, "out: end");
        assertThat(text(endOfMain.stdout)).isEqualTo("start" + System.lineSeparator() + "[REDACTED] end");
        assertNoSecret(endOfMain);
        Output exit = run(true, List.of(), "pieces:" + SECRET_VARIABLE, "exit:0");
        assertThat(text(exit.stdout)).isEqualTo("[REDACTED]");
        assertNoSecret(exit);
    }

    /** JDK 17 reads sun.stdout.encoding and file.encoding; JDK 19+ reads stdout.encoding: the agent must not care. */
    @ParameterizedTest
    @ValueSource(strings = {"", "-Dstdout.encoding=ISO-8859-1", "-Dsun.stdout.encoding=ISO-8859-1",
        "-Dfile.encoding=ISO-8859-1", "-Dfile.encoding=ISO-8859-1 -Dstdout.encoding=UTF-8",
        "-Dsun.stdout.encoding=US-ASCII -Dstdout.encoding=UTF-8 -Dfile.encoding=ISO-8859-1",
        "-Dsun.stderr.encoding=ISO-8859-1 -Dstderr.encoding=UTF-8 -Dstdout.encoding=US-ASCII",
        "-Dsun.stdout.encoding=no-such-charset -Dstdout.encoding=ISO-8859-1",
        "-Dsun.stdout.encoding=UTF-16 -Dstdout.encoding=UTF-16"})
    void nonAsciiTextIsEncodedAsWithoutTheAgent(String options) throws Exception {
        List<String> jvmOptions = options.isEmpty() ? List.of() : Arrays.asList(options.split(" "));
        assertSameOutput(jvmOptions, "non-ascii");
    }

    private void assertSameOutput(List<String> jvmOptions, String... steps) throws Exception {
        Output with = run(true, jvmOptions, steps);
        Output without = run(false, jvmOptions, steps);
        assertThat(with.exitCode).as("exit code").isEqualTo(without.exitCode);
        assertThat(text(with.stdout)).as("stdout as text").isEqualTo(text(without.stdout));
        assertThat(with.stdout).as("stdout bytes").isEqualTo(without.stdout);
        assertThat(text(with.stderr)).as("stderr as text").isEqualTo(text(without.stderr));
        assertThat(with.stderr).as("stderr bytes").isEqualTo(without.stderr);
    }

    private Output run(boolean agent, List<String> jvmOptions, String... steps) throws Exception {
        try (RawOutputProcess child = RawOutputProcess.start(child(agent, jvmOptions, steps), env())) {
            child.closeStdin();
            int exit = child.awaitExit(RUN_TIMEOUT);
            return new Output(exit, child.stdout(), child.stderr());
        }
    }

    /** The parent answers only once it has seen the whole prompt: a prompt held back would time the test out. */
    private byte[] answerPrompt(boolean agent, String prompt) throws Exception {
        try (RawOutputProcess child = RawOutputProcess.start(child(agent, List.of(), "prompt:" + prompt), env())) {
            child.awaitStdoutContaining(prompt, RUN_TIMEOUT);
            child.writeStdin("Ada\n");
            child.closeStdin();
            assertThat(child.awaitExit(RUN_TIMEOUT)).isZero();
            return child.stdout();
        }
    }

    private static JavaProcessBuilder child(boolean agent, List<String> jvmOptions, String... steps) {
        JavaProcessBuilder builder = JavaProcess.builder("std-streams").mainClass(StdStreamsChild.class)
                .jvmArgs(jvmOptions.toArray(new String[0])).args(steps);
        return agent ? builder.javaAgent(E2ePaths.agentJar(), AGENT_ARGS) : builder;
    }

    private Map<String, String> env() {
        return Map.of(SECRET_VARIABLE, secret);
    }

    private void assertNoSecret(Output out) {
        SecretForms.assertAbsent("stdout", text(out.stdout), Map.of("secret", secret));
        SecretForms.assertAbsent("stderr", text(out.stderr), Map.of("secret", secret));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder("t0k");
        while (token.length() < length) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private record Output(int exitCode, byte[] stdout, byte[] stderr) {
    }
}
