package dev.oauthagent.agent;

import java.lang.management.ManagementFactory;

/**
 * Bytes a call allocates on the calling thread, on average: for "allocates nothing" checks of code on the
 * application's request path. Counts bytes, not time, so it is deterministic on a loaded machine; the JMH
 * benchmarks in bench/ report the timings.
 */
public final class AllocationMeter {
    private static final int CALLS = 20_000;

    private AllocationMeter() {
    }

    public static double bytesPerCall(Runnable call) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            call.run(); // warm up: class loading and the first calls may allocate
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        long after = threads.getThreadAllocatedBytes(thread);
        return (after - before) / (double) CALLS;
    }
}
