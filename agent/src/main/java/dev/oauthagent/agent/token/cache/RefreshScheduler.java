package dev.oauthagent.agent.token.cache;

/**
 * Runs a token cache's fetches off the application's threads. Delays are in nanoseconds of the same
 * {@link Ticker} the cache uses. The cache does not rely on tasks running one at a time (it guards its own
 * state), but implementations should, so one client never has two fetches competing for a thread.
 */
public interface RefreshScheduler extends AutoCloseable {

    /**
     * Runs {@code task} once, {@code delayNanos} from now ({@code <= 0}: as soon as possible). After
     * {@link #close()} the task is dropped and a handle that does nothing is returned.
     */
    Cancellable schedule(Runnable task, long delayNanos);

    /** Drops every pending task and stops. Idempotent. */
    @Override
    void close();

    /** A scheduled task. */
    interface Cancellable {
        /** Best effort: a task that already started runs to its end. */
        void cancel();
    }
}
