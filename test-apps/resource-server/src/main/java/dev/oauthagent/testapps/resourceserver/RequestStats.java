package dev.oauthagent.testapps.resourceserver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** How many /api requests were let through and how many were refused for want of a valid token. */
final class RequestStats {
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong other = new AtomicLong();

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
        return counts;
    }
}
