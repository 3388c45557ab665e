package dev.oauthagent.testapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AuthServerOptionsTest {

    @Test
    void defaultsWhenNothingIsSet() {
        AuthServerOptions options = AuthServerOptions.from(environment(Map.of()));

        assertThat(options.tokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.basicClientSecret()).isEqualTo("basic-secret");
        assertThat(options.postClientSecret()).isEqualTo("post-secret");
        assertThat(options.audience()).isEqualTo("api");
    }

    @Test
    void tokenTtlWithUnitSuffixIsParsed() {
        assertThat(ttlOf("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ttlOf("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ttlOf("PT45S")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void tokenTtlWithoutUnitMeansSeconds() {
        assertThat(ttlOf("90")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void tokenTtlBelowOneSecondIsRejectedWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> ttlOf("500ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--token-ttl")
                .hasMessageContaining("at least 1s");
    }

    @Test
    void tokenTtlThatIsNotADurationIsRejectedWithExamples() {
        assertThatThrownBy(() -> ttlOf("soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'soon'")
                .hasMessageContaining("30s");
    }

    @Test
    void upperCaseEnvironmentVariablesOverrideDefaults() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "TOKEN_TTL", "12s", "BASIC_CLIENT_SECRET", "b-env", "POST_CLIENT_SECRET", "p-env", "AUDIENCE", "orders")));

        AuthServerOptions options = AuthServerOptions.from(env);

        assertThat(options.tokenTtl()).isEqualTo(Duration.ofSeconds(12));
        assertThat(options.basicClientSecret()).isEqualTo("b-env");
        assertThat(options.postClientSecret()).isEqualTo("p-env");
        assertThat(options.audience()).isEqualTo("orders");
    }

    @Test
    void shortLivedClientHasItsOwnLifetimeAndSecretWithDefaults() {
        AuthServerOptions defaults = AuthServerOptions.from(environment(Map.of()));
        AuthServerOptions set = AuthServerOptions.from(environment(Map.of(
                "short-token-ttl", "3s", "short-client-secret", "s-set", "token-ttl", "10m")));

        assertThat(defaults.shortTokenTtl()).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.shortClientSecret()).isEqualTo("short-secret");
        assertThat(set.shortTokenTtl()).isEqualTo(Duration.ofSeconds(3));
        assertThat(set.tokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(set.toString()).doesNotContain("s-set");
        assertThatThrownBy(() -> AuthServerOptions.from(environment(Map.of("short-token-ttl", "0s"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHORT_TOKEN_TTL");
    }

    @Test
    void userGrantOptionsHaveDefaultsAndTheUserPasswordAndCodeSecretStayOutOfToString() {
        AuthServerOptions defaults = AuthServerOptions.from(environment(Map.of()));
        AuthServerOptions set = AuthServerOptions.from(environment(Map.of("user-password", "u-set",
                "code-client-secret", "c-set", "device-code-ttl", "2s", "refresh-token-ttl", "10m")));

        assertThat(defaults.userPassword()).isEqualTo("password");
        assertThat(defaults.codeClientSecret()).isEqualTo("code-secret");
        assertThat(defaults.deviceCodeTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.refreshTokenTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(set.userPassword()).isEqualTo("u-set");
        assertThat(set.codeClientSecret()).isEqualTo("c-set");
        assertThat(set.deviceCodeTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.refreshTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(set.toString()).doesNotContain("u-set").doesNotContain("c-set");
        assertThatThrownBy(() -> AuthServerOptions.from(environment(Map.of("device-code-ttl", "soon"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEVICE_CODE_TTL");
    }

    @Test
    void emptySecretIsRejectedNamingTheEnvironmentVariable() {
        assertThatThrownBy(() -> AuthServerOptions.from(environment(Map.of("basic-client-secret", " "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BASIC_CLIENT_SECRET");
    }

    @Test
    void toStringHidesBothSecrets() {
        AuthServerOptions options = AuthServerOptions.from(environment(Map.of(
                "basic-client-secret", "b-very-secret", "post-client-secret", "p-very-secret")));

        assertThat(options.toString()).doesNotContain("b-very-secret").doesNotContain("p-very-secret");
    }

    private static Duration ttlOf(String value) {
        return AuthServerOptions.from(environment(Map.of("token-ttl", value))).tokenTtl();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return env;
    }
}
