package dev.oauthagent.testapps.authserver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How many access tokens each client got since start, at {@code GET /__issued-tokens} (open, like a metrics
 * endpoint): a test proves a client under the agent stays within its token-request budget.
 */
@RestController
class IssuedTokenCounts {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void issuedTo(String clientId) {
        counts.computeIfAbsent(clientId, id -> new AtomicLong()).incrementAndGet();
    }

    @GetMapping("/__issued-tokens")
    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((client, count) -> snapshot.put(client, count.get()));
        return snapshot;
    }
}
