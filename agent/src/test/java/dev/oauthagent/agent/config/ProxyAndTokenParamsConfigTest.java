package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** proxy, proxy-user, proxy-password and token-params.<name>, checked at start and never printed. */
class ProxyAndTokenParamsConfigTest {
    private static final String PROXY_PASSWORD = "pr0xy-password-never-printed";
    private static final String VENDOR_KEY = "vendor-key-never-printed";

    private static List<String> problems(ConfigInput input) {
        return input.loadAllowingProblems().problems().stream().map(ConfigProblem::toString).collect(Collectors.toList());
    }

    @Test
    void aProxyWithCredentialsFromTheEnvironmentIsConfiguredAndMasked() throws ConfigException {
        LoadedConfig loaded = ConfigInput.withValidClient("billing")
                .sys("clients.billing.proxy", "http://Proxy.Example.com:3128/")
                .sys("clients.billing.proxy-user", "${env:PROXY_USER}").env("PROXY_USER", "agent")
                .sys("clients.billing.proxy-password", "${env:PROXY_PASSWORD}").env("PROXY_PASSWORD", PROXY_PASSWORD)
                .load();
        ClientConfig billing = loaded.config().client("billing");

        assertThat(billing.proxy()).isEqualTo(URI.create("http://Proxy.Example.com:3128"));
        assertThat(billing.proxyUser().reveal()).isEqualTo("agent");
        assertThat(billing.proxyPassword().origin()).isEqualTo("env var PROXY_PASSWORD");
        assertThat(billing.toString() + loaded.effective().render() + loaded.config().clientSecrets())
                .contains("proxy=http://Proxy.Example.com:3128").doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void aProxyThatIsNotHttpHostAndPortIsRefusedWithTheForm() {
        for (String bad : new String[] {"https://proxy.example.com:3128", "proxy.example.com:3128",
                "http://proxy.example.com", "http://proxy.example.com:3128/path"}) {
            assertThat(problems(ConfigInput.withValidClient("billing").sys("clients.billing.proxy", bad)))
                    .as(bad).singleElement().asString().contains("oauth.agent.clients.billing.proxy")
                    .contains("e.g. http://proxy.example.com:3128");
        }
    }

    @Test
    void credentialsInTheProxyUrlAreRefusedUnrepeated() {
        List<String> problems = problems(ConfigInput.withValidClient("billing")
                .sys("clients.billing.proxy", "http://agent:" + PROXY_PASSWORD + "@proxy.example.com:3128"));

        assertThat(problems).singleElement().asString().contains("proxy-user and proxy-password")
                .doesNotContain(PROXY_PASSWORD);
    }

    @Test
    void aProxyUserWithoutPasswordSaysWhichKeyIsMissing() {
        assertThat(problems(ConfigInput.withValidClient("billing").sys("clients.billing.proxy-user", "agent")))
                .singleElement().asString().contains("oauth.agent.clients.billing.proxy-password")
                .contains("is required with oauth.agent.clients.billing.proxy-user");
    }

    @Test
    void tokenParamsAreReadByNameWithReferencesAndNeverPrinted() throws ConfigException {
        LoadedConfig loaded = ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-params.tenant", "contoso")
                .sys("clients.billing.token-params.vendor_key", "${env:VENDOR_KEY}").env("VENDOR_KEY", VENDOR_KEY)
                .load();
        ClientConfig billing = loaded.config().client("billing");

        assertThat(billing.tokenParams()).containsOnlyKeys("tenant", "vendor_key");
        assertThat(billing.tokenParams().get("vendor_key").reveal()).isEqualTo(VENDOR_KEY);
        String printed = billing + loaded.effective().render() + loaded.config().clientSecrets();
        assertThat(printed).contains("oauth.agent.clients.billing.token-params.tenant").doesNotContain(VENDOR_KEY)
                .doesNotContain("contoso");
    }

    @Test
    void tokenParamsThatWouldOverrideTheGrantNameTheKeyToUseInstead() {
        assertThat(problems(ConfigInput.withValidClient("billing").sys("clients.billing.token-params.grant_type", "x")))
                .singleElement().asString().contains("would override the token request's own grant_type")
                .contains("use the key grant-type instead");
        assertThat(problems(ConfigInput.withValidClient("billing").sys("clients.billing.token-params.scope", "x")))
                .singleElement().asString().contains("use the key scopes instead");
        assertThat(problems(ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-params.client_secret", VENDOR_KEY)))
                .singleElement().asString().contains("client-secret").doesNotContain(VENDOR_KEY);
        for (String name : new String[] {"client_id", "refresh_token", "code", "resource", "audience"}) {
            assertThat(problems(ConfigInput.withValidClient("billing").sys("clients.billing.token-params." + name, "x")))
                    .as(name).singleElement().asString().contains("would override");
        }
    }

    @Test
    void anEmptyTokenParamIsAProblem() {
        assertThat(problems(ConfigInput.withValidClient("billing").sys("clients.billing.token-params.tenant", "")))
                .singleElement().asString().contains("is empty");
    }
}
