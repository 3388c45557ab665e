package dev.oauthagent.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.e2e.fixtures.ScriptedChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JavaProcessIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static JavaProcessBuilder child(String... steps) {
        return JavaProcess.builder("scripted").mainClass(ScriptedChild.class).args(steps);
    }

    @Test
    void stdoutAndStderrAreCapturedSeparatelyAndTheExitCodeIsReturned() {
        try (JavaProcess process = child("out:hello", "err:oops", "out:bye", "exit:3").start()) {
            assertThat(process.awaitExit(WAIT)).isEqualTo(3);
            assertThat(process.stdout()).isEqualTo("hello\nbye\n");
            assertThat(process.stderr()).isEqualTo("oops\n");
        }
    }

    @Test
    void awaitLineReturnsTheWholeMatchingLineFromStderrWhileTheProcessRuns() {
        try (JavaProcess process = child("out:starting", "err:[oauth-agent] token fetched id=42", "hang").start()) {
            assertThat(process.awaitLine(Pattern.compile("token fetched id=\\d+"), WAIT))
                    .isEqualTo("[oauth-agent] token fetched id=42");
            assertThat(process.isAlive()).isTrue();
        }
    }

    @Test
    void awaitLineFailsAtOnceWithTheOutputWhenTheProcessExitsWithoutPrintingIt() {
        try (JavaProcess process = child("out:starting", "err:boom", "exit:2").start()) {
            // The one-minute timeout is never reached: the failure says the process ended, not that time ran out.
            assertThatThrownBy(() -> process.awaitLine("READY", WAIT))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no line matching")
                    .hasMessageContaining("ended (exit code 2)")
                    .hasMessageContaining("starting")
                    .hasMessageContaining("boom")
                    .hasMessageContaining(process.logFile().toString());
        }
    }

    @Test
    void awaitLineFailsAfterTheTimeoutWithTheOutputSoFar() {
        try (JavaProcess process = child("out:warming up", "hang").start()) {
            process.awaitLine("HANGING", WAIT);

            assertThatThrownBy(() -> process.awaitLine("never printed", Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not print them within PT0.3S")
                    .hasMessageContaining("warming up");
        }
    }

    @Test
    void awaitLinesWaitsUntilTheRequestedNumberOfLinesMatched() {
        try (JavaProcess process = child("out:fetch 1", "err:fetch 2", "out:other", "out:fetch 3", "hang").start()) {
            List<String> lines = process.awaitLines(Pattern.compile("^fetch \\d$"), 3, WAIT);

            assertThat(lines).containsExactlyInAnyOrder("fetch 1", "fetch 2", "fetch 3");
        }
    }

    @Test
    void awaitExitKillsAProcessThatDoesNotExitInTimeAndFails() {
        try (JavaProcess process = child("hang").start()) {
            process.awaitLine("HANGING", WAIT);

            assertThatThrownBy(() -> process.awaitExit(Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not exit within PT0.3S and was killed")
                    .hasMessageContaining("HANGING");
            assertThat(process.isAlive()).isFalse();
        }
    }

    @Test
    void closeKillsTheProcessAndTheProcessesItStarted() {
        JavaProcess process = child("spawn-hanging-child", "hang").start();
        long grandchild = Long.parseLong(process.awaitLine("CHILD_PID=", WAIT).substring("CHILD_PID=".length()));
        ProcessHandle handle = ProcessHandle.of(grandchild).orElseThrow();
        process.awaitLines(Pattern.compile("^HANGING$"), 2, WAIT);

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(handle.isAlive()).as("grandchild " + grandchild).isFalse();
    }

    @Test
    void closeForceKillsAProcessWhoseShutdownNeverFinishes() {
        JavaProcess process = child("block-shutdown", "hang").start();
        process.awaitLine("HANGING", WAIT);

        process.close();

        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void outputGoesToALogFileNamedAfterTheTestWithSecretValuesLeftOut() throws IOException {
        // The child exits before it reaches the extra argument, which is only there to be logged.
        JavaProcess process = child("out:a line worth keeping", "exit:0")
                .args("--client-secret=hunter2-in-args")
                .env("MY_TOKEN", "tok-in-env")
                .start();
        process.awaitExit(WAIT);
        process.close();

        assertThat(process.logFile().getParent().getFileName().toString()).isEqualTo("JavaProcessIT");
        assertThat(process.logFile().getFileName().toString())
                .startsWith("outputGoesToALogFileNamedAfterTheTestWithSecretValuesLeftOut-scripted-");
        String log = Files.readString(process.logFile());
        assertThat(log).contains("[out] a line worth keeping", "--client-secret=****", "MY_TOKEN")
                .doesNotContain("hunter2-in-args")
                .doesNotContain("tok-in-env");
    }

    @Test
    void oauthAgentVariablesOfTheTestJvmAreNotInheritedByDefault() {
        // failsafe sets OAUTH_AGENT_E2E_CANARY for the test JVM (e2e/pom.xml), like a developer's own settings.
        assertThat(System.getenv("OAUTH_AGENT_E2E_CANARY")).as("canary set by failsafe").isEqualTo("from-test-jvm");
        try (JavaProcess process = child("env:OAUTH_AGENT_E2E_CANARY", "env:OAUTH_AGENT_SET_BY_TEST", "exit:0")
                .env("OAUTH_AGENT_SET_BY_TEST", "yes").start()) {
            process.awaitExit(WAIT);
            assertThat(process.stdout()).isEqualTo("OAUTH_AGENT_E2E_CANARY unset\nOAUTH_AGENT_SET_BY_TEST=yes\n");
        }
    }

    @Test
    void oauthAgentVariablesAreInheritedWhenAskedFor() {
        try (JavaProcess process = child("env:OAUTH_AGENT_E2E_CANARY", "exit:0").inheritOauthAgentEnv().start()) {
            process.awaitExit(WAIT);
            assertThat(process.stdout()).isEqualTo("OAUTH_AGENT_E2E_CANARY=from-test-jvm\n");
        }
    }

    @Test
    void whatAChildLeavesInItsTempFolderIsGoneOnceItIsClosed() {
        Path tempFile;
        JavaProcess process = child("temp-file", "hang").start();
        try (process) {
            String line = process.awaitLine(Pattern.compile("^TEMP_FILE="), WAIT);
            tempFile = Path.of(line.substring("TEMP_FILE=".length()));
            assertThat(tempFile).exists().startsWith(process.tmpDir());
            assertThat(process.tmpDir()).startsWith(E2ePaths.childTmpRoot());
        }
        assertThat(tempFile).doesNotExist();
        assertThat(process.tmpDir()).doesNotExist();
    }

    @Test
    void speedFlagsAreAddedUnlessTheTestSetsTheSameOption() {
        assertThat(child().command()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

        List<String> own = child().jvmArgs("-XX:+UseParallelGC", "-Xshare:off").command();
        assertThat(own).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xshare:off")
                .doesNotContain("-XX:+UseSerialGC", "-Xshare:auto");

        assertThat(child().withoutSpeedFlags().command()).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void javaAgentOptionCarriesTheAgentArguments() {
        List<String> command = child().javaAgent(java.nio.file.Path.of("/opt/agent.jar"), "config=/tmp/a.properties")
                .command();

        assertThat(command).contains("-javaagent:/opt/agent.jar=config=/tmp/a.properties");
        assertThat(command.indexOf("-javaagent:/opt/agent.jar=config=/tmp/a.properties"))
                .isLessThan(command.indexOf(ScriptedChild.class.getName()));
    }
}
