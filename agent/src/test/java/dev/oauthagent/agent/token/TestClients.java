package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;

import java.net.URI;
import java.time.Duration;

/** ClientConfig builders for tests: an http token URL on the loopback and short, explicit timeouts. */
public final class TestClients {
    public static final String SECRET = "s3cr3t-Value:with+odd%chars";
    public static final String SECRET_ORIGIN = "env var BILLING_SECRET";

    private TestClients() {
    }

    public static ClientConfig.Builder billing(URI tokenUrl) {
        return ClientConfig.builder("billing")
                .tokenUrl(tokenUrl)
                .clientId("billing-service")
                .clientSecret(Secret.of(SECRET, SECRET_ORIGIN))
                .allowHttp(true)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5));
    }

    public static ClientConfig billing() {
        return billing(URI.create("https://as.example/oauth2/token")).build();
    }
}
