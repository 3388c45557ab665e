package dev.oauthagent.testapps.resourceserver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * How many /api requests were let through and how many were refused for want of a valid token, and how many
 * different tokens were accepted (a client whose requests span token lifetimes shows several).
 */
final class RequestStats {
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    /** Kept in memory only, to be counted: never printed or answered. */
    private final Set<String> acceptedTokens = ConcurrentHashMap.newKeySet();

    void tokenAccepted(Jwt token) {
        acceptedTokens.add(token.getTokenValue());
    }

    void record(int status) {
        if (status == 401 || status == 403) {
            rejected.incrementAndGet();
        } else if (status >= 200 && status < 300) {
            accepted.incrementAndGet();
        } else {
            other.incrementAndGet();
        }
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accepted", accepted.get());
        counts.put("rejected", rejected.get());
        counts.put("other", other.get());
        counts.put("tokens", (long) acceptedTokens.size());
        return counts;
    }
}
