package dev.oauthagent.bench.apps;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs lines one after the other through slf4j to whatever logback is configured with
 * ({@code -Dlogback.configurationFile}) and reports the throughput of the timed part.
 *
 * <p>Usage: {@code LogLoop <clean|leaky> <warm-up lines> <timed lines>}. {@code clean}: every line is an
 * ordinary parameterised message with no secret. {@code leaky}: one line in 100 carries a Bearer JWT, the
 * other 99 are the clean ones. Prints {@code RESULT workload=<name> lines=<n> nanos=<elapsed>
 * cpuNanos=<process CPU>}.
 */
public final class LogLoop {
    /** JWT-shaped, made up for the benchmark: no server ever issued it. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiZW5jaC1jbGllbnQiLCJleHAiOjE5"
            + "OTk5OTk5OTl9.c2lnbmF0dXJlLW9mLXRoZS1iZW5jaC10b2tlbi1tYWRlLXVwLWZvci10ZXN0cw";

    private LogLoop() {
    }

    public static void main(String[] args) {
        String workload = args[0];
        int warmUp = Integer.parseInt(args[1]);
        int timed = Integer.parseInt(args[2]);
        int secretEvery = secretEvery(workload);
        Logger log = LoggerFactory.getLogger("dev.oauthagent.bench.apps.LogLoop");

        emit(log, warmUp, secretEvery);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        emit(log, timed, secretEvery);
        long nanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpuStart;
        System.out.println("RESULT workload=" + workload + " lines=" + timed + " nanos=" + nanos + " cpuNanos="
                + cpuNanos);
    }

    private static int secretEvery(String workload) {
        switch (workload) {
            case "clean":
                return Integer.MAX_VALUE;
            case "leaky":
                return 100;
            default:
                throw new IllegalArgumentException("workload must be clean or leaky, not " + workload);
        }
    }

    private static void emit(Logger log, int lines, int secretEvery) {
        for (int i = 1; i <= lines; i++) {
            if (i % secretEvery == 0) {
                log.info("calling https://api.example.com/orders/{} with Authorization: Bearer {}", i, TOKEN);
            } else {
                log.info("order {} shipped to customer {} in {} ms, request id 123e4567-e89b-12d3-a456-42661417{}",
                        i, i * 7, i % 50, i % 10000);
            }
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
