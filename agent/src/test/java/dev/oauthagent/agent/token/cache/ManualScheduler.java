package dev.oauthagent.agent.token.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs tasks only when the test says so, on the test's thread, with time taken from a {@link ManualTicker}.
 * Tasks never run while this object's monitor is held: a task takes the cache's lock, and another thread
 * holding that lock may be calling {@link #schedule}.
 */
final class ManualScheduler implements RefreshScheduler {
    /** More tasks than any test needs in one call: a cache stuck in a zero-delay loop fails instead of hanging. */
    private static final int RUNAWAY = 100_000;

    private final ManualTicker ticker;
    private final List<Task> tasks = new ArrayList<>();
    private long seq;
    private boolean closed;
    private boolean cancelTooLate;

    ManualScheduler(ManualTicker ticker) {
        this.ticker = ticker;
    }

    @Override
    public synchronized Cancellable schedule(Runnable runnable, long delayNanos) {
        if (closed) {
            return () -> { };
        }
        Task task = new Task(runnable, ticker.read() + Math.max(0, delayNanos), seq++);
        tasks.add(task);
        return () -> remove(task);
    }

    /** From now on cancel() has no effect, as when a task has already started on a real scheduler thread. */
    synchronized void cancelArrivesTooLate() {
        cancelTooLate = true;
    }

    /** Runs every task due now, including tasks those tasks schedule for now. */
    void runDue() {
        Task t;
        int ran = 0;
        while ((t = takeDueBy(ticker.read())) != null) {
            checkRunaway(++ran);
            t.runnable.run();
        }
    }

    /** Runs only the earliest task due now (a zero-delay retry it schedules stays pending). */
    void runFirstDue() {
        Task t = takeDueBy(ticker.read());
        if (t == null) {
            throw new AssertionError("nothing is due");
        }
        t.runnable.run();
    }

    /** Moves time forward by {@code d}, running each task at its due instant, in order. */
    void advance(Duration d) {
        long target = ticker.read() + d.toNanos();
        Task t;
        int ran = 0;
        while ((t = takeDueBy(target)) != null) {
            checkRunaway(++ran);
            if (t.due - ticker.read() > 0) {
                ticker.set(t.due);
            }
            t.runnable.run();
        }
        ticker.set(target);
    }

    /** Moves time to the earliest task and runs it (and anything else due then). */
    void runNext() {
        advance(Duration.ofNanos(nextDelayNanos()));
    }

    /** Delay from now until the earliest pending task. */
    synchronized long nextDelayNanos() {
        Task first = earliest();
        if (first == null) {
            throw new AssertionError("nothing is scheduled");
        }
        return first.due - ticker.read();
    }

    Duration nextDelay() {
        return Duration.ofNanos(nextDelayNanos());
    }

    synchronized int pending() {
        return tasks.size();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }

    private static void checkRunaway(int ran) {
        if (ran > RUNAWAY) {
            throw new AssertionError("more than " + RUNAWAY + " tasks in one go: the cache is requesting in a loop");
        }
    }

    private synchronized void remove(Task task) {
        if (!cancelTooLate) {
            tasks.remove(task);
        }
    }

    private synchronized Task takeDueBy(long limit) {
        Task first = earliest();
        if (first == null || first.due - limit > 0) {
            return null;
        }
        tasks.remove(first);
        return first;
    }

    private Task earliest() {
        Task best = null;
        for (Task t : tasks) {
            long diff = best == null ? -1 : t.due - best.due;
            if (best == null || diff < 0 || (diff == 0 && t.seq < best.seq)) {
                best = t;
            }
        }
        return best;
    }

    private record Task(Runnable runnable, long due, long seq) {
    }
}
