package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.config.AgentArguments;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachRequestTest {
    private static final Path CWD = Paths.get("/home/ops/deploy").toAbsolutePath();

    @Test
    void pidAloneGivesNoAgentArgumentsSoTheTargetReadsOnlyItsOwnSettings() {
        AttachRequest request = AttachRequest.parse(List.of("4242"), CWD);

        assertThat(request.pid()).isEqualTo("4242");
        assertThat(request.agentArgs()).isNull();
        assertThat(request.configFile()).isNull();
    }

    @Test
    void relativeConfigPathIsMadeAbsoluteAgainstThisCommandsWorkingDirectory() {
        AttachRequest request = AttachRequest.parse(List.of("4242", "config=conf/../agent.properties"), CWD);

        assertThat(request.configFile()).isEqualTo(CWD.resolve("agent.properties"));
        assertThat(request.configAsWritten()).isEqualTo("conf/../agent.properties");
        assertThat(request.agentArgs()).isEqualTo("config=" + AgentArguments.escape(CWD.resolve("agent.properties").toString()));
    }

    @Test
    void fullKeyNameOfConfigIsResolvedToo() {
        AttachRequest request = AttachRequest.parse(List.of("4242", "oauth.agent.config=agent.properties"), CWD);

        assertThat(request.agentArgs()).isEqualTo("oauth.agent.config=" + CWD.resolve("agent.properties"));
    }

    @Test
    void absoluteConfigPathIsKeptAsWritten() {
        Path absolute = CWD.getRoot().resolve("etc").resolve("agent.properties");
        AttachRequest request = AttachRequest.parse(List.of("4242", "config=" + absolute), CWD);

        assertThat(request.configFile()).isEqualTo(absolute);
    }

    @Test
    void severalWordsAfterThePidAreJoinedWithCommasAndOtherPairsPassUnchanged() {
        AttachRequest request = AttachRequest.parse(
                List.of("4242", "log-level=debug,clients.billing.hosts=a.example", "config=/etc/agent.properties"), CWD);

        assertThat(AgentArguments.splitPairs(request.agentArgs())).containsExactly("log-level=debug",
                "clients.billing.hosts=a.example", "config=" + Paths.get("/etc/agent.properties").toAbsolutePath());
    }

    @Test
    void escapedCommaInAPathSurvivesTheRoundTripToTheTarget() {
        AttachRequest request = AttachRequest.parse(List.of("4242", "config=/etc/a\\,b.properties,log-level=info"), CWD);

        List<String> pairs = AgentArguments.splitPairs(request.agentArgs());
        assertThat(pairs).hasSize(2);
        assertThat(pairs.get(0)).endsWith("a,b.properties");
        assertThat(request.configFile().getFileName().toString()).isEqualTo("a,b.properties");
    }

    @Test
    void missingPidIsAUsageErrorThatSaysHowToFindIt() {
        assertThatThrownBy(() -> AttachRequest.parse(List.of(), CWD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("process id").hasMessageContaining("jps");
    }

    @Test
    void pidThatIsNotANumberIsAUsageErrorThatDoesNotEchoTheWord() {
        String pasted = "s3cr3t-pasted-in-the-wrong-place";

        assertThatThrownBy(() -> AttachRequest.parse(List.of(pasted, "4242"), CWD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive number").hasMessageContaining("jps -l")
                .message().doesNotContain(pasted);
    }

    @Test
    void pidZeroAndNegativePidsAreRefused() {
        assertThatThrownBy(() -> AttachRequest.parse(List.of("0"), CWD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttachRequest.parse(List.of("-1"), CWD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyConfigValueIsAUsageError() {
        assertThatThrownBy(() -> AttachRequest.parse(List.of("4242", "config="), CWD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config=/path/agent.properties");
    }
}
