package dev.oauthagent.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request throughput of an application with and without the agent, for HttpURLConnection and java.net.http
 * (sync): issue 3 asks for at least 0.97 of the no-agent figure, over 20,000 requests.
 *
 * <p>Made for a noisy shared 2-core host, where the load of the neighbours changes within seconds and a
 * no-agent run alone can scatter by ±30 %:
 * <ul>
 *   <li>Both JVMs run at the same time ({@code RequestLoop}, one without and one with the agent) and the
 *       harness alternates their batches, so each agent batch is compared with a no-agent batch measured a
 *       moment before or after it, under the same load. Which side goes first alternates too.</li>
 *   <li>Steady state, not warm-up: batches are sent to both until the JIT compiler of both JVMs has been
 *       (nearly) idle for five batch pairs in a row (at least {@code --min-warmup} requests each, at most
 *       {@code --max-warmup}: a round that hits the cap says so). What the agent costs before that point is
 *       reported separately, as the CPU time each JVM spent warming up. The minimum is 120,000: C2 compiles
 *       {@code RequestLoop}'s loop, with the whole request path inlined, only after about 100,000 requests, after
 *       a quiet spell, and that compilation (bigger with the agent's hooks inlined) used to fall into the timed
 *       batches (docs/performance.md, session 5).</li>
 *   <li>Then {@code --requests} timed requests per JVM in batches of {@code --batch}; each pair of batches gives
 *       one ratio. The result is the median of those ratios with their quartiles and range, over
 *       {@code --rounds} fresh pairs of JVMs, beside the CPU per request (process and sending thread).</li>
 * </ul>
 * The loopback server counts the requests that carried the agent's token: a ratio next to a count of 0 is
 * the cost of an agent that attached nothing, and the harness fails if the counts do not add up.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.ThroughputHarness [--requests=20000]
 *     [--clients=urlconnection,httpclient] [--batch=2000] [--rounds=3] [--min-warmup=120000]
 *     [--max-warmup=200000] [--agent-jar=...] [--apps-jar=...]
 * </pre>
 */
public final class ThroughputHarness {
    private static final String ALL_CLIENTS = "urlconnection,httpclient";
    private static final int QUIET_PAIRS_FOR_STEADY = 5;

    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = new HarnessOptions(args,
                Set.of("clients", "requests", "batch", "rounds", "min-warmup", "max-warmup", "agent-jar", "apps-jar"));
        List<String> clients = List.of(options.text("clients", ALL_CLIENTS).split(","));
        Plan plan = new Plan(options.intValue("requests", 20_000), options.intValue("batch", 2_000),
                options.intValue("rounds", 3), options.intValue("min-warmup", 120_000),
                options.intValue("max-warmup", 200_000));
        BenchFiles files = BenchFiles.locate();
        Path agentJar = files.agentJar(options.path("agent-jar"));
        Path appsJar = files.appsJar(options.path("apps-jar"));
        String secret = "s" + Long.toHexString(System.nanoTime());

        Path workDir = Files.createTempDirectory("oauth-agent-throughput");
        try (LoopbackServer server = LoopbackServer.start(secret)) {
            Path config = AgentConfigFile.write(workDir, server);
            ChildLauncher launcher = new ChildLauncher(appsJar, workDir, secret);
            JvmVariant withAgent = JvmVariant.oauthAgent(agentJar, config);

            System.out.println("Throughput: " + plan.requests + " timed requests per JVM in batches of " + plan.batch
                    + ", after warm-up to a quiet JIT (" + plan.minWarmUp + " to " + plan.maxWarmUp + " requests), "
                    + plan.rounds + " rounds per client, no-agent and agent JVMs side by side, " + server.apiUrl());
            System.out.println("JDK " + MachineState.jdk() + ", " + MachineState.cores() + ", at start "
                    + MachineState.load());
            List<ClientResult> results = new ArrayList<>();
            for (String client : clients) {
                ClientResult result = new ClientResult(client);
                for (int round = 1; round <= plan.rounds; round++) {
                    measureRound(result, round, plan, withAgent, server, launcher);
                }
                results.add(result);
            }
            System.out.println();
            System.out.println("At end " + MachineState.load());
            for (ClientResult result : results) {
                result.print();
            }
        }
    }

    private record Plan(int requests, int batch, int rounds, int minWarmUp, int maxWarmUp) {
    }

    private static void measureRound(ClientResult result, int round, Plan plan, JvmVariant withAgent,
            LoopbackServer server, ChildLauncher launcher) throws Exception {
        server.resetCounts();
        String url = server.apiUrl().toString();
        long agentSent = 0;
        long bothSent = 0;
        try (BatchChild none = BatchChild.start(launcher, JvmVariant.noAgent(), result.client, url);
             BatchChild agent = BatchChild.start(launcher, withAgent, result.client, url)) {
            int warmedUp = 0;
            int quietPairs = 0;
            double[] warmUpCpu = new double[2];
            int pairIndex = 0;
            while (warmedUp < plan.maxWarmUp && (quietPairs < QUIET_PAIRS_FOR_STEADY || warmedUp < plan.minWarmUp)) {
                Batch[] pair = alternate(none, agent, plan.batch, pairIndex++);
                warmedUp += plan.batch;
                warmUpCpu[0] += pair[0].cpuNanos() / 1e9;
                warmUpCpu[1] += pair[1].cpuNanos() / 1e9;
                quietPairs = pair[0].jitQuiet() && pair[1].jitQuiet() ? quietPairs + 1 : 0;
            }
            boolean steady = quietPairs >= QUIET_PAIRS_FOR_STEADY;
            RoundFigures figures = new RoundFigures();
            for (int sent = 0; sent < plan.requests; sent += plan.batch) {
                figures.add(alternate(none, agent, plan.batch, pairIndex++));
            }
            agentSent = warmedUp + figures.agentRequests;
            bothSent = 2 * agentSent;
            result.add(figures, steady, warmedUp, warmUpCpu);
            System.out.printf(Locale.ROOT, "%-14s round %d: warm-up %d requests each (%s; CPU %.1f s no agent,"
                    + " %.1f s agent), then ratio %s, us CPU/req %.1f -> %.1f, JIT during timed part %d -> %d ms%n",
                    result.client, round, warmedUp, steady ? "JIT quiet" : "JIT NOT QUIET at the cap", warmUpCpu[0],
                    warmUpCpu[1], Spread.of(figures.rateRatios).describe("%.3f"), Median.of(figures.cpu[0]),
                    Median.of(figures.cpu[1]), figures.compileMillis[0], figures.compileMillis[1]);
        }
        System.out.printf(Locale.ROOT, "%-14s round %d: server saw %d requests on %d connections, %d with the Bearer"
                + " token, %d token requests%n", result.client, round, server.apiRequests(), server.apiConnections(),
                server.bearerRequests(), server.tokensIssued());
        if (server.apiRequests() != bothSent || server.bearerRequests() != agentSent) {
            throw new IllegalStateException("the server's counts do not match what was sent (" + bothSent
                    + " requests, " + agentSent + " from the agent's JVM, all of which must carry its token):"
                    + " these figures would not measure the agent at work");
        }
        result.bearer += server.bearerRequests();
        result.agentRequests += agentSent;
    }

    /** One batch from each JVM; which goes first alternates, so neither always follows the other's JIT burst. */
    private static Batch[] alternate(BatchChild none, BatchChild agent, int requests, int index) throws Exception {
        Batch withoutAgent;
        Batch withAgent;
        if (index % 2 == 0) {
            withoutAgent = none.run(requests);
            withAgent = agent.run(requests);
        } else {
            withAgent = agent.run(requests);
            withoutAgent = none.run(requests);
        }
        return new Batch[] {withoutAgent, withAgent};
    }

    /** The timed batches of one round; index 0 is the no-agent JVM, 1 the agent's. */
    private static final class RoundFigures {
        final List<Double> rateRatios = new ArrayList<>();
        final List<Double> threadCpuRatios = new ArrayList<>();
        @SuppressWarnings("unchecked")
        final List<Double>[] rate = new List[] {new ArrayList<Double>(), new ArrayList<Double>()};
        @SuppressWarnings("unchecked")
        final List<Double>[] cpu = new List[] {new ArrayList<Double>(), new ArrayList<Double>()};
        @SuppressWarnings("unchecked")
        final List<Double>[] threadCpu = new List[] {new ArrayList<Double>(), new ArrayList<Double>()};
        final long[] compileMillis = new long[2];
        long agentRequests;

        void add(Batch[] pair) {
            rateRatios.add(pair[1].perSecond() / pair[0].perSecond());
            threadCpuRatios.add(pair[0].threadCpuMicrosPerRequest() / pair[1].threadCpuMicrosPerRequest());
            for (int side = 0; side < 2; side++) {
                rate[side].add(pair[side].perSecond());
                cpu[side].add(pair[side].cpuMicrosPerRequest());
                threadCpu[side].add(pair[side].threadCpuMicrosPerRequest());
                compileMillis[side] += pair[side].compileMillis();
            }
            agentRequests += pair[1].requests();
        }
    }

    /** Every round of one client, pooled. */
    private static final class ClientResult {
        final String client;
        final RoundFigures pooled = new RoundFigures();
        final List<Double> roundRatios = new ArrayList<>();
        final List<Double> warmUpRequests = new ArrayList<>();
        final List<Double> warmUpCpuNone = new ArrayList<>();
        final List<Double> warmUpCpuAgent = new ArrayList<>();
        int notSteady;
        long bearer;
        long agentRequests;

        ClientResult(String client) {
            this.client = client;
        }

        void add(RoundFigures round, boolean steady, int warmedUp, double[] warmUpCpu) {
            pooled.rateRatios.addAll(round.rateRatios);
            pooled.threadCpuRatios.addAll(round.threadCpuRatios);
            for (int side = 0; side < 2; side++) {
                pooled.rate[side].addAll(round.rate[side]);
                pooled.cpu[side].addAll(round.cpu[side]);
                pooled.threadCpu[side].addAll(round.threadCpu[side]);
                pooled.compileMillis[side] += round.compileMillis[side];
            }
            roundRatios.add(Median.of(round.rateRatios));
            warmUpRequests.add((double) warmedUp);
            warmUpCpuNone.add(warmUpCpu[0]);
            warmUpCpuAgent.add(warmUpCpu[1]);
            if (!steady) {
                notSteady++;
            }
        }

        void print() {
            System.out.println();
            System.out.println(client + ":");
            System.out.printf(Locale.ROOT, "  throughput ratio agent/no agent, per batch pair: %s%n",
                    Spread.of(pooled.rateRatios).describe("%.3f"));
            System.out.printf(Locale.ROOT, "  per-round medians: %s%n", format(roundRatios, "%.3f"));
            System.out.printf(Locale.ROOT, "  req/s no agent %s%n", Spread.of(pooled.rate[0]).describe("%.0f"));
            System.out.printf(Locale.ROOT, "  req/s agent    %s%n", Spread.of(pooled.rate[1]).describe("%.0f"));
            System.out.printf(Locale.ROOT, "  us CPU/req, process: no agent %.1f, agent %.1f; sending thread: no agent"
                    + " %.1f, agent %.1f; thread CPU ratio no agent/agent per pair %s%n", Median.of(pooled.cpu[0]),
                    Median.of(pooled.cpu[1]), Median.of(pooled.threadCpu[0]), Median.of(pooled.threadCpu[1]),
                    Spread.of(pooled.threadCpuRatios).describe("%.3f"));
            System.out.printf(Locale.ROOT, "  JIT time during the timed batches: no agent %d ms, agent %d ms%n",
                    pooled.compileMillis[0], pooled.compileMillis[1]);
            System.out.printf(Locale.ROOT, "  warm-up to a quiet JIT: median %.0f requests each (%d of %d rounds hit"
                    + " the cap); process CPU spent warming up, median: no agent %.1f s, agent %.1f s%n",
                    Median.of(warmUpRequests), notSteady, roundRatios.size(), Median.of(warmUpCpuNone),
                    Median.of(warmUpCpuAgent));
            System.out.printf(Locale.ROOT, "  requests of the agent's JVM that carried its token: %d of %d%n", bearer,
                    agentRequests);
        }

        private static String format(List<Double> values, String format) {
            List<String> parts = new ArrayList<>();
            for (double value : values) {
                parts.add(String.format(Locale.ROOT, format, value));
            }
            return String.join(", ", parts);
        }
    }
}
