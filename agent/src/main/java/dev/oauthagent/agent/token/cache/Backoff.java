package dev.oauthagent.agent.token.cache;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.oauthagent.agent.token.TokenFetchException;

/**
 * How long to wait before the next token request after a failed one.
 * <ul>
 * <li>Transient failures: exponential backoff with full jitter. After the n-th consecutive failure
 * (n = 0 for the first) the delay is uniform in {@code [0, min(30 s, 1 s * 2^n)]}. Full jitter rather than
 * a fixed ladder because agents restarted together would otherwise retry together.</li>
 * <li>Terminal failures (the server rejected the client or its request): every 5 min. Retrying fast cannot
 * help and looks like an attack to the server; retrying at all lets a fix on the server side heal the
 * agent without a restart. Credential rotation is handled by {@link TokenCache#credentialsChanged()}.</li>
 * <li>A server's Retry-After is a floor for both, capped at 1 h so one bad header cannot park a client
 * for a day.</li>
 * </ul>
 */
final class Backoff {
    static final long BASE_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long CAP_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final long TERMINAL_NANOS = TimeUnit.MINUTES.toNanos(5);
    static final long MAX_RETRY_AFTER_SECONDS = TimeUnit.HOURS.toSeconds(1);

    private final Random random;

    Backoff(Random random) {
        this.random = random;
    }

    /** @param failuresBefore consecutive failures before this one: 0 for the first failure */
    long delayNanos(int failuresBefore, TokenFetchException failure) {
        long delay = failure.isTerminal() ? TERMINAL_NANOS : Jitter.upTo(random, ceilingNanos(failuresBefore));
        return Math.max(delay, retryAfterNanos(failure));
    }

    /** min(30 s, 1 s * 2^n), without overflowing for large n. */
    static long ceilingNanos(int failuresBefore) {
        if (failuresBefore >= 5) { // 2^5 s = 32 s is already past the cap
            return CAP_NANOS;
        }
        return Math.min(CAP_NANOS, BASE_NANOS << Math.max(0, failuresBefore));
    }

    private static long retryAfterNanos(TokenFetchException failure) {
        long seconds = failure.retryAfterSeconds();
        return seconds <= 0 ? 0 : TimeUnit.SECONDS.toNanos(Math.min(seconds, MAX_RETRY_AFTER_SECONDS));
    }
}
