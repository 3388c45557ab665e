package dev.oauthagent.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Start-up cost of the agent (issue 3: at most +120 ms on a 2-core machine), beside the OpenTelemetry Java
 * agent with its exporters off as a reference, and the latency of the first matched request.
 *
 * <p>Part 1: {@code Hello} (prints a line, exits) without an agent, with oauth-agent (one client, token
 * endpoint on loopback) and with the OpenTelemetry agent, {@code --runs} rounds, the variants interleaved in
 * each round; wall time from process start to exit. Part 2: {@code FirstRequest} (one HttpURLConnection GET
 * to the matched URL right after start) without and with oauth-agent; the request's own latency, which with
 * the agent includes waiting for the first token, and the process wall time. Part 3: {@code LogHello} (one
 * logback line at once, then exit) without an agent, with oauth-agent and with oauth-agent with scrubbing off,
 * interleaved as in part 1: what an application that logs at start waits for the logging hooks. Part 4
 * ({@link LibraryStartup}): an application that uses OkHttp and Apache HttpClient 4 and 5 at start, against
 * {@code Hello} in the same rounds. {@code --parts=} runs some of them (hello, first-request, log-hello, libraries).
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.StartupHarness [--runs=7]
 *     [--parts=hello,first-request,log-hello,libraries] [--agent-jar=...] [--apps-jar=...] [--otel-jar=...]
 * </pre>
 * The OpenTelemetry agent is copied to {@code bench/target/otel/} by the build; without it its row is skipped
 * with a note.
 */
public final class StartupHarness {
    private static final String ALL_PARTS = "hello,first-request,log-hello,libraries";

    private StartupHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = new HarnessOptions(args,
                Set.of("runs", "parts", "agent-jar", "apps-jar", "otel-jar"));
        int runs = options.intValue("runs", 7);
        Set<String> parts = Set.of(options.text("parts", ALL_PARTS).split(","));
        BenchFiles files = BenchFiles.locate();
        Path agentJar = files.agentJar(options.path("agent-jar"));
        Path appsJar = files.appsJar(options.path("apps-jar"));
        Path otelJar = files.openTelemetryJar(options.path("otel-jar"));
        String secret = "s" + Long.toHexString(System.nanoTime());

