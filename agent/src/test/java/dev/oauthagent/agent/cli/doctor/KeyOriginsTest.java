package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.LoadedConfig;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key is named with the source its value came from; a secret with its own origin, never its value. */
class KeyOriginsTest {
    private static final String SECRET = "s3cr3t-from-the-environment";

    @Test
    void eachKeyIsNamedWithWhereItsValueCameFrom() {
        Map<String, String> sysprops = new HashMap<>();
        sysprops.put("oauth.agent.clients.billing.token-url", "https://as.example/oauth2/token");
        sysprops.put("oauth.agent.clients.billing.hosts", "api.example");
        Map<String, String> env = new HashMap<>();
        env.put("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_ID", "billing-service");
        env.put("BILLING_SECRET", SECRET);
        sysprops.put("oauth.agent.clients.billing.client-secret", "${env:BILLING_SECRET}");
        LoadedConfig loaded = ConfigLoader.load(null, sysprops, env);
        ClientConfig client = loaded.config().clients().get(0);

        KeyOrigins keys = new KeyOrigins(client, loaded.effective());

        assertThat(keys.keyWithOrigin("client-id"))
                .isEqualTo("oauth.agent.clients.billing.client-id (set in the environment)");
        assertThat(keys.keyWithOrigin("token-url"))
                .isEqualTo("oauth.agent.clients.billing.token-url (set as a system property)");
        assertThat(keys.keyWithOrigin("client-auth"))
                .isEqualTo("oauth.agent.clients.billing.client-auth (not set, so the default)");
        assertThat(keys.keyWithOrigin("client-secret"))
                .isEqualTo("oauth.agent.clients.billing.client-secret (from env var BILLING_SECRET)")
                .doesNotContain(SECRET);
        assertThat(new KeyOrigins(client, null).keyWithOrigin("scopes")).isEqualTo("oauth.agent.clients.billing.scopes");
    }
}
