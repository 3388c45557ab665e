package dev.oauthagent.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request throughput of an application with and without the agent, for HttpURLConnection, java.net.http (sync),
 * OkHttp, Apache HttpClient 4 (classic) and Apache HttpClient 5 (classic and async): at least 0.97 of the no-agent
 * figure is the aim, over 20,000 requests.
 *
 * <p>Made for a noisy shared 2-core host, where the load of the neighbours changes within seconds and a
 * no-agent run alone can scatter by ±30 %:
 * <ul>
 *   <li>Both JVMs run at the same time ({@code RequestLoop}, one without and one with the agent) and the
 *       harness alternates their batches, so each agent batch is compared with a no-agent batch measured a
 *       moment before or after it, under the same load. Which side goes first alternates too
 *       ({@link LiveChildren}, which {@link LogThroughputHarness} uses for three JVMs).</li>
 *   <li>Steady state, not warm-up: batches are sent to both until the JIT compiler of both JVMs has been
 *       (nearly) idle for five batch pairs in a row (at least {@code --min-warmup} requests each, at most
 *       {@code --max-warmup}: a round that hits the cap says so). What the agent costs before that point is
 *       reported separately, as the CPU time each JVM spent warming up. The minimum is 120,000: C2 compiles
 *       {@code RequestLoop}'s loop, with the whole request path inlined, only after about 100,000 requests, after
 *       a quiet spell, and that compilation (bigger with the agent's hooks inlined) used to fall into the timed
 *       batches (docs/decisions/0014).</li>
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
 * {@code --clients} takes any of urlconnection, httpclient (the two are the default), okhttp, apache4, apache5 and
 * apache5async (Apache HttpClient 5's async client); the libraries' children get bench/target/http-libs.
 */
public final class ThroughputHarness {
    /** The default: the JDK's clients. */
    private static final String JDK_CLIENTS = "urlconnection,httpclient";
    /** Sent through a library whose jars the child needs beside the apps jar; chosen with --clients. */
    private static final Set<String> LIBRARY_CLIENTS = Set.of("okhttp", "apache4", "apache5", "apache5async");

    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = new HarnessOptions(args,
                Set.of("clients", "requests", "batch", "rounds", "min-warmup", "max-warmup", "agent-jar", "apps-jar"));
        List<String> clients = List.of(options.text("clients", JDK_CLIENTS).split(","));
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
            ChildLauncher jdkOnly = new ChildLauncher(appsJar, workDir, secret);
            ChildLauncher withLibraries = ChildLauncher.withLibraries(appsJar, files.httpLibraryJars(), workDir, secret);
            List<JvmVariant> variants = List.of(JvmVariant.noAgent(), JvmVariant.oauthAgent(agentJar, config));

            System.out.println("Throughput: " + plan.requests + " timed requests per JVM in batches of " + plan.batch
                    + ", after warm-up to a quiet JIT (" + plan.minWarmUp + " to " + plan.maxWarmUp + " requests), "
                    + plan.rounds + " rounds per client, no-agent and agent JVMs side by side, " + server.apiUrl());
            System.out.println("JDK " + MachineState.jdk() + ", " + MachineState.cores() + ", at start "
                    + MachineState.load());
            List<ClientResult> results = new ArrayList<>();
            for (String client : clients) {
                ClientResult result = new ClientResult(client, variants);
                for (int round = 1; round <= plan.rounds; round++) {
                    measureRound(result, round, plan, variants, server,
                            LIBRARY_CLIENTS.contains(client) ? withLibraries : jdkOnly);
                }
                results.add(result);
            }
            System.out.println();
            System.out.println("At end " + MachineState.load());
            for (ClientResult result : results) {
                result.print();
            }
        } finally {
            WorkDirs.delete(workDir); // its files are read by now: nothing of a run stays in the temp folder
        }
    }

    private record Plan(int requests, int batch, int rounds, int minWarmUp, int maxWarmUp) {
    }

    private static void measureRound(ClientResult result, int round, Plan plan, List<JvmVariant> variants,
            LoopbackServer server, ChildLauncher launcher) throws Exception {
        server.resetCounts();
        long agentSent;
        long bothSent;
        try (LiveChildren children = LiveChildren.start(launcher, variants, "RequestLoop", result.client,
                server.apiUrl().toString())) {
            WarmUp warmUp = children.warmUp(plan.batch, plan.minWarmUp, plan.maxWarmUp);
            BatchFigures figures = new BatchFigures(variants.size());
            for (int sent = 0; sent < plan.requests; sent += plan.batch) {
                figures.add(children.runEach(plan.batch));
            }
            agentSent = warmUp.count() + figures.count(1);
            bothSent = 2 * agentSent;
            result.rounds.add(figures, warmUp);
            System.out.printf(Locale.ROOT, "%-14s round %d: warm-up %d requests each (%s; CPU %.1f s no agent,"
                    + " %.1f s agent), then ratio %s, us CPU/req %.1f -> %.1f, JIT during timed part %d -> %d ms%n",
                    result.client, round, warmUp.count(), warmUp.steady() ? "JIT quiet" : "JIT NOT QUIET at the cap",
                    warmUp.cpuSeconds()[0], warmUp.cpuSeconds()[1], figures.rateRatio(1).describe("%.3f"),
                    figures.cpuNanosEach(0) / 1e3, figures.cpuNanosEach(1) / 1e3, figures.compileMillis(0),
                    figures.compileMillis(1));
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

    /** Every round of one client, pooled. */
    private static final class ClientResult {
        final String client;
        final PooledRounds rounds;
        long bearer;
        long agentRequests;

        ClientResult(String client, List<JvmVariant> variants) {
            this.client = client;
            this.rounds = new PooledRounds(variants);
        }

        void print() {
            BatchFigures pooled = rounds.pooled();
            System.out.println();
            System.out.println(client + ":");
            System.out.printf(Locale.ROOT, "  throughput ratio agent/no agent, per batch pair: %s%n",
                    pooled.rateRatio(1).describe("%.3f"));
            System.out.printf(Locale.ROOT, "  per-round medians: %s%n", rounds.roundMedians(1));
            System.out.printf(Locale.ROOT, "  req/s no agent %s%n", pooled.rate(0).describe("%.0f"));
            System.out.printf(Locale.ROOT, "  req/s agent    %s%n", pooled.rate(1).describe("%.0f"));
            System.out.printf(Locale.ROOT, "  us CPU/req, process: no agent %.1f, agent %.1f; sending thread: no agent"
                    + " %.1f, agent %.1f; thread CPU ratio no agent/agent per pair %s%n", pooled.cpuNanosEach(0) / 1e3,
                    pooled.cpuNanosEach(1) / 1e3, pooled.threadCpuNanosEach(0) / 1e3,
                    pooled.threadCpuNanosEach(1) / 1e3, pooled.threadCpuRatio(1).describe("%.3f"));
            System.out.printf(Locale.ROOT, "  JIT time during the timed batches: no agent %d ms, agent %d ms%n",
                    pooled.compileMillis(0), pooled.compileMillis(1));
            System.out.println("  " + rounds.describeWarmUp("requests"));
            System.out.printf(Locale.ROOT, "  requests of the agent's JVM that carried its token: %d of %d%n", bearer,
                    agentRequests);
        }
    }
}
