package dev.oauthagent.bench;

import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.scrub.LogScrubbing;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogLineAdvice;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the logback hook costs per line, through the call logback makes ({@code LogLineAdvice.scrubbed}) with
 * scrubbing set up as the agent sets it up: a configured client's secret and a live token in the set, the hook
 * scrubber installed in the Bridge. {@link ScrubBenchmark} times the redactor behind it; this is the path a clean
 * line takes in {@code LogThroughputHarness}, where the same line costs about twice as much in place
 * (docs/performance.md, "Log scrubbing").
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar HookScrubBenchmark -f 2 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 * Expect 0 B/op for the clean line (the same array comes back).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HookScrubBenchmark {
    /** Made up for the benchmark, JWT-shaped like LogLoop's: no server ever issued it. */
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiZW5jaC1jbGllbnQifQ"
            + ".c2lnbmF0dXJlLW9mLXRoZS1ob29rLWJlbmNobWFyaw";
    private static final String SECRET = "hook-bench-client-secret-7f3a9c";

    @Param({"false", "true"})
    public boolean patterns;

    // Fields, not constants, so the JIT cannot fold the inputs.
    private byte[] harnessLine;
    private byte[] lineWithToken;

    @Setup
    public void setUp() throws Exception {
        Map<String, String> properties = new HashMap<>();
        String client = "oauth.agent.clients.bench.";
        properties.put(client + "token-url", "https://auth.example.com/token");
        properties.put(client + "client-id", "bench");
        properties.put(client + "client-secret", "${env:HOOK_BENCH_SECRET}");
        properties.put(client + "hosts", "api.example.com");
        properties.put("oauth.agent.scrub.patterns", String.valueOf(patterns));
        LogScrubbing scrubbing = LogScrubbing.start(ConfigLoader.load("", properties,
                Collections.singletonMap("HOOK_BENCH_SECRET", SECRET)).requireNoProblems().config(), null);
        scrubbing.connectHooks();
        scrubbing.secrets().tokenObtained("bench", new AccessToken(TOKEN, "Bearer", 3600, null));

        harnessLine = LogLines.harnessCleanLine();
        lineWithToken = ("18:01:07.412 [main] INFO  dev.oauthagent.bench.apps.LogLoop - calling"
                + " https://api.example.com/orders/1234567 with token " + TOKEN + "\n").getBytes(StandardCharsets.UTF_8);
        String scrubbed = new String(LogLineAdvice.scrubbed(lineWithToken), StandardCharsets.UTF_8);
        if (LogLineAdvice.scrubbed(harnessLine) != harnessLine || scrubbed.contains(TOKEN)
                || !scrubbed.contains("[REDACTED]")) {
            throw new IllegalStateException("the hook does not behave as the benchmark assumes");
        }
    }

    @TearDown
    public void tearDown() {
        Bridge.installScrubber(null);
    }

    /** The clean line LogThroughputHarness's logback writes (162 bytes). */
    @Benchmark
    public byte[] cleanHarnessLine() {
        return LogLineAdvice.scrubbed(harnessLine);
    }

    /** A line with the live token: the token is found by exact matching, with or without the patterns. */
    @Benchmark
    public byte[] lineWithToken() {
        return LogLineAdvice.scrubbed(lineWithToken);
    }
}
