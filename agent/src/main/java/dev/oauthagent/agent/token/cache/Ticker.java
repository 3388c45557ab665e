package dev.oauthagent.agent.token.cache;

/**
 * A monotonic clock in nanoseconds with an arbitrary origin, like {@link System#nanoTime()}: only
 * differences mean anything. Callers compare instants as {@code a - b < 0}, never {@code a < b}, so the
 * value may wrap around. Injected into the cache so that tests move time by hand instead of sleeping.
 */
public interface Ticker {
    long read();

    /** {@link System#nanoTime()}: immune to wall-clock jumps (NTP, daylight saving, an operator's date command). */
    static Ticker system() {
        return SystemTicker.INSTANCE;
    }
}
