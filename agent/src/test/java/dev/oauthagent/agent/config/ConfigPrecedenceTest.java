package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Agent arguments > system properties > environment variables > properties file > defaults, per key. */
class ConfigPrecedenceTest {
    private static final String WAIT_TIMEOUT = "oauth.agent.clients.billing.wait-timeout";

    @TempDir
    Path dir;

    /** Sets wait-timeout at every level from {@code highest} down; the value names its level. */
    private ConfigInput withWaitTimeoutFrom(ConfigSource highest) throws IOException {
        Set<ConfigSource> levels = EnumSet.range(highest, ConfigSource.DEFAULT);
        StringBuilder file = new StringBuilder()
                .append("oauth.agent.clients.billing.token-url=https://auth.example.com/token\n")
                .append("oauth.agent.clients.billing.client-id=billing\n")
                .append("oauth.agent.clients.billing.client-secret=${env:BILLING_SECRET}\n");
        if (levels.contains(ConfigSource.FILE)) {
            file.append(WAIT_TIMEOUT).append("=4s\n");
        }
        Path properties = Files.write(dir.resolve("agent.properties"), file.toString().getBytes(StandardCharsets.UTF_8));
        ConfigInput input = ConfigInput.empty().env("OAUTH_AGENT_CONFIG", properties.toString())
                .env("BILLING_SECRET", ConfigInput.SECRET);
        if (levels.contains(ConfigSource.ENV)) {
            input.env("OAUTH_AGENT_CLIENTS_BILLING_WAIT_TIMEOUT", "3s");
        }
        if (levels.contains(ConfigSource.SYSPROP)) {
            input.sys(WAIT_TIMEOUT, "2s");
        }
        if (levels.contains(ConfigSource.ARG)) {
            input.args("clients.billing.wait-timeout=1s");
        }
        return input;
    }

    @ParameterizedTest
    @EnumSource(ConfigSource.class)
    void eachLevelBeatsAllLevelsBelowItAndIsRecordedAsTheSource(ConfigSource highest) throws Exception {
        LoadedConfig loaded = withWaitTimeoutFrom(highest).load();

        long expectedSeconds = highest.ordinal() + 1; // arg=1s, sysprop=2s, env=3s, file=4s, default=5s
        assertThat(loaded.config().client("billing").waitTimeout()).isEqualTo(Duration.ofSeconds(expectedSeconds));
        EffectiveConfig.Entry entry = loaded.effective().entry(WAIT_TIMEOUT);
        assertThat(entry.source()).isEqualTo(highest);
        assertThat(entry.value()).isEqualTo(expectedSeconds + "s");
    }

    @Test
    void precedenceIsDecidedPerKeySoEachKeyKeepsItsOwnSource() throws Exception {
        Path properties = Files.write(dir.resolve("agent.properties"), String.join("\n",
                "oauth.agent.clients.billing.token-url=https://auth.example.com/token",
                "oauth.agent.clients.billing.scopes=from-file",
                "oauth.agent.clients.billing.audience=from-file").getBytes(StandardCharsets.UTF_8));
        LoadedConfig loaded = ConfigInput.empty()
                .args("config=" + properties + ",clients.billing.fail-mode=open")
                .sys("clients.billing.client-id", "from-sysprop")
                .env("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRET", ConfigInput.SECRET)
                .env("OAUTH_AGENT_CLIENTS_BILLING_AUDIENCE", "from-env")
                .load();

        EffectiveConfig e = loaded.effective();
        assertThat(e.entry("oauth.agent.config").source()).isEqualTo(ConfigSource.ARG);
        assertThat(e.entry("oauth.agent.clients.billing.fail-mode").source()).isEqualTo(ConfigSource.ARG);
        assertThat(e.entry("oauth.agent.clients.billing.client-id").source()).isEqualTo(ConfigSource.SYSPROP);
        assertThat(e.entry("oauth.agent.clients.billing.client-secret").source()).isEqualTo(ConfigSource.ENV);
        assertThat(e.entry("oauth.agent.clients.billing.audience").source()).isEqualTo(ConfigSource.ENV);
        assertThat(e.entry("oauth.agent.clients.billing.scopes").source()).isEqualTo(ConfigSource.FILE);
        assertThat(e.entry("oauth.agent.clients.billing.read-timeout").source()).isEqualTo(ConfigSource.DEFAULT);
        ClientConfig client = loaded.config().client("billing");
        assertThat(client.audience()).isEqualTo("from-env");
        assertThat(client.scopes()).containsExactly("from-file");
        assertThat(client.failMode()).isEqualTo(FailMode.OPEN);
    }

    @Test
    void configPathFromAgentArgumentBeatsSystemPropertyAndEnvironment() throws Exception {
        Path chosen = Files.write(dir.resolve("chosen.properties"), "oauth.agent.log-level=debug\n".getBytes("UTF-8"));
        Path ignored = dir.resolve("ignored-does-not-exist.properties");
        LoadedConfig loaded = ConfigInput.empty().args("config=" + chosen).sys("config", ignored.toString())
                .env("OAUTH_AGENT_CONFIG", ignored.toString()).load();
        assertThat(loaded.config().logLevel()).isEqualTo("debug");
        assertThat(loaded.effective().entry("oauth.agent.log-level").source()).isEqualTo(ConfigSource.FILE);
    }

    @Test
    void configPathFromSystemPropertyBeatsEnvironment() throws Exception {
        Path chosen = Files.write(dir.resolve("chosen.properties"), "oauth.agent.log-level=warn\n".getBytes("UTF-8"));
        LoadedConfig loaded = ConfigInput.empty().sys("config", chosen.toString())
                .env("OAUTH_AGENT_CONFIG", dir.resolve("missing").toString()).load();
        assertThat(loaded.config().logLevel()).isEqualTo("warn");
    }

    @Test
    void emptyValueInAHigherSourceClearsTheLowerOneSoTheDefaultApplies() throws Exception {
        LoadedConfig loaded = ConfigInput.withValidClient("billing").sys("clients.billing.wait-timeout", "")
                .env("OAUTH_AGENT_CLIENTS_BILLING_WAIT_TIMEOUT", "30s").load();
        assertThat(loaded.config().client("billing").waitTimeout()).isEqualTo(ClientConfig.DEFAULT_WAIT_TIMEOUT);
        assertThat(loaded.effective().entry(WAIT_TIMEOUT).value()).isEqualTo("(empty, so default 5s)");
    }
}
