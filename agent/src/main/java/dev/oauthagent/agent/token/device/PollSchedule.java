package dev.oauthagent.agent.token.device;

/**
 * When to poll next and what to tell the person meanwhile (RFC 8628 §3.5). After {@code authorization_pending}
 * the next poll is one interval away; {@code slow_down} adds 5 s to the interval for every later poll; a poll
 * that failed in transit doubles the last wait, at least the interval and at most {@link #MAX_BACKOFF_SECONDS}
 * (or the interval, if that is longer), and never shorter than a Retry-After. Not thread-safe: one per flow.
 */
final class PollSchedule {
    static final long SLOW_DOWN_SECONDS = 5;
    static final long MAX_BACKOFF_SECONDS = 60;

    private final long firstInterval;
    private long interval;
    private long waitSeconds;
    private String state;

    PollSchedule(long intervalSeconds) {
        this.firstInterval = intervalSeconds;
        this.interval = intervalSeconds;
        pending();
    }

    /** Seconds from now to the next poll. */
    long waitSeconds() {
        return waitSeconds;
    }

    /** What the poller is doing, in words for the person. */
    String state() {
        return state;
    }

    void pending() {
        waitSeconds = interval;
        state = "waiting for you to sign in, checking every " + interval + " s"
                + (interval > firstInterval ? " (the server asked to slow down)" : "");
    }

    void slowDown() {
        interval += SLOW_DOWN_SECONDS;
        pending();
    }

    /** @param retryAfterSeconds the server's Retry-After, or -1 */
    void failed(long retryAfterSeconds) {
        waitSeconds = backoff(waitSeconds, interval, retryAfterSeconds);
        state = "cannot reach the authorization server, retrying";
    }

    static long backoff(long lastWait, long interval, long retryAfterSeconds) {
        long doubled = Math.min(Math.max(lastWait * 2, interval), Math.max(MAX_BACKOFF_SECONDS, interval));
        return Math.max(doubled, retryAfterSeconds);
    }
}
