package dev.oauthagent.agent.token.cache;

import java.util.Random;

/** A Random whose nextDouble() is pinned, so jitter is exact: 0.0 is the least, {@link #MAX} the most. */
final class FixedRandom extends Random {
    static final double MAX = Math.nextDown(1.0);
    private static final long serialVersionUID = 1L;

    private final double value;

    FixedRandom(double value) {
        this.value = value;
    }

    static FixedRandom least() {
        return new FixedRandom(0.0);
    }

    static FixedRandom most() {
        return new FixedRandom(MAX);
    }

    @Override
    public double nextDouble() {
        return value;
    }
}
