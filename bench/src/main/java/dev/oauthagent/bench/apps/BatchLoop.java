package dev.oauthagent.bench.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

import com.sun.management.OperatingSystemMXBean;

/**
 * The batch protocol of the side-by-side harnesses, shared by {@code RequestLoop} and {@code LogLoop}: one line
 * per batch on stdin holding how many operations to run (requests, log lines), one line per batch on stdout
 * {@code BATCH count=<n> nanos=<wall> cpuNanos=<process CPU> threadCpuNanos=<this thread's CPU>
 * compileMillis=<JIT time since the previous batch> failed=<failed operations>}. End of input ends the loop.
 *
 * <p>Beside the wall time: the process CPU (all threads: the work's own, JIT, GC, the agent's), the calling
 * thread's CPU (what the operations themselves cost), and the JIT compiler's time since the last batch, from
 * which the harness tells when the JVM has stopped warming up.
 */
final class BatchLoop {
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /** What a batch runs, on the thread that reads the commands. */
    interface Work {
        /** Runs {@code count} operations; returns how many failed. */
        int run(int count) throws Exception;
    }

    private BatchLoop() {
    }

    /** Answers batches until the input ends; returns the number of failed operations over all of them. */
    static long serve(Work work) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        long anyFailed = 0;
        long compileMillis = JIT.getTotalCompilationTime();
        String line;
        while ((line = readCommand(commands)) != null) {
            int count = Integer.parseInt(line);
            long cpuStart = OS.getProcessCpuTime();
            long threadCpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            int failed = work.run(count);
            long nanos = System.nanoTime() - start;
            long threadCpuNanos = THREADS.getCurrentThreadCpuTime() - threadCpuStart;
            long cpuNanos = OS.getProcessCpuTime() - cpuStart;
            long compiledNow = JIT.getTotalCompilationTime();
            System.out.println("BATCH count=" + count + " nanos=" + nanos + " cpuNanos=" + cpuNanos
                    + " threadCpuNanos=" + threadCpuNanos + " compileMillis=" + (compiledNow - compileMillis)
                    + " failed=" + failed);
            System.out.flush();
            compileMillis = compiledNow;
            anyFailed += failed;
        }
        return anyFailed;
    }

    /** The next batch size, or null at the end of input (or a blank line). */
    private static String readCommand(BufferedReader commands) throws IOException {
        String line = commands.readLine();
        return line == null || line.isBlank() ? null : line.trim();
    }
}
