package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A client configured with issuer gets its endpoints by copying its configuration: every other field must survive
 * the copy. Checked by reflection, so that a field added later without a line in the copy fails here, not in
 * production (the proxy and token-params fields were once dropped that way).
 */
class ClientConfigCopyTest {
    private static final Set<String> REPLACED_BY_DISCOVERY = Set.of("tokenUrl", "deviceAuthorizationUrl",
            "authorizationUrl");

    @Test
    void discoveredEndpointsReplaceOnlyTheEndpoints() throws Exception {
        ClientConfig configured = ClientConfig.builder("billing")
                .issuer(URI.create("https://as.example/tenant"))
                .clientId("billing-service").clientSecret(Secret.of("s3cr3t", "test"))
                .scopes(List.of("read")).audience("api").resources(List.of("https://api.example"))
                .hosts(List.of("api.example")).paths(List.of("/v1")).allowHttp(true)
                .refreshBefore(Duration.ofSeconds(61)).expirySkew(Duration.ofSeconds(7))
                .waitTimeout(Duration.ofSeconds(3)).failMode(FailMode.OPEN)
                .connectTimeout(Duration.ofSeconds(4)).readTimeout(Duration.ofSeconds(6))
                .defaultExpiresIn(Duration.ofSeconds(600)).overrideExisting(true)
                .proxy(URI.create("http://proxy.example:3128"))
                .proxyCredentials(Secret.of("proxy-user", "test"), Secret.of("proxy-pass", "test"))
                .tokenParams(Map.of("tenant", Secret.of("t-1", "test")))
                .privateKey(new PrivateKeyConfig(java.nio.file.Paths.get("/keys/billing.p12"),
                        Secret.of("store-pw", "test"), "billing"))
                .clientCertificate(java.nio.file.Paths.get("/keys/billing-chain.pem"))
                .signingAlgorithm(dev.oauthagent.agent.token.auth.key.SigningAlgorithm.PS256).keyId("k-1")
                .assertionAudience(AssertionAudience.ISSUER)
                .clientAssertion(Secret.of("a.b.c", "test"), "urn:example:type")
                .build();

        ClientConfig copy = configured.withDiscoveredEndpoints(URI.create("https://as.example/token"),
                URI.create("https://as.example/device"), URI.create("https://as.example/authorize"));

        assertThat(copy.tokenUrl()).isEqualTo(URI.create("https://as.example/token"));
        for (Field field : ClientConfig.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || REPLACED_BY_DISCOVERY.contains(field.getName())) {
                continue;
            }
            field.setAccessible(true);
            assertThat(field.get(copy)).as(field.getName()).isEqualTo(field.get(configured));
        }
    }
}
