package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class EnvironmentOnlyConfigTest {
    @Test
    void wholeConfigurationCanComeFromEnvironmentVariablesWithoutAFile() throws ConfigException {
        LoadedConfig loaded = ConfigInput.empty()
                .env("OAUTH_AGENT_LOG_LEVEL", "debug")
                .env("OAUTH_AGENT_CLIENTS_BILLING_TOKEN_URL", "https://auth.example.com/oauth2/token")
                .env("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_ID", "billing-service")
                .env("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRET", "${env:BILLING_SECRET}")
                .env("BILLING_SECRET", ConfigInput.SECRET)
                .env("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_AUTH", "client_secret_post")
                .env("OAUTH_AGENT_CLIENTS_BILLING_SCOPES", "billing.read billing.write")
                .env("OAUTH_AGENT_CLIENTS_BILLING_HOSTS", "api.example.com")
                .env("OAUTH_AGENT_CLIENTS_BILLING_PATHS", "/billing/")
                .env("OAUTH_AGENT_CLIENTS_BILLING_DEFAULT_EXPIRES_IN", "10m")
                .env("OAUTH_AGENT_CLIENTS_BILLING_OVERRIDE_EXISTING", "true")
                .env("PATH", "/usr/bin")
                .load();

        assertThat(loaded.config().logLevel()).isEqualTo("debug");
        ClientConfig c = loaded.config().client("billing");
        assertThat(c.tokenUrl()).isEqualTo(URI.create("https://auth.example.com/oauth2/token"));
        assertThat(c.clientId()).isEqualTo("billing-service");
        assertThat(c.clientSecret().reveal()).isEqualTo(ConfigInput.SECRET);
        assertThat(c.clientSecret().origin()).isEqualTo("env var BILLING_SECRET");
        assertThat(c.clientAuth()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
        assertThat(c.scopes()).containsExactly("billing.read", "billing.write");
        assertThat(c.hosts()).containsExactly("api.example.com");
        assertThat(c.paths()).containsExactly("/billing"); // normalized: the trailing / is dropped
        assertThat(c.defaultExpiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.overrideExisting()).isTrue();
        assertThat(loaded.effective().entry("oauth.agent.clients.billing.hosts").source()).isEqualTo(ConfigSource.ENV);
    }

    @Test
    void literalSecretInAnEnvVarRecordsThatVariableAsItsOrigin() throws ConfigException {
        ClientConfig c = envClient("BILLING").env("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRET", ConfigInput.SECRET)
                .load().config().client("billing");
        assertThat(c.clientSecret().origin()).isEqualTo("env var OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRET");
    }

    @Test
    void underscoresInTheEnvClientSegmentStayUnderscoresInTheClientName() throws ConfigException {
        AgentConfig config = envClient("BILLING_API").load().config();
        assertThat(config.clients()).extracting(ClientConfig::name).containsExactly("billing_api");
    }

    @Test
    void clientNameEndingInAKeyLikeWordIsSplitAtTheLongestKnownKeySuffix() throws ConfigException {
        // "..._CLIENT_CLIENT_ID": the key is client-id (not id), the client is "billing_client".
        AgentConfig config = envClient("BILLING_CLIENT").load().config();
        assertThat(config.client("billing_client")).isNotNull();
        assertThat(config.client("billing_client").clientId()).isEqualTo("id");
    }

    @Test
    void keyWhoseNameStartsLikeAnotherKeyIsReadAsTheLongerKey() {
        // X_TRUSTSTORE_TYPE is key truststore-type of client x, not some other split of the underscores.
        ConfigException e = envClient("X").env("OAUTH_AGENT_CLIENTS_X_TRUSTSTORE_TYPE", "PKCS12").failure();
        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactly("oauth.agent.clients.x.truststore-type");
    }

    @Test
    void envVarMapsToAHyphenatedClientNamedInAnotherSource() throws ConfigException {
        LoadedConfig loaded = ConfigInput.empty()
                .sys("clients.billing-api.token-url", "https://auth.example.com/token")
                .sys("clients.billing-api.client-id", "id")
                .env("OAUTH_AGENT_CLIENTS_BILLING_API_CLIENT_SECRET", ConfigInput.SECRET)
                .load();
        assertThat(loaded.config().clients()).extracting(ClientConfig::name).containsExactly("billing-api");
        assertThat(loaded.config().client("billing-api").clientSecret().reveal()).isEqualTo(ConfigInput.SECRET);
    }

    @Test
    void envVarMatchingTwoClientsThatDifferOnlyInHyphenVersusUnderscoreIsReported() {
        String message = ConfigInput.empty()
                .sys("clients.billing-api.hosts", "a.example.com")
                .sys("clients.billing_api.hosts", "b.example.com")
                .env("OAUTH_AGENT_CLIENTS_BILLING_API_CLIENT_ID", "id")
                .messageOf("OAUTH_AGENT_CLIENTS_BILLING_API_CLIENT_ID");
        assertThat(message).contains("billing-api", "billing_api", "rename one");
    }

    @Test
    void envVarNamesAreMatchedCaseInsensitively() throws ConfigException {
        assertThat(ConfigInput.empty().env("oauth_agent_log_level", "warn").load().config().logLevel()).isEqualTo("warn");
    }

    @Test
    void envVarWithOnlyAClientNameAndNoKeyIsUnknown() {
        String message = ConfigInput.empty().env("OAUTH_AGENT_CLIENTS_BILLING", "x").messageOf("OAUTH_AGENT_CLIENTS_BILLING");
        assertThat(message).contains("unknown environment variable");
    }

    private static ConfigInput envClient(String segment) {
        String p = "OAUTH_AGENT_CLIENTS_" + segment + "_";
        return ConfigInput.empty().env(p + "TOKEN_URL", "https://auth.example.com/token").env(p + "CLIENT_ID", "id")
                .env(p + "CLIENT_SECRET", ConfigInput.SECRET);
    }
}
