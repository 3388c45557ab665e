package dev.oauthagent.agent.scrub;

/**
 * Time for a {@link ScrubbingOutputStream} that must not hold text for ever: a monotonic clock and a way to run
 * a check later. Injected, so that the stream's logic is tested without waiting.
 */
interface HeldTextTimer {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** How long the writer must have been quiet before held text is released. */
    long quietPeriodNanos();

    /** Runs {@code task} once, on another thread, {@code delayNanos} from now. */
    void schedule(Runnable task, long delayNanos);
}