        Path workDir = Files.createTempDirectory("oauth-agent-startup");
        try (LoopbackServer server = LoopbackServer.start(secret)) {
            Path config = AgentConfigFile.write(workDir, server);
            ChildLauncher launcher = new ChildLauncher(appsJar, workDir, secret);
            JvmVariant none = JvmVariant.noAgent();
            JvmVariant ours = JvmVariant.oauthAgent(agentJar, config);

            System.out.println("Start-up: " + runs + " rounds, variants interleaved in each round");
            System.out.println("JDK " + MachineState.jdk() + ", " + MachineState.cores() + ", at start "
                    + MachineState.load());
            if (parts.contains("hello")) {
                measureHello(runs, otelJar, options.path("otel-jar"), launcher, none, ours);
            }
            if (parts.contains("first-request")) {
                printFirstRequest(List.of(none, ours), runs, server, launcher);
            }
            if (parts.contains("log-hello")) {
                ChildLauncher logbackLauncher = ChildLauncher.withLibraries(appsJar, files.logbackJars(), workDir,
                        secret);
                List<JvmVariant> logVariants = List.of(none, ours, JvmVariant.oauthAgentScrubbingOff(agentJar, config));
                printWallTimes("LogHello", measureWallTimes(logVariants, runs, logbackLauncher, "LogHello"));
            }
            if (parts.contains("libraries")) {
                new LibraryStartup(launcher, ChildLauncher.withLibraries(appsJar, files.httpLibraryJars(), workDir,
                        secret), none, ours).measure(runs, server.apiUrl());
            }
            System.out.println("At end " + MachineState.load());
        } finally {
            WorkDirs.delete(workDir); // its files are read by now: nothing of a run stays in the temp folder
        }
    }

    private static void measureHello(int runs, Path otelJar, Path otelOption, ChildLauncher launcher, JvmVariant none,
            JvmVariant ours) throws Exception {
        List<JvmVariant> helloVariants = new ArrayList<>(List.of(none, ours));
        if (otelJar != null) {
            helloVariants.add(JvmVariant.openTelemetry(otelJar));
        } else if (otelOption != null) {
            System.out.println("NOTE: no OpenTelemetry agent at --otel-jar=" + otelOption
                    + ": its row is skipped.");
        } else {
            System.out.println("NOTE: no OpenTelemetry agent at bench/target/otel/opentelemetry-javaagent.jar"
                    + " (the build could not resolve it; give one with --otel-jar=): its row is skipped.");
        }
        printWallTimes("Hello", measureWallTimes(helloVariants, runs, launcher, "Hello"));
    }

    private static Map<JvmVariant, List<Double>> measureWallTimes(List<JvmVariant> variants, int runs,
            ChildLauncher launcher, String mainClass) throws Exception {
        Map<JvmVariant, List<Double>> wall = new LinkedHashMap<>();
        variants.forEach(variant -> wall.put(variant, new ArrayList<>()));
        for (int round = 1; round <= runs; round++) {
            StringBuilder line = new StringBuilder(mainClass + " round " + round + ":");
            for (JvmVariant variant : variants) {
                ChildRun run = launcher.run(variant, mainClass).requireSuccess();
                wall.get(variant).add(run.wallMillis());
                line.append(String.format(Locale.ROOT, "  %s %.0f ms", variant.name(), run.wallMillis()));
            }
            System.out.println(line);
        }
        return wall;
    }

    private static void printWallTimes(String mainClass, Map<JvmVariant, List<Double>> wall) {
        double baseline = Median.of(wall.values().iterator().next());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-24s %14s %10s %10s %10s%n", mainClass, "median ms", "added ms", "min ms",
                "max ms");
        wall.forEach((variant, millis) -> {
            double median = Median.of(millis);
            System.out.printf(Locale.ROOT, "%-24s %14.0f %+10.0f %10.0f %10.0f%n", variant.name(), median,
                    median - baseline, min(millis), max(millis));
        });
        System.out.println();
    }

    private static void printFirstRequest(List<JvmVariant> variants, int runs, LoopbackServer server,
            ChildLauncher launcher) throws Exception {
        Map<JvmVariant, List<Double>> requestMillis = new LinkedHashMap<>();
        Map<JvmVariant, List<Double>> wallMillis = new LinkedHashMap<>();
        Map<JvmVariant, long[]> bearerAndTokens = new LinkedHashMap<>();
        for (JvmVariant variant : variants) {
            requestMillis.put(variant, new ArrayList<>());
            wallMillis.put(variant, new ArrayList<>());
            bearerAndTokens.put(variant, new long[2]);
        }
        for (int round = 1; round <= runs; round++) {
            StringBuilder line = new StringBuilder("first request round " + round + ":");
            for (JvmVariant variant : variants) {
                server.resetCounts();
                ChildRun run = launcher.run(variant, "FirstRequest", server.apiUrl().toString()).requireSuccess();
                double request = run.field("micros") / 1e3;
                requestMillis.get(variant).add(request);
                wallMillis.get(variant).add(run.wallMillis());
                bearerAndTokens.get(variant)[0] += server.bearerRequests();
                bearerAndTokens.get(variant)[1] += server.tokensIssued();
                line.append(String.format(Locale.ROOT, "  %s %.1f ms (process %.0f ms)", variant.name(), request,
                        run.wallMillis()));
            }
            System.out.println(line);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-16s %20s %20s %s%n", "First request", "request median ms",
                "process median ms", "requests with the Bearer token / token requests");
        for (JvmVariant variant : variants) {
            long[] counts = bearerAndTokens.get(variant);
            System.out.printf(Locale.ROOT, "%-16s %20.1f %20.0f %d of %d / %d%n", variant.name(),
                    Median.of(requestMillis.get(variant)), Median.of(wallMillis.get(variant)), counts[0], runs,
                    counts[1]);
        }
        System.out.println();
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
