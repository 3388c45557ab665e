package dev.oauthagent.bench;

import dev.oauthagent.agent.route.Route;
import dev.oauthagent.agent.route.RouteTable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of deciding which client an outgoing request belongs to, paid on every request the application
 * makes. Three clients (exact host with path prefixes, wildcard, IP with port and allow-http).
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar RouteTableBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 * Expect 0 B/op for hit and miss; the "needs normalizing" case shows what an upper-case host costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteTableBenchmark {
    private final RouteTable table = RouteTable.of(List.of(
            Route.parse("billing", List.of("billing.example.com"), List.of("/v1", "/v2"), false),
            Route.parse("partner", List.of("*.partner.example"), List.of("/"), false),
            Route.parse("legacy", List.of("10.20.30.40:8080"), List.of("/api"), true)));

    // Fields, not constants, so the JIT cannot fold the inputs.
    private String scheme = "https";
    private String hitHost = "billing.example.com";
    private String hitPath = "/v1/invoices/42";
    private String missHost = "cdn.other.org";
    private String missPath = "/static/app.js";
    private String upperCaseHost = "Billing.Example.COM.";

    @Benchmark
    public String hit() {
        return table.match(scheme, hitHost, -1, hitPath);
    }

    @Benchmark
    public String miss() {
        return table.match(scheme, missHost, -1, missPath);
    }

    @Benchmark
    public String hitHostNeedsNormalizing() {
        return table.match(scheme, upperCaseHost, -1, hitPath);
    }
}
