package dev.oauthagent.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.cache.DaemonScheduler;
import dev.oauthagent.agent.token.cache.RefreshPolicy;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;

/**
 * The hot path every instrumented request takes: {@link TokenCache#current()} on a fresh token, shared by
 * 1, 2 and 8 threads. Goal: under 50 ns/op and no allocation. {@code nanoTimeBaseline} is the ticker read
 * alone, which is most of the cost on hosts with a slow clock source.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TokenCacheBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenCacheBenchmark {
    private TokenCache cache;

    @Setup(Level.Trial)
    public void start() throws Exception {
        cache = new TokenCache("bench", () -> new AccessToken("bench-token-value", "Bearer", 3600, null),
                RefreshPolicy.defaults(), Ticker.system(), DaemonScheduler.forClient("bench"), new Random(42));
        cache.start();
        if (cache.await(TimeUnit.SECONDS.toNanos(30)) == null) {
            throw new IllegalStateException("no token to benchmark with");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        cache.close();
    }

    @Benchmark
    @Threads(1)
    public AccessToken current1Thread() {
        return cache.current();
    }

    @Benchmark
    @Threads(2)
    public AccessToken current2Threads() {
        return cache.current();
    }

    @Benchmark
    @Threads(8)
    public AccessToken current8Threads() {
        return cache.current();
    }

    @Benchmark
    @Threads(1)
    public long nanoTimeBaseline() {
        return System.nanoTime();
    }
}
