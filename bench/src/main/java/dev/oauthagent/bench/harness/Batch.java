package dev.oauthagent.bench.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One batch of operations (requests, log lines) as a child JVM reported it (apps' {@code BatchLoop}). */
record Batch(int count, long nanos, long cpuNanos, long threadCpuNanos, long compileMillis, int failed) {
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

    /** Parses {@code BATCH count=.. nanos=.. cpuNanos=.. threadCpuNanos=.. compileMillis=.. failed=..}. */
    static Batch parse(String line) {
        long[] values = new long[6];
        String[] names = {"count", "nanos", "cpuNanos", "threadCpuNanos", "compileMillis", "failed"};
        boolean[] seen = new boolean[6];
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(matcher.group(1))) {
                    values[i] = Long.parseLong(matcher.group(2));
                    seen[i] = true;
                }
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (!seen[i]) {
                throw new IllegalStateException("no '" + names[i] + "=' in the child's batch line: " + line);
            }
        }
        return new Batch((int) values[0], values[1], values[2], values[3], values[4], (int) values[5]);
    }

    double perSecond() {
        return count / (nanos / 1e9);
    }

    /** Wall time per operation. */
    double nanosEach() {
        return (double) nanos / count;
    }

    /** Process CPU per operation: the operations plus everything else the JVM did meanwhile (JIT, GC, agent). */
    double cpuNanosEach() {
        return (double) cpuNanos / count;
    }

    /** The calling thread's CPU per operation: the operations alone. */
    double threadCpuNanosEach() {
        return (double) threadCpuNanos / count;
    }

    /** The JIT was (nearly) idle since the previous batch: under 1 % of this batch's wall time, or 5 ms. */
    boolean jitQuiet() {
        return compileMillis <= Math.max(5, nanos / 1e6 / 100);
    }
}
