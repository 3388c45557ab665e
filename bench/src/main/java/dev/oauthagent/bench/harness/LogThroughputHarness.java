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
 * Log throughput to a logback file appender (issue 4): no agent, the agent scrubbing every line, and no agent
 * with logback's own {@code %replace} regex masking configured for the same token shapes (Bearer values,
 * JWTs, {@code access_token}/{@code refresh_token}/{@code id_token}/{@code client_secret} pairs in query,
 * form and JSON). Targets: the agent keeps at least 95% of the no-agent throughput on clean lines, and its
 * scrubbing costs at most a fifth of what the regex masking adds.
 *
 * <p>Each run is a fresh JVM ({@code LogLoop}) logging {@code --warmup} untimed and then {@code --lines}
 * timed lines through slf4j to a {@code FileAppender} with a pattern encoder (immediate flush, logback's
 * default). The three set-ups alternate within each of {@code --rounds} rounds, so a change in machine load
 * hits all of them alike; the summary compares medians of wall-clock lines/s and of process CPU per line.
 * "Added" is the cost per line over the no-agent run (from the medians): the price of the masking itself,
 * which the ratio "regex/agent" compares. A line count check proves each run logged every line.
 *
 * <p>The warm-up is long (1.5 million lines, about 5 s) because the agent's JVM has start-up work of its own to
 * finish: its start-up thread sets up byte-buddy for the logging frameworks, and the JIT then compiles that
 * code on the same two cores the logging thread needs. With 200,000 warm-up lines (session 5's default) the
 * timed part still paid for that: +1,300 ns of process CPU per line in the agent's JVM, against ±50 ns after 1.5
 * million (docs/performance.md, session 6). That is a start-up cost, measured by {@code StartupHarness}; this
 * harness measures the cost per line.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.LogThroughputHarness [--lines=300000]
 *     [--warmup=1500000] [--rounds=5] [--agent-jar=...] [--apps-jar=...]
 * </pre>
 */
public final class LogThroughputHarness {
    private static final List<String> WORKLOADS = List.of("clean", "leaky");
    private static final String PATTERN_HEAD = "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - ";
    /**
     * The regex masking a team would configure without the agent: the same shapes the agent's fallback patterns
     * catch. (Inside logback's option quotes a backslash reaches the regex as it is; no braces, which would end
     * the option list.)
     */
    static final String MASKING_REGEX = "(?i)(bearer\\s+[A-Za-z0-9._~+/-]+=*)"
            + "|(eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*)"
            + "|((access_token|refresh_token|id_token|client_secret|assertion)(=|\"\\s*:\\s*\")[^&\\s\"]+)";

    private LogThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = new HarnessOptions(args, Set.of("lines", "warmup", "rounds", "agent-jar", "apps-jar"));
        int lines = options.intValue("lines", 300_000);
        int warmUp = options.intValue("warmup", 1_500_000);
        int rounds = options.intValue("rounds", 5);
        BenchFiles files = BenchFiles.locate();
        Path agentJar = files.agentJar(options.path("agent-jar"));
        List<Path> classPath = new ArrayList<>();
        classPath.add(files.appsJar(options.path("apps-jar")));
        classPath.addAll(files.logbackJars());
        String secret = "s" + Long.toHexString(System.nanoTime());

        Path workDir = Files.createTempDirectory("oauth-agent-log-throughput");
        try (LoopbackServer server = LoopbackServer.start(secret)) {
            Path agentConfig = AgentConfigFile.write(workDir, server);
            Path logFile = workDir.resolve("app.log");
            Path plain = writeLogbackConfig(workDir.resolve("logback-plain.xml"), logFile, "%msg");
            Path masked = writeLogbackConfig(workDir.resolve("logback-replace.xml"), logFile,
                    "%replace(%msg){'" + MASKING_REGEX + "', '[REDACTED]'}");
            List<JvmVariant> setups = List.of(
                    withConfig("no agent", List.of(), plain),
                    withConfig("oauth-agent", JvmVariant.oauthAgent(agentJar, agentConfig).jvmArgs(), plain),
                    withConfig("%replace", List.of(), masked));
            ChildLauncher launcher = new ChildLauncher(classPath, workDir, secret);

            System.out.println("Log throughput: " + lines + " timed lines after " + warmUp + " warm-up, " + rounds
                    + " rounds, logback FileAppender with a pattern encoder, file " + logFile);
            System.out.println("JDK " + MachineState.jdk() + ", " + MachineState.cores() + ", at start "
                    + MachineState.load());
            List<String> summary = new ArrayList<>();
            for (String workload : WORKLOADS) {
                summary.addAll(measure(workload, setups, rounds, lines, warmUp, launcher, logFile));
            }
            System.out.println();
            System.out.println("At end " + MachineState.load());
            summary.forEach(System.out::println);
        }
    }

    private static List<String> measure(String workload, List<JvmVariant> setups, int rounds, int lines, int warmUp,
            ChildLauncher launcher, Path logFile) throws Exception {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (JvmVariant setup : setups) {
                Files.deleteIfExists(logFile);
                ChildRun run = launcher.run(setup, "LogLoop", workload, Integer.toString(warmUp),
                        Integer.toString(lines)).requireSuccess();
                LogFileCount written = LogFileCount.of(logFile);
                if (written.lines() != warmUp + lines) {
                    throw new IllegalStateException(setup.name() + " wrote " + written.lines() + " lines, expected "
                            + (warmUp + lines) + "\n" + run.describe());
                }
                double perSecond = lines / (run.field("nanos") / 1e9);
                double cpuNanos = (double) run.field("cpuNanos") / lines;
                rates.computeIfAbsent(setup.name(), k -> new ArrayList<>()).add(perSecond);
                cpu.computeIfAbsent(setup.name(), k -> new ArrayList<>()).add(cpuNanos);
                System.out.printf(Locale.ROOT, "%-6s round %d %-12s %9.0f lines/s %7.0f ns CPU/line  (%d lines "
                        + "in the file, %d with the token)%n", workload, round, setup.name(), perSecond, cpuNanos,
                        written.lines(), written.withToken());
            }
        }
        return summarise(workload, setups, rates, cpu);
    }

    private static List<String> summarise(String workload, List<JvmVariant> setups, Map<String, List<Double>> rates,
            Map<String, List<Double>> cpu) {
        double baseRate = Median.of(rates.get(setups.get(0).name()));
        double baseCpu = Median.of(cpu.get(setups.get(0).name()));
        double agentRate = Median.of(rates.get("oauth-agent"));
        double replaceRate = Median.of(rates.get("%replace"));
        double agentAddedWall = 1e9 / agentRate - 1e9 / baseRate;
        double replaceAddedWall = 1e9 / replaceRate - 1e9 / baseRate;
        double agentAddedCpu = Median.of(cpu.get("oauth-agent")) - baseCpu;
        double replaceAddedCpu = Median.of(cpu.get("%replace")) - baseCpu;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s lines (medians)", workload));
        lines.add(String.format(Locale.ROOT, "  %-12s %10s %11s %12s %12s", "", "lines/s", "vs no agent",
                "added ns/line", "ns CPU/line"));
        for (JvmVariant setup : setups) {
            double rate = Median.of(rates.get(setup.name()));
            double cpuLine = Median.of(cpu.get(setup.name()));
            lines.add(String.format(Locale.ROOT, "  %-12s %10.0f %11.3f %12.0f %12.0f", setup.name(), rate,
                    rate / baseRate, 1e9 / rate - 1e9 / baseRate, cpuLine));
        }
        lines.add(String.format(Locale.ROOT, "  agent overhead %.1f%% of throughput; agent vs %%replace throughput "
                + "%.2fx; added cost per line %%replace/agent: wall %s, CPU %s", 100 * (1 - agentRate / baseRate),
                agentRate / replaceRate, ratio(replaceAddedWall, agentAddedWall), ratio(replaceAddedCpu,
                        agentAddedCpu)));
        return lines;
    }

    /** a/b, or a note when the agent's added cost is within noise of zero (a ratio would be meaningless). */
    private static String ratio(double replaceAdded, double agentAdded) {
        if (agentAdded <= 0) {
            return String.format(Locale.ROOT, "n/a (agent added %.0f ns, %%replace %.0f ns)", agentAdded, replaceAdded);
        }
        return String.format(Locale.ROOT, "%.1fx (%.0f vs %.0f ns)", replaceAdded / agentAdded, replaceAdded,
                agentAdded);
    }

    private static JvmVariant withConfig(String name, List<String> jvmArgs, Path logbackConfig) {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-Dlogback.configurationFile=" + logbackConfig);
        return new JvmVariant(name, args);
    }

    private static Path writeLogbackConfig(Path file, Path logFile, String message) throws java.io.IOException {
        String xml = "<configuration>\n"
                + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n"
                + "    <file>" + logFile + "</file>\n"
                + "    <encoder><pattern>" + xmlEscaped(PATTERN_HEAD + message) + "%n</pattern></encoder>\n"
                + "  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>\n"
                + "</configuration>\n";
        return Files.writeString(file, xml);
    }

    private static String xmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** What one run left in the log file: every line counted, and those where the token survived. */
    private record LogFileCount(long lines, long withToken) {
        /** The JWT header of LogLoop's made-up token: present when a line was not masked. */
        private static final String TOKEN_HEAD = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.";

        static LogFileCount of(Path file) throws java.io.IOException {
            long lines = 0;
            long withToken = 0;
            try (var reader = Files.newBufferedReader(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    if (line.contains(TOKEN_HEAD)) {
                        withToken++;
                    }
                }
            }
            return new LogFileCount(lines, withToken);
        }
    }
}
