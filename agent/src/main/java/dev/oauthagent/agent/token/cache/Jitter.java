package dev.oauthagent.agent.token.cache;

import java.util.Random;

/**
 * Uniform random delays. Spreading refreshes and retries keeps many agents that started together (a fleet
 * restarted by one deployment) from hitting the token endpoint in lockstep.
 */
final class Jitter {
    private Jitter() {
    }

    /**
     * A value uniform in {@code [0, maxInclusive]}, from {@link Random#nextDouble()} so that tests can pin it
     * to either end (0.0 gives 0, {@code Math.nextDown(1.0)} gives {@code maxInclusive}).
     */
    static long upTo(Random random, long maxInclusive) {
        if (maxInclusive <= 0) {
            return 0;
        }
        long value = (long) (random.nextDouble() * (maxInclusive + 1.0));
        // Floating-point rounding can land exactly on maxInclusive + 1.
        return Math.min(value, maxInclusive);
    }
}
