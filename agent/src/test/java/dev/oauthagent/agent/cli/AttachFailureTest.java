package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The attach API's own messages (as JDK 17 and 25 word them) turned into what the user should do. */
class AttachFailureTest {
    @Test
    void noSuchProcessSaysHowToFindThePid() {
        assertThat(AttachFailure.connecting("77", new IOException("No such process")).getMessage())
                .isEqualTo("no process with pid 77 is running; find the application's pid with `jps -l` "
                        + "(run as the application's user).");
    }

    @Test
    void targetStartedWithDisableAttachMechanismIsNamedWithTheWayOut() {
        String message = AttachFailure.connecting("77",
                new AttachNotSupportedException("The VM does not support the attach mechanism")).getMessage();

        assertThat(message).contains("-XX:+DisableAttachMechanism", "Restart it without that option", "-javaagent:");
    }

    @Test
    void targetThatDoesNotAnswerListsTheUsualCausesAndKeepsTheJdkText() {
        String jdk = "Unable to open socket file /tmp/.java_pid77: target process 77 doesn't respond within 10500ms "
                + "or HotSpot VM not loaded";

        String message = AttachFailure.connecting("77", new AttachNotSupportedException(jdk)).getMessage();

        assertThat(message).contains("did not answer", "same user", "-XX:+DisableAttachMechanism", "container", jdk);
    }

    @Test
    void socketOwnedByAnotherUserTellsToRunAsThatUser() {
        String message = AttachFailure.connecting("77", new IOException("file should be owned by the current user "
                + "(which is 1000) but is owned by 0")).getMessage();

        assertThat(message).contains("not allowed", "sudo -u <user>", "attach 77");
    }

    @Test
    void targetRefusingDynamicAgentsNamesTheFlagToTurnThemOn() {
        String message = AttachFailure.loading("77", new AgentLoadException("Failed to load agent library: Dynamic "
                + "agent loading is not enabled. Use -XX:+EnableDynamicAgentLoading to launch target VM.")).getMessage();

        assertThat(message).contains("-XX:-EnableDynamicAgentLoading", "Restart it with -XX:+EnableDynamicAgentLoading");
    }

    @Test
    void agentmainFailureSendsTheUserToTheApplicationsStderr() {
        String message = AttachFailure.loading("77",
                new AgentInitializationException("Agent JAR loaded but agent failed to initialize")).getMessage();

        assertThat(message).contains("agentmain failed", "application's stderr");
    }

    @Test
    void unrecognisedFailureKeepsTheJdkTypeAndText() {
        String message = AttachFailure.connecting("77", new IOException("Connection reset")).getMessage();

        assertThat(message).contains("attaching to process 77 failed (IOException: Connection reset)", "jps -l");
    }
}
