package dev.oauthagent.agent.token.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker that moves only when told to. */
final class ManualTicker implements Ticker {
    /**
     * 30 minutes before the long range wraps: every test that holds a token for longer crosses the wrap,
     * which proves deadlines are compared as differences.
     */
    static final long START = Long.MAX_VALUE - Duration.ofMinutes(30).toNanos();

    private final AtomicLong now = new AtomicLong(START);

    @Override
    public long read() {
        return now.get();
    }

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    void advanceNanos(long nanos) {
        now.addAndGet(nanos);
    }

    void set(long nanos) {
        now.set(nanos);
    }
}
