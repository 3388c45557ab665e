package dev.oauthagent.e2e.scrub;

import dev.oauthagent.e2e.fixtures.StdStreamsChild;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.RawOutputProcess;
import dev.oauthagent.e2e.support.SecretForms;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code System.console()} writes to the terminal past {@code System.out}; the agent scrubs it too. A console
 * exists only when stdin and stdout are terminals, so the child runs under a pseudo-terminal made by util-linux
 * {@code script}; what the child wrote to it comes back on script's stdout (with the terminal's CR LF).
 */
class ConsoleScrubIT {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final String SECRET_VARIABLE = "CONSOLE_SECRET";

    private final String secret = "c0n" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void consolePrintfAndWriterOutputIsScrubbed() throws Exception {
        String withAgent = runOnTerminal(true);
        assertThat(withAgent).doesNotContain("no console")
                .contains("Authorization: Bearer [REDACTED]\r\n")
                .contains("token [REDACTED] end\r\n");
        SecretForms.assertAbsent("the terminal", withAgent, Map.of("secret", secret));
    }

    @Test
    void withoutTheAgentTheSameProgramShowsTheSecretOnItsConsole() throws Exception {
        // The other test's program really reaches System.console(): without the agent its secret is on screen.
        assertThat(runOnTerminal(false)).doesNotContain("no console").contains("token " + secret + " end");
    }

    private String runOnTerminal(boolean agent) throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is needed for a pseudo-terminal");
        JavaProcessBuilder java = JavaProcess.builder("console").mainClass(StdStreamsChild.class)
                .args("console:Authorization: Bearer " + "b3arer" + UUID.randomUUID().toString().replace("-", ""),
                        "console-secret:" + SECRET_VARIABLE);
        if (agent) {
            java.javaAgent(E2ePaths.agentJar(), "scrub.values=${env:" + SECRET_VARIABLE + "}");
        }
        List<String> command = List.of(SCRIPT.toString(), "-qfec", shellCommand(java.command()), "/dev/null");
        try (RawOutputProcess child = RawOutputProcess.start(command, Map.of(SECRET_VARIABLE, secret))) {
            child.closeStdin();
            assertThat(child.awaitExit(RUN_TIMEOUT)).isZero();
            return new String(child.stdout(), StandardCharsets.UTF_8);
        }
    }

    private static String shellCommand(List<String> words) {
        return words.stream().map(word -> "'" + word.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }
}
