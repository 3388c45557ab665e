package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.token.cache.Ticker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one line through per interval and counts the rest, so an outage under load writes a line a minute
 * that says how many requests it affected, not a line per request.
 */
final class RateLimitedLog {
    private static final long NEVER = Long.MIN_VALUE;

    private final Ticker ticker;
    private final long intervalNanos;
    private final AtomicLong lastLogged = new AtomicLong(NEVER);
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Ticker ticker, long interval, TimeUnit unit) {
        this.ticker = ticker;
        this.intervalNanos = unit.toNanos(interval);
    }

    /**
     * -1 when this event should not be logged; otherwise the number of events suppressed since the last line
     * (which this call resets).
     */
    long admit() {
        long now = ticker.read();
        long previous = lastLogged.get();
        if (previous != NEVER && now - previous < intervalNanos) {
            suppressed.incrementAndGet();
            return -1;
        }
        if (!lastLogged.compareAndSet(previous, now)) {
            suppressed.incrementAndGet();
            return -1;
        }
        return suppressed.getAndSet(0);
    }
}
