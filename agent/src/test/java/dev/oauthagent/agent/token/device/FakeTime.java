package dev.oauthagent.agent.token.device;

import dev.oauthagent.agent.token.cache.Ticker;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A ticker and sleeper in one: sleeping moves the clock, at once. Read from the server's thread too (to stamp
 * each poll), so the clock is atomic. {@link #onSleep} runs after each sleep with the new time in seconds.
 */
final class FakeTime implements Ticker, Sleeper {
    private final AtomicLong nanos = new AtomicLong(TimeUnit.DAYS.toNanos(3));
    private final long origin = nanos.get();
    private volatile LongConsumer onSleep = seconds -> { };

    @Override
    public long read() {
        return nanos.get();
    }

    @Override
    public void sleep(long n) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        nanos.addAndGet(n);
        onSleep.accept(seconds());
    }

    /** Seconds since the fake clock was made. */
    double secondsExact() {
        return (nanos.get() - origin) / 1e9;
    }

    long seconds() {
        return TimeUnit.NANOSECONDS.toSeconds(nanos.get() - origin);
    }

    void onSleep(LongConsumer action) {
        this.onSleep = action;
    }
}
