package dev.oauthagent.testapps.authserver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How many token requests reached the token endpoint since start, refused ones included, at
 * {@code GET /__token-requests} (open, like {@code /__issued-tokens}): keys are {@code <client_id> <grant_type>
 * <status>}, e.g. {@code device-client refresh_token 400}. {@link IssuedTokenCounts} sees only the requests that
 * got a token; a test that proves a client spends a refresh token once, or stops asking after a refusal, needs
 * the others too.
 */
@RestController
class TokenRequestCounts {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void answered(String clientId, String grantType, int status) {
        counts.computeIfAbsent(clientId + " " + grantType + " " + status, key -> new AtomicLong()).incrementAndGet();
    }

    @GetMapping("/__token-requests")
    Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((key, count) -> snapshot.put(key, count.get()));
        return snapshot;
    }
}
