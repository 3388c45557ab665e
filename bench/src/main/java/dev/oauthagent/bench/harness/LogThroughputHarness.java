package dev.oauthagent.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Log throughput to a logback file appender (issue 4): no agent, the agent scrubbing every line, and no agent
 * with logback's own {@code %replace} regex masking configured for the same token shapes (Bearer values,
 * JWTs, {@code access_token}/{@code refresh_token}/{@code id_token}/{@code client_secret} pairs in query,
 * form and JSON). Targets: the agent keeps at least 95 % of the no-agent throughput on clean lines, and its
 * scrubbing costs at most a fifth of what the regex masking adds.
 *
 * <p>Measured the way {@link ThroughputHarness} measures requests, because on a shared 2-core host a whole
 * run of one JVM is fast or slow by ±20 % from one run to the next, far more than the few percent to resolve:
 * <ul>
 *   <li>Three {@code LogLoop} JVMs run at the same time, each logging through slf4j to its own
 *       {@code FileAppender} (pattern encoder, immediate flush: logback's defaults), and the harness runs their
 *       batches of {@code --batch} lines in turn, who goes first rotating ({@link LiveChildren}). Each batch
 *       triple gives two throughput ratios to the no-agent batch measured a moment before or after, under the
 *       same load.</li>
 *   <li>Steady state: batch triples run until the JIT of all three has been (nearly) idle for five triples in
 *       a row, after at least {@code --min-warmup} lines each (at most {@code --max-warmup}; a round that hits
 *       the cap says so). The minimum is 1.5 million lines (below: why).</li>
 *   <li>Then {@code --lines} timed lines per JVM; over {@code --rounds} fresh sets of JVMs (a JVM tends to stay
 *       fast or slow for its whole life, which only fresh JVMs show) the summary prints per workload the median
 *       per-triple ratios agent/no agent and {@code %replace}/no agent with quartiles and range, the per-round
 *       medians, the wall time each adds per line (from the medians of the per-batch times) and how many times
 *       the agent's that of {@code %replace} is, the logging thread's and the process's CPU per line, and the
 *       JIT time that still fell into the timed batches.</li>
 * </ul>
 * After each round the harness counts the lines of every file: each must hold every line its JVM logged,
 * and for the {@code leaky} workload (one line in 100 carries a Bearer JWT) the no-agent file must hold the
 * token on exactly those lines and the agent's and {@code %replace}'s files on none. Any other count stops the
 * harness: it would not be measuring logging, or not the masking.
 *
 * <p>The warm-up is long (1.5 million lines, about 5 s without an agent) because the agent's JVM has start-up work of its own to
 * finish: its start-up thread installs the hooks and starts the token caches, and the JIT then compiles that
 * code on the same two cores the logging thread needs. With 200,000 warm-up lines (an earlier default) the
 * timed part still paid for that: +1,300 ns of process CPU per line in the agent's JVM, against ±50 ns after 1.5
 * million (docs/decisions/0014). That is a start-up cost, measured by {@code StartupHarness}; this
 * harness measures the cost per line.
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.LogThroughputHarness [--workloads=clean,leaky]
 *     [--lines=800000] [--batch=25000] [--rounds=4] [--min-warmup=1500000] [--max-warmup=3000000]
 *     [--agent-jar=...] [--apps-jar=...] [--versus-jar=...]
 * </pre>
 * {@code --versus-jar} runs a second build of the agent as the third JVM instead of {@code %replace}, so that two
 * builds are ranked in one run under the same load: a change of a few tens of ns a line is below what separate
 * runs of this harness resolve on a shared 2-core host (about ±0.02 in the ratio).
 */
public final class LogThroughputHarness {
    private static final String ALL_WORKLOADS = "clean,leaky";
    /** Side indexes, as the set-ups are listed. */
    private static final int AGENT = 1;
    /** logback's {@code %replace}, or with {@code --versus-jar} a second build of the agent. */
    private static final int THIRD = 2;
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
        HarnessOptions options = new HarnessOptions(args, Set.of("workloads", "lines", "batch", "rounds",
                "min-warmup", "max-warmup", "agent-jar", "apps-jar", "versus-jar"));
        List<String> workloads = List.of(options.text("workloads", ALL_WORKLOADS).split(","));
        Plan plan = new Plan(options.intValue("lines", 800_000), options.intValue("batch", 25_000),
                options.intValue("rounds", 4), options.intValue("min-warmup", 1_500_000),
                options.intValue("max-warmup", 3_000_000));
        BenchFiles files = BenchFiles.locate();
        Path agentJar = files.agentJar(options.path("agent-jar"));
        Path versusJar = options.path("versus-jar");
        List<Path> classPath = new ArrayList<>();
        classPath.add(files.appsJar(options.path("apps-jar")));
        classPath.addAll(files.logbackJars());
        String secret = "s" + Long.toHexString(System.nanoTime());

        Path workDir = Files.createTempDirectory("oauth-agent-log-throughput");
        try (LoopbackServer server = LoopbackServer.start(secret)) {
            Path agentConfig = AgentConfigFile.write(workDir, server);
            List<LogSetup> setups = List.of(
                    LogSetup.write(workDir, "no agent", "no-agent", List.of(), "%msg", false),
                    LogSetup.write(workDir, "oauth-agent", "oauth-agent",
                            JvmVariant.oauthAgent(agentJar, agentConfig).jvmArgs(), "%msg", true),
                    versusJar == null
                            ? LogSetup.write(workDir, "%replace", "replace", List.of(),
                                    "%replace(%msg){'" + MASKING_REGEX + "', '[REDACTED]'}", true)
                            : LogSetup.write(workDir, "versus-jar", "versus-jar",
                                    JvmVariant.oauthAgent(versusJar, agentConfig).jvmArgs(), "%msg", true));
            ChildLauncher launcher = new ChildLauncher(classPath, workDir, secret);

            System.out.println("Log throughput: " + plan.lines + " timed lines per JVM in batches of " + plan.batch
                    + ", after warm-up to a quiet JIT (" + plan.minWarmUp + " to " + plan.maxWarmUp + " lines), "
                    + plan.rounds + " rounds per workload, no agent, oauth-agent and " + setups.get(THIRD).name()
                    + " JVMs side by side,"
                    + " logback FileAppender with a pattern encoder, files in " + workDir);
            System.out.println("JDK " + MachineState.jdk() + ", " + MachineState.cores() + ", at start "
                    + MachineState.load());
            List<WorkloadResult> results = new ArrayList<>();
            for (String workload : workloads) {
                WorkloadResult result = new WorkloadResult(workload, setups);
                for (int round = 1; round <= plan.rounds; round++) {
                    measureRound(result, round, plan, launcher);
                }
                results.add(result);
            }
            System.out.println();
            System.out.println("At end " + MachineState.load());
            for (WorkloadResult result : results) {
                result.print();
            }
        } finally {
            WorkDirs.delete(workDir); // its files are read by now: nothing of a run stays in the temp folder
        }
    }

    private record Plan(int lines, int batch, int rounds, int minWarmUp, int maxWarmUp) {
    }

    private static void measureRound(WorkloadResult result, int round, Plan plan, ChildLauncher launcher)
            throws Exception {
        for (LogSetup setup : result.setups) {
            Files.deleteIfExists(setup.logFile());
        }
        WarmUp warmUp;
        BatchFigures figures = new BatchFigures(result.setups.size());
        try (LiveChildren children = LiveChildren.start(launcher, result.variants(), "LogLoop", result.workload)) {
            warmUp = children.warmUp(plan.batch, plan.minWarmUp, plan.maxWarmUp);
            for (int logged = 0; logged < plan.lines; logged += plan.batch) {
                figures.add(children.runEach(plan.batch));
            }
        }
        // The JVMs have exited, so every line they logged is in the files.
        long[] withToken = checkFiles(result, warmUp.count() + figures.count(0));
        result.rounds.add(figures, warmUp);
        result.printf("%-6s round %d: warm-up %d lines each (%s; CPU %s s), then ratio oauth-agent/no"
                + " agent %s, %%replace/no agent %s; thread CPU ns/line %s; JIT during timed part %s ms; lines with the"
                + " token %s%n", result.workload, round, warmUp.count(),
                warmUp.steady() ? "JIT quiet" : "JIT NOT QUIET at the cap", perSide(warmUp.cpuSeconds(), "%.1f"),
                figures.rateRatio(AGENT).describe("%.3f"), figures.rateRatio(THIRD).describe("%.3f"),
                perSide(new double[] {figures.threadCpuNanosEach(0), figures.threadCpuNanosEach(AGENT),
                    figures.threadCpuNanosEach(THIRD)}, "%.0f"),
                perSide(new double[] {figures.compileMillis(0), figures.compileMillis(AGENT),
                    figures.compileMillis(THIRD)}, "%.0f"),
                perSide(new double[] {withToken[0], withToken[AGENT], withToken[THIRD]}, "%.0f"));
    }

    /**
     * Counts each file after its JVM exited; fails unless each holds all {@code logged} lines and the token
     * is on exactly the leaky lines where nothing masked it. Returns the lines with the token per side.
     */
    private static long[] checkFiles(WorkloadResult result, long logged) throws java.io.IOException {
        long[] withToken = new long[result.setups.size()];
        for (int side = 0; side < withToken.length; side++) {
            LogSetup setup = result.setups.get(side);
            LogFileCount count = LogFileCount.of(setup.logFile());
            long expectedWithToken = setup.masks() ? 0 : result.leakyLines(logged);
            if (count.lines() != logged || count.withToken() != expectedWithToken) {
                throw new IllegalStateException(result.workload + ", " + setup.name() + ": " + setup.logFile()
                        + " holds " + count.lines() + " lines, " + count.withToken() + " with the token; expected "
                        + logged + " lines (all it logged), " + expectedWithToken + " with the token");
            }
            withToken[side] = count.withToken();
            result.linesChecked[side] += count.lines();
            result.withToken[side] += count.withToken();
            Files.delete(setup.logFile()); // ~150 bytes a line: a round leaves a few hundred MB per file
        }
        return withToken;
    }

    /** e.g. "1.2 / 1.4 / 3.0" for no agent / oauth-agent / %replace. */
    private static String perSide(double[] values, String format) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(String.format(Locale.ROOT, format, value));
        }
        return String.join(" / ", parts);
    }

    /** Every round of one workload, pooled. */
    private static final class WorkloadResult {
        final String workload;
        final List<LogSetup> setups;
        final PooledRounds rounds;
        final long[] linesChecked;
        final long[] withToken;

        WorkloadResult(String workload, List<LogSetup> setups) {
            this.workload = workload;
            this.setups = setups;
            this.rounds = new PooledRounds(variants());
            this.linesChecked = new long[setups.size()];
            this.withToken = new long[setups.size()];
        }

        List<JvmVariant> variants() {
            List<JvmVariant> variants = new ArrayList<>();
            for (LogSetup setup : setups) {
                variants.add(setup.variant());
            }
            return variants;
        }

        /** How many of LogLoop's first {@code logged} lines carry the token (it numbers lines from 1). */
        long leakyLines(long logged) {
            switch (workload) {
                case "clean":
                    return 0;
                case "leaky":
                    return logged / 100;
                default:
                    throw new IllegalArgumentException("workload must be clean or leaky, not " + workload);
            }
        }

        /**
         * {@code System.out.printf} with the third JVM's name where a format says {@code %replace}, and a target
         * only where it is the one the figure has (the {@code %replace} comparison's).
         */
        void printf(String format, Object... args) {
            String third = setups.get(THIRD).name();
            String text = third.equals("%replace") ? format
                    : format.replace("%%replace", third).replace(" (target >= 5)", "");
            System.out.printf(Locale.ROOT, text, args);
        }

        void print() {
            BatchFigures pooled = rounds.pooled();
            double agentAdded = pooled.addedNanosEach(AGENT);
            double replaceAdded = pooled.addedNanosEach(THIRD);
            System.out.println();
            System.out.println(workload + " lines:");
            printf("  throughput ratio oauth-agent/no agent, per batch triple: %s (target >="
                    + " 0.95 on clean lines)%n", pooled.rateRatio(AGENT).describe("%.3f"));
            printf("  throughput ratio %%replace/no agent, per batch triple:    %s%n",
                    pooled.rateRatio(THIRD).describe("%.3f"));
            printf("  per-round medians: oauth-agent %s; %%replace %s%n",
                    rounds.roundMedians(AGENT), rounds.roundMedians(THIRD));
            printf("  lines/s, median of batches: no agent %.0f, oauth-agent %.0f, %%replace"
                    + " %.0f%n", pooled.rate(0).median(), pooled.rate(AGENT).median(), pooled.rate(THIRD).median());
            printf("  wall ns/line, median of batches: no agent %.0f, oauth-agent %.0f (%+.0f),"
                    + " %%replace %.0f (%+.0f); added %%replace/oauth-agent %s (target >= 5)%n", pooled.nanosEach(0),
                    pooled.nanosEach(AGENT), agentAdded, pooled.nanosEach(THIRD), replaceAdded,
                    addedRatio(replaceAdded, agentAdded));
            printf("  CPU ns/line, logging thread (median): no agent %.0f, oauth-agent %.0f,"
                    + " %%replace %.0f; process (total / lines): no agent %.0f, oauth-agent %.0f, %%replace %.0f%n",
                    pooled.threadCpuNanosEach(0), pooled.threadCpuNanosEach(AGENT), pooled.threadCpuNanosEach(THIRD),
                    pooled.cpuNanosEach(0), pooled.cpuNanosEach(AGENT), pooled.cpuNanosEach(THIRD));
            printf("  thread CPU ratio no agent/oauth-agent per triple: %s%n",
                    pooled.threadCpuRatio(AGENT).describe("%.3f"));
            printf("  JIT time during the timed batches: no agent %d ms, oauth-agent %d ms,"
                    + " %%replace %d ms%n", pooled.compileMillis(0), pooled.compileMillis(AGENT),
                    pooled.compileMillis(THIRD));
            System.out.println("  " + rounds.describeWarmUp("lines"));
            printf("  log files: every logged line was in its file (%d lines per JVM over all"
                    + " rounds); lines with the token: no agent %d, oauth-agent %d, %%replace %d%n", linesChecked[0],
                    withToken[0], withToken[AGENT], withToken[THIRD]);
        }

        /** replace/agent, or a note when the agent's added time is within noise of zero (no ratio then). */
        private static String addedRatio(double replaceAdded, double agentAdded) {
            if (agentAdded <= 0) {
                return "n/a (the agent added nothing measurable)";
            }
            return String.format(Locale.ROOT, "%.1fx", replaceAdded / agentAdded);
        }
    }
}
