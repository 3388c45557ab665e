package dev.oauthagent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * strict=true attached to a running application: the agent refuses to start instead of stopping the JVM. (A
 * starting JVM that stops is proven end to end by ConfigurationAtStartIT, since it ends the JVM.) Nothing here
 * reaches the instrumentation, which is why none is passed.
 */
class AgentStartupStrictTest {
    @Test
    void strictWithAProblemUnderAttachLeavesTheApplicationRunningAndTheAgentNotStarted() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        AgentStartup.start("strict=true,clients.billing.fail-mode=maybe", null,
                new PrintStream(err, true, StandardCharsets.UTF_8), true);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("oauth.agent.clients.billing.fail-mode",
                "strict=true and the configuration has problems, so the agent does not start; the running "
                        + "application is left as it was.", AgentStartup.NOT_ACTIVE);
        assertThat(AgentStartup.runtime()).isNull();
    }
}
