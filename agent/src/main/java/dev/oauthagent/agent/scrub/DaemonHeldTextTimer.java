package dev.oauthagent.agent.scrub;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The standard streams' {@link HeldTextTimer}: one daemon thread for both, started on the first check (most
 * programs never hold text long enough to need it). The quiet period, 200 ms, is far longer than the gap
 * between two writes of one print statement, even on a loaded machine, and short enough that a prompt
 * (printed without a newline, then waiting for input) appears before the user wonders why.
 *
 * <p>No lambdas: this class is loaded in premain.
 */
final class DaemonHeldTextTimer implements HeldTextTimer, ThreadFactory {
    static final long QUIET_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, this);

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long quietPeriodNanos() {
        return QUIET_PERIOD_NANOS;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        executor.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    /**
     * A daemon (it must never keep the program alive), with the agent's class loader as its context loader: it
     * is created from whichever application thread first prints, whose loader it must not pin.
     */
    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "oauth-agent-std-streams");
        t.setDaemon(true);
        t.setContextClassLoader(DaemonHeldTextTimer.class.getClassLoader());
        return t;
    }
}
