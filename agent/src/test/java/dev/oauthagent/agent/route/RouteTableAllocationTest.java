package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteTable#match(String, String, int, String)} runs on every outgoing request of the host
 * application, so the common case (canonical host, plain path) must not allocate. Counts bytes, not time,
 * so it is deterministic on a loaded machine; the JMH benchmark in bench/ reports the figures.
 */
class RouteTableAllocationTest {
    private static final int CALLS = 20_000;

    private final RouteTable table = RouteTable.of(List.of(
            Route.parse("billing", List.of("billing.example.com"), List.of("/v1", "/v2"), false),
            Route.parse("partner", List.of("*.partner.example"), List.of("/"), false),
            Route.parse("legacy", List.of("legacy.internal:8080"), List.of("/api"), true)));

    @Test
    void matchingACanonicalHostAndPlainPathAllocatesNothing() {
        assertThat(bytesAllocatedPerCall(() -> table.match("https", "billing.example.com", -1, "/v1/invoices/42")))
                .isLessThan(1.0);
        assertThat(bytesAllocatedPerCall(() -> table.match("https", "api.eu.partner.example", 443, "/x")))
                .isLessThan(1.0);
    }

    @Test
    void missAllocatesNothing() {
        assertThat(bytesAllocatedPerCall(() -> table.match("https", "cdn.other.org", -1, "/static/app.js")))
                .isLessThan(1.0);
        assertThat(bytesAllocatedPerCall(() -> table.match("http", "billing.example.com", -1, "/v1")))
                .isLessThan(1.0);
    }

    private static double bytesAllocatedPerCall(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            call.run(); // warm up: class loading and the first calls may allocate
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        long after = threads.getThreadAllocatedBytes(thread);
        return (after - before) / (double) CALLS;
    }
}
