package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.AllocationMeter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteTable#match(String, String, int, String)} runs on every outgoing request of the host
 * application, so the common case (canonical host, plain path) must not allocate. Counts bytes, not time,
 * so it is deterministic on a loaded machine; the JMH benchmark in bench/ reports the figures.
 */
class RouteTableAllocationTest {
    private final RouteTable table = RouteTable.of(List.of(
            Route.parse("billing", List.of("billing.example.com"), List.of("/v1", "/v2"), false),
            Route.parse("partner", List.of("*.partner.example"), List.of("/"), false),
            Route.parse("legacy", List.of("legacy.internal:8080"), List.of("/api"), true)));

    @Test
    void matchingACanonicalHostAndPlainPathAllocatesNothing() {
        assertThat(AllocationMeter.bytesPerCall(() -> table.match("https", "billing.example.com", -1, "/v1/invoices/42")))
                .isLessThan(1.0);
        assertThat(AllocationMeter.bytesPerCall(() -> table.match("https", "api.eu.partner.example", 443, "/x")))
                .isLessThan(1.0);
    }

    @Test
    void missAllocatesNothing() {
        assertThat(AllocationMeter.bytesPerCall(() -> table.match("https", "cdn.other.org", -1, "/static/app.js")))
                .isLessThan(1.0);
        assertThat(AllocationMeter.bytesPerCall(() -> table.match("http", "billing.example.com", -1, "/v1")))
                .isLessThan(1.0);
    }

    @Test
    void aConnectionEndpointCheckAllocatesNothingMatchedOrNot() {
        assertThat(AllocationMeter.bytesPerCall(() -> table.clientForEndpoint("billing.example.com", 443)))
                .isLessThan(1.0);
        assertThat(AllocationMeter.bytesPerCall(() -> table.clientForEndpoint("cdn.other.org", 443))).isLessThan(1.0);
    }
}
