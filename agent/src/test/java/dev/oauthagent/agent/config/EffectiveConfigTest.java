package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EffectiveConfigTest {
    @Test
    void entriesListGlobalsFirstThenEveryKeyOfEachClientInNameOrder() throws ConfigException {
        EffectiveConfig e = ConfigInput.withValidClient("zeta").validClient("alpha").load().effective();
        int globals = KnownKeys.global().size();
        int perClient = KnownKeys.client().size() - 1; // token-params.<name> has a row per parameter set: none here
        assertThat(e.entries()).hasSize(globals + 2 * perClient);
        assertThat(e.entries().get(0).key()).isEqualTo("oauth.agent.enabled");
        assertThat(e.entries().get(globals).key()).isEqualTo("oauth.agent.clients.alpha.token-url");
        assertThat(e.entries().get(globals + perClient).key()).isEqualTo("oauth.agent.clients.zeta.token-url");
    }

    @Test
    void unsetKeysShowTheirDefaultOrNotSetWithSourceDefault() throws ConfigException {
        EffectiveConfig e = ConfigInput.withValidClient("billing").load().effective();
        assertThat(e.entry("oauth.agent.clients.billing.read-timeout").value()).isEqualTo("10s");
        assertThat(e.entry("oauth.agent.clients.billing.read-timeout").source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(e.entry("oauth.agent.clients.billing.audience").value()).isEqualTo("(not set)");
    }

    @Test
    void renderPrintsAnAlignedTableWithKeyValueAndSourceColumns() throws ConfigException {
        String table = ConfigInput.withValidClient("billing").env("OAUTH_AGENT_LOG_LEVEL", "debug").load().effective()
                .render();
        String[] lines = table.split("\\R");
        assertThat(lines[0]).startsWith("KEY").contains("VALUE", "SOURCE");
        int valueColumn = lines[0].indexOf("VALUE");
        assertThat(table).containsPattern("oauth\\.agent\\.log-level +debug +env");
        assertThat(table).containsPattern("oauth\\.agent\\.clients\\.billing\\.hosts +billing\\.example\\.com +sysprop");
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i].charAt(valueColumn - 1)).as("line %s", lines[i]).isEqualTo(' ');
            assertThat(lines[i].charAt(valueColumn)).as("line %s", lines[i]).isNotEqualTo(' ');
        }
    }

    @Test
    void secretIsShownAsMaskWithItsOrigin() throws ConfigException {
        EffectiveConfig e = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${env:BILLING_SECRET}").env("BILLING_SECRET", ConfigInput.SECRET)
                .load().effective();
        assertThat(e.entry("oauth.agent.clients.billing.client-secret").value()).isEqualTo("**** (env var BILLING_SECRET)");
        assertThat(e.render()).doesNotContain(ConfigInput.SECRET);
    }

    @Test
    void userInfoIsMaskedInUrlsAndInHostsWrittenWithoutSchemeEvenWhenThePasswordHoldsCommasAndSlashes() {
        String password = "p,w/x:" + ConfigInput.SECRET;
        String hosts = "user:" + password + "@api.example.com";
        String url = "https://user:" + password + "@as.example.com/token";
        try {
            ConfigInput.withValidClient("billing").sys("clients.billing.hosts", hosts)
                    .sys("clients.billing.token-url", url).load();
            throw new AssertionError("user info in hosts and token-url must be refused");
        } catch (ConfigException e) {
            String table = e.effective().render();
            assertThat(table).doesNotContain(ConfigInput.SECRET).doesNotContain("p,w")
                    .contains("****@api.example.com", "https://****@as.example.com/token");
            assertThat(e.getMessage()).doesNotContain(ConfigInput.SECRET);
        }
    }

    @Test
    void valuesWithoutAnAtSignAreShownAsWritten() {
        assertThat(EffectiveConfig.maskUserInfo("https://as.example.com/token")).isEqualTo("https://as.example.com/token");
    }
}
