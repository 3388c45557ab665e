package dev.oauthagent.bench;

import java.nio.charset.StandardCharsets;

/** Log lines the scrubbing benchmarks share, so their figures are for the same bytes. */
final class LogLines {
    /**
     * A clean line as LogThroughputHarness's logback writes it (162 bytes): the micro-benchmark figure to set
     * beside that harness's added cost per line.
     */
    static final String HARNESS_CLEAN_LINE = "18:01:07.412 [main] INFO  dev.oauthagent.bench.apps.LogLoop - order"
            + " 1234567 shipped to customer 8641969 in 17 ms, request id 123e4567-e89b-12d3-a456-426614174567\n";

    private LogLines() {
    }

    /** A new array each call: a benchmark keeps its own in a field, so the JIT cannot fold it. */
    static byte[] harnessCleanLine() {
        return HARNESS_CLEAN_LINE.getBytes(StandardCharsets.UTF_8);
    }
}
