package dev.oauthagent.agent.token.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellWordTest {
    @Test
    void aPlainPathIsLeftAsItIs() {
        assertThat(ShellWord.quote("/etc/oauth-agent/agent.properties")).isEqualTo("/etc/oauth-agent/agent.properties");
    }

    @Test
    void spacesDollarsAndQuotesAreKeptFromTheShell() {
        assertThat(ShellWord.quote("/home/a b/agent.properties")).isEqualTo("'/home/a b/agent.properties'");
        assertThat(ShellWord.quote("/srv/$HOME/x")).isEqualTo("'/srv/$HOME/x'");
        assertThat(ShellWord.quote("/srv/it's/x")).isEqualTo("'/srv/it'\\''s/x'");
        assertThat(ShellWord.quote("")).isEqualTo("''");
    }
}
