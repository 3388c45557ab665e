package dev.oauthagent.testapps.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ResourceServerOptionsTest {

    @Test
    void onlyTheIssuerGivenMeansAudienceApiAndNoClockSkew() {
        ResourceServerOptions options = ResourceServerOptions.from(env(Map.of("issuer", "http://127.0.0.1:9000")));

        assertThat(options.issuer()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(options.audience()).isEqualTo("api");
        assertThat(options.clockSkew()).isEqualTo(Duration.ZERO);
        assertThat(options.jwksUri()).isEqualTo(URI.create("http://127.0.0.1:9000/oauth2/jwks"));
    }

    @Test
    void audienceAndClockSkewAreTakenAsGiven() {
        ResourceServerOptions options = ResourceServerOptions.from(env(Map.of(
                "issuer", "http://127.0.0.1:9000", "audience", "billing-api", "clock-skew", "30")));

        assertThat(options.audience()).isEqualTo("billing-api");
        assertThat(options.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void missingIssuerFailsNamingTheOptionAndAnExample() {
        assertThatThrownBy(() -> ResourceServerOptions.from(env(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--issuer (or ISSUER) is required")
                .hasMessageContaining("--issuer=http://127.0.0.1:9000");
    }

    @Test
    void relativeIssuerIsRefused() {
        assertThatThrownBy(() -> ResourceServerOptions.from(env(Map.of("issuer", "/oauth2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be an absolute URL");
    }

    @Test
    void emptyAudienceIsRefusedInsteadOfAcceptingAnyToken() {
        assertThatThrownBy(() -> ResourceServerOptions.from(env(Map.of("issuer", "http://127.0.0.1:9000",
                "audience", " "))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--audience (or AUDIENCE) is set but empty");
    }

    @Test
    void negativeOrUnreadableClockSkewIsRefused() {
        assertThatThrownBy(() -> ResourceServerOptions.from(env(Map.of("issuer", "http://127.0.0.1:9000",
                "clock-skew", "-5s"))))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ResourceServerOptions.from(env(Map.of("issuer", "http://127.0.0.1:9000",
                "clock-skew", "soon"))))
                .hasMessageContaining("is not a duration");
    }

    private static StandardEnvironment env(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", values));
        return env;
    }
}
