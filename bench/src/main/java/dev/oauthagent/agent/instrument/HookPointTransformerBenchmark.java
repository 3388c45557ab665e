package dev.oauthagent.agent.instrument;

import dev.oauthagent.agent.instrument.apache4.Apache4Instrumentation;
import dev.oauthagent.agent.instrument.apache5.Apache5Instrumentation;
import dev.oauthagent.agent.instrument.connect.ConnectInstrumentation;
import dev.oauthagent.agent.instrument.httpclient.HttpClientInstrumentation;
import dev.oauthagent.agent.instrument.okhttp.OkHttpInstrumentation;
import dev.oauthagent.agent.instrument.urlconnection.UrlConnectionInstrumentation;
import java.util.ArrayList;
import java.util.List;
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
 * What the agent's hook-point transformer costs each class the application loads that it does not hook (nearly all
 * of them): {@code hooks=jdk} with the hook points of the JDK's clients and the connect watch only, {@code
 * hooks=all} with those of OkHttp and Apache HttpClient 4 and 5 as well, as the agent ships. An application that
 * never loads these libraries pays their hooks only this difference on each class load. In the transformer's
 * package: its constructor is not public.
 *
 * <p>Class names rotate over 1024 of a typical application's (their hash codes cached after the first round; the JVM
 * hands each transformer a new name String per class, whose hash any lookup computes once, hooks or not).
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar HookPointTransformerBenchmark -f 2 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HookPointTransformerBenchmark {
    private static final int NAMES = 1024;

    @Param({"jdk", "all"})
    public String hooks;

    private HookPointTransformer transformer;
    private final String[] classNames = new String[NAMES];
    private final byte[] classFile = new byte[0];
    private int next;

    @Setup
    public void start() {
        List<LibraryInstrumentation> libraries = new ArrayList<>(List.of(new UrlConnectionInstrumentation(),
                new HttpClientInstrumentation(), new ConnectInstrumentation()));
        if ("all".equals(hooks)) {
            libraries.addAll(List.of(new Apache5Instrumentation(), new OkHttpInstrumentation(),
                    new Apache4Instrumentation()));
        }
        List<HookPoint> points = new ArrayList<>();
        for (LibraryInstrumentation library : libraries) {
            points.addAll(library.hookPoints());
        }
        transformer = new HookPointTransformer(points);
        String[] packages = {"com/example/orders/", "org/springframework/beans/factory/support/",
            "com/fasterxml/jackson/databind/deser/std/", "ch/qos/logback/classic/spi/"};
        for (int i = 0; i < NAMES; i++) {
            classNames[i] = packages[i % packages.length] + "GeneratedType" + i;
        }
    }

    @Benchmark
    public byte[] classNotHooked() {
        String name = classNames[next++ & (NAMES - 1)];
        return transformer.transform(null, name, null, null, classFile);
    }
}
