package dev.oauthagent.agent.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link HeldTextTimer} whose time moves only when a test says so; due checks run on the test's thread. */
final class ManualHeldTextTimer implements HeldTextTimer {
    static final long QUIET = TimeUnit.MILLISECONDS.toNanos(200);

    private long now = 1_000_000_000L;
    private final List<long[]> dueTimes = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public long quietPeriodNanos() {
        return QUIET;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        dueTimes.add(new long[] {now + delayNanos});
        tasks.add(task);
    }

    int scheduled() {
        return tasks.size();
    }

    /** Moves time on by {@code millis}, running every check that falls due on the way, in order. */
    void advanceMillis(long millis) {
        long until = now + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            int next = -1;
            for (int i = 0; i < tasks.size(); i++) {
                if (dueTimes.get(i)[0] <= until && (next < 0 || dueTimes.get(i)[0] < dueTimes.get(next)[0])) {
                    next = i;
                }
            }
            if (next < 0) {
                break;
            }
            now = Math.max(now, dueTimes.remove(next)[0]);
            tasks.remove(next).run();
        }
        now = until;
    }
}
