package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RouteTable#clientForEndpoint}: a connection's host and port, before any request (scheme and path
 * unknown), against the configured hosts. A port matches a pattern's own port, or else 443, or 80 with allow-http.
 */
class RouteTableEndpointTest {
    private static final RouteTable TABLE = RouteTable.of(List.of(
            Route.parse("api", List.of("api.example.com"), List.of("/v1"), false),
            Route.parse("partner", List.of("*.partner.example"), List.of("/"), false),
            Route.parse("local", List.of("127.0.0.1:8080", "[::1]:8443"), List.of("/api"), false),
            Route.parse("legacy", List.of("legacy.example.com"), List.of("/"), true)));

    @ParameterizedTest(name = "{0}:{1} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "api.example.com, 443, api",
        "API.Example.COM., 443, api",
        "api.example.com, 80, none",
        "api.example.com, 8443, none",
        "eu.partner.example, 443, partner",
        "partner.example, 443, none",
        "127.0.0.1, 8080, local",
        "127.0.0.1, 443, none",
        "::1, 8443, local",
        "[::1], 8443, local",
        "legacy.example.com, 80, legacy",
        "legacy.example.com, 443, legacy",
        "legacy.example.com, 8080, none",
        "api.example.com.evil.com, 443, none",
        "evil.com, 443, none",
    })
    void aConnectionsHostAndPortMatchTheClientWhoseHostsListThem(String host, int port, String client) {
        assertThat(TABLE.clientForEndpoint(host, port)).isEqualTo(client);
    }
}
