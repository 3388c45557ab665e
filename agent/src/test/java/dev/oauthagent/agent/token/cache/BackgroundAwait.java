package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.oauthagent.agent.token.AccessToken;

/** {@link TokenCache#await} on a thread of its own, so the test thread can drive the manual scheduler. */
final class BackgroundAwait {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private final Thread thread;
    private volatile AccessToken token;
    private volatile Throwable failure;
    private volatile boolean interruptFlagAfter;

    BackgroundAwait(TokenCache cache, Duration timeout) {
        thread = new Thread(() -> {
            try {
                token = cache.await(timeout.toNanos());
            } catch (Throwable t) {
                failure = t;
            }
            interruptFlagAfter = Thread.currentThread().isInterrupted();
        }, "test-await");
        thread.setDaemon(true);
        thread.start();
    }

    /** Polls (generous deadline) until the thread is parked waiting for a request to end. */
    BackgroundAwait waitUntilWaiting() {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            assertThat(thread.isAlive()).as("await returned before waiting; failure: %s", failure).isTrue();
            assertThat(System.nanoTime() - deadline).as("thread never started waiting").isNegative();
            Thread.onSpinWait();
        }
        return this;
    }

    void interrupt() {
        thread.interrupt();
    }

    BackgroundAwait join() throws InterruptedException {
        thread.join(GENEROUS.toMillis());
        assertThat(thread.isAlive()).as("await still running after %s", GENEROUS).isFalse();
        return this;
    }

    AccessToken token() {
        return token;
    }

    Throwable failure() {
        return failure;
    }

    boolean interruptFlagAfter() {
        return interruptFlagAfter;
    }
}
