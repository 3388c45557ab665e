package dev.oauthagent.bench;

import dev.oauthagent.agent.scrub.LiveSecrets;
import dev.oauthagent.agent.scrub.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of scrubbing one log line, paid on every line the application writes: a typical 110-character line
 * without secrets, a 170-character one of English words ("request", "refreshed", "client", "access": pairs the
 * fallback keywords share) and the first line carrying a live token, with 1, 10 and 100 live secrets (the exact
 * matcher's cost must not grow with their number) and with the fallback patterns off and on.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ScrubBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 * Expect 0 B/op for clean lines (the same String comes back; bytes give null).
 *
 * <p>{@link #floorPairScan} is the yardstick for the clean-line figures: a bare loop that reads the same bytes
 * pair by pair through a 128 x 128 table and finds nothing, which is what any scanner that looks at every
 * character pays at least. The redactor's clean line costs its filter (the same loop) plus the call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScrubBenchmark {
    @Param({"1", "10", "100"})
    public int secrets;

    @Param({"false", "true"})
    public boolean patterns;

    private Redactor redactor;
    // Fields, not constants, so the JIT cannot fold the inputs.
    private String cleanLine;
    private String wordyLine;
    private String lineWithSecret;
    private byte[] cleanBytes;
    private byte[] harnessLine;
    private final byte[] emptyPairTable = new byte[128 * 128];

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < secrets; i++) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            values.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)); // a 43-character opaque token
        }
        redactor = Redactor.create(LiveSecrets.of(values), patterns, "[REDACTED]", false);
        cleanLine = "2026-11-29 10:15:42.123 INFO  [http-nio-8080-exec-7] c.e.billing.InvoiceService - "
                + "Invoice 4711 created in 12 ms";
        lineWithSecret = "2026-11-29 10:15:42.123 DEBUG [http-nio-8080-exec-7] c.e.billing.ApiClient - calling "
                + "with token " + values.get(0) + " for 4711";
        wordyLine = "2026-11-29 10:15:43.007 INFO  [main] c.e.orders.OrderService - Received the request to reserve"
                + " stock; the cache was refreshed, the client has access and the session is idle";
        cleanBytes = (cleanLine + "\n").getBytes(StandardCharsets.UTF_8);
        harnessLine = LogLines.harnessCleanLine();
        if (redactor.scrub(cleanLine) != cleanLine || redactor.scrub(wordyLine) != wordyLine
                || redactor.scrub(lineWithSecret).contains(values.get(0))) {
            throw new IllegalStateException("the redactor does not behave as the benchmark assumes");
        }
    }

    @Benchmark
    public String cleanLine() {
        return redactor.scrub(cleanLine);
    }

    /** A clean line of English words, many of which share pairs with the fallback patterns' keywords. */
    @Benchmark
    public String cleanWordyLine() {
        return redactor.scrub(wordyLine);
    }

    @Benchmark
    public byte[] cleanLineBytes() {
        return redactor.scrub(cleanBytes, 0, cleanBytes.length);
    }

    /**
     * A clean line as LogThroughputHarness's logback writes it (162 bytes), as the logback hook hands it over: the
     * micro-benchmark figure to set beside that harness's added cost per line.
     */
    @Benchmark
    public byte[] cleanHarnessLineBytes() {
        return redactor.scrub(harnessLine, 0, harnessLine.length);
    }

    @Benchmark
    public String lineWithSecret() {
        return redactor.scrub(lineWithSecret);
    }

    @Benchmark
    public int floorPairScan() {
        byte[] text = cleanBytes;
        byte[] table = emptyPairTable;
        for (int at = 0; at + 1 < text.length; at += 2) {
            if (table[(text[at] & 0x7f) << 7 | (text[at + 1] & 0x7f)] != 0) {
                return at;
            }
        }
        return -1;
    }
}
