package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check {@code attach} makes before it touches the target. Attaching itself needs a second JVM and is
 * proven end to end by AttachIT.
 */
class AttachCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeProc proc;
    private Path jar;
    private String me;

    @BeforeEach
    void setUp() throws IOException {
        proc = new FakeProc(Files.createDirectories(dir.resolve("proc")));
        jar = Files.writeString(dir.resolve("oauth-agent.jar"), "stands in for the jar");
        me = Files.getOwner(dir).getName();
    }

    @Test
    void missingConfigFileExitsTwoAndNamesTheAbsolutePathItLookedFor() {
        proc.process("10", FakeProc.JVM_MAPS);

        assertThat(run(command(jar, me), "10", "config=conf/agent.properties")).isEqualTo(Cli.EXIT_BAD_CONFIG);

        assertThat(err()).contains(dir.resolve("conf").resolve("agent.properties").toString(),
                "config=conf/agent.properties", "does not exist", "NOT loaded");
    }

    @Test
    void pidWithoutAProcessExitsOneAndSaysHowToFindThePid() {
        assertThat(run(command(jar, me), "10")).isEqualTo(Cli.EXIT_FAILED);

        assertThat(err()).contains("no process with pid 10 is running", "jps -l");
    }

    @Test
    void processThatIsNotAJvmIsRefusedBeforeTheAttachApiCouldSignalIt() {
        proc.process("10", FakeProc.SHELL_MAPS);

        assertThat(run(command(jar, me), "10")).isEqualTo(Cli.EXIT_FAILED);

        assertThat(err()).contains("process 10 is not a Java virtual machine", "jps -l");
    }

    @Test
    void processOfAnotherUserIsRefusedWithTheUserToRunAs() {
        proc.process("10", FakeProc.JVM_MAPS);

        assertThat(run(command(jar, "someone-else"), "10")).isEqualTo(Cli.EXIT_FAILED);

        assertThat(err()).contains("runs as user '" + me + "'", "this command as 'someone-else'", "sudo -u " + me);
    }

    @Test
    void notRunFromAJarExitsOneAndSaysToUseTheBuiltJar() {
        proc.process("10", FakeProc.JVM_MAPS);

        assertThat(run(command(dir, me), "10")).isEqualTo(Cli.EXIT_FAILED);

        assertThat(err()).contains("not a jar", "java -jar oauth-agent.jar attach", dir.toString());
    }

    @Test
    void pidThatIsNotANumberIsAUsageErrorThroughTheCli() {
        CliContext context = context();

        assertThat(Cli.run(new String[] {"attach", "my-app"}, context)).isEqualTo(Cli.EXIT_USAGE);

        assertThat(err()).startsWith("oauth-agent attach: the first argument must be the process id");
    }

    @Test
    void usageListsTheAttachCommand() {
        assertThat(Cli.run(new String[] {"help"}, context())).isEqualTo(Cli.EXIT_OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("attach <pid> [config=FILE,...]");
    }

    @Test
    void relativeConfigPathFromTheTargetsOwnSettingsIsResolvedAgainstTheTargetsWorkingDirectory() {
        Map<String, String> resolved = AttachCommand.withAbsoluteConfig(
                Map.of("oauth.agent.config", "agent.properties", "other", "x"), "oauth.agent.config", "/srv/app");

        assertThat(resolved).containsEntry("oauth.agent.config", Path.of("/srv/app", "agent.properties").toString())
                .containsEntry("other", "x");
    }

    @Test
    void featureVersionReadsBothOldAndNewSpecificationVersions() {
        assertThat(AttachCommand.featureVersion("1.8")).isEqualTo(8);
        assertThat(AttachCommand.featureVersion("17")).isEqualTo(17);
        assertThat(AttachCommand.featureVersion("25")).isEqualTo(25);
        assertThat(AttachCommand.featureVersion("?")).isZero();
    }

    private AttachCommand command(Path codeLocation, String user) {
        return new AttachCommand(proc.procFs(), dir, codeLocation, user);
    }

    private int run(AttachCommand command, String... args) {
        return command.run(List.of(args), context());
    }

    private CliContext context() {
        return new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of());
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
