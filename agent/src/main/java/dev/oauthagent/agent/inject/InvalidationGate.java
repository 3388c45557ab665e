package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.token.cache.Ticker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one 401-driven invalidation per client every {@link #MIN_GAP_SECONDS}. A resource server that
 * refuses every token of a client (wrong audience, clock skew, a misconfigured issuer) would otherwise turn
 * each request into a token request: the gate keeps that to one every few seconds while still replacing a
 * revoked token at once.
 */
final class InvalidationGate {
    static final long MIN_GAP_SECONDS = 5;
    private static final long NEVER = Long.MIN_VALUE;

    private final Ticker ticker;
    private final AtomicLong last = new AtomicLong(NEVER);

    InvalidationGate(Ticker ticker) {
        this.ticker = ticker;
    }

    boolean tryPass() {
        long now = ticker.read();
        long previous = last.get();
        if (previous != NEVER && now - previous < TimeUnit.SECONDS.toNanos(MIN_GAP_SECONDS)) {
            return false;
        }
        return last.compareAndSet(previous, now);
    }
}
