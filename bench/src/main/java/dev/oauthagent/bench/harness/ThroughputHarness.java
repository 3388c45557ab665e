package dev.oauthagent.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Request throughput of an application with and without the agent, for HttpURLConnection and java.net.http
 * (sync): issue 3 asks for at least 0.97 of the no-agent figure.
 *
 * <p>Each run is a fresh JVM ({@code RequestLoop}) sending {@code --warmup} untimed and then
 * {@code --requests} timed GETs, one at a time over keep-alive, to a matched URL on a loopback server in
 * this JVM. Runs alternate without and with the agent ({@code --pairs} pairs per client), so a change in
 * machine load hits both sides alike; the summary compares medians, of wall-clock throughput and of the
 * child's process CPU time per request (steadier when other work shares the cores). The server counts the
 * requests that carried the agent's token: a ratio next to a count of 0 is the cost of an agent that
 * attached nothing.
 *
 * <pre>
 * mvn -B -o -q -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.ThroughputHarness [--requests=20000]
 *     [--warmup=5000] [--pairs=5] [--agent-jar=...] [--apps-jar=...]
 * </pre>
 */
public final class ThroughputHarness {
    private static final List<String> CLIENTS = List.of("urlconnection", "httpclient");

    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        HarnessOptions options = new HarnessOptions(args,
                Set.of("requests", "warmup", "pairs", "agent-jar", "apps-jar"));
        int requests = options.intValue("requests", 20_000);
        int warmUp = options.intValue("warmup", 5_000);
        int pairs = options.intValue("pairs", 5);
        BenchFiles files = BenchFiles.locate();
        Path agentJar = files.agentJar(options.path("agent-jar"));
        Path appsJar = files.appsJar(options.path("apps-jar"));
        String secret = "s" + Long.toHexString(System.nanoTime());

        Path workDir = Files.createTempDirectory("oauth-agent-throughput");
        try (LoopbackServer server = LoopbackServer.start(secret)) {
            Path config = AgentConfigFile.write(workDir, server);
            ChildLauncher launcher = new ChildLauncher(appsJar, workDir, secret);
            JvmVariant withAgent = JvmVariant.oauthAgent(agentJar, config);
            List<JvmVariant> variants = List.of(JvmVariant.noAgent(), withAgent);

            System.out.println("Throughput: " + requests + " timed requests after " + warmUp + " warm-up, "
                    + pairs + " pairs per client, " + server.apiUrl());
            System.out.println("JDK " + MachineState.jdk() + ", " + MachineState.cores() + ", at start "
                    + MachineState.load());
            List<ClientSummary> summaries = new ArrayList<>();
            for (String client : CLIENTS) {
                summaries.add(measure(client, variants, withAgent, pairs, requests, warmUp, server, launcher));
            }
            System.out.println();
            System.out.println("At end " + MachineState.load());
            System.out.println(ClientSummary.header());
            for (ClientSummary summary : summaries) {
                System.out.println(summary.line());
            }
        }
    }

    private static ClientSummary measure(String client, List<JvmVariant> variants, JvmVariant withAgent, int pairs,
            int requests, int warmUp, LoopbackServer server, ChildLauncher launcher) throws Exception {
        List<Double> withoutRate = new ArrayList<>();
        List<Double> withRate = new ArrayList<>();
        List<Double> withoutCpu = new ArrayList<>();
        List<Double> withCpu = new ArrayList<>();
        long agentRequests = 0;
        long agentBearer = 0;
        for (int pair = 1; pair <= pairs; pair++) {
            for (JvmVariant variant : variants) {
                server.resetCounts();
                ChildRun run = launcher.run(variant, "RequestLoop", client, server.apiUrl().toString(),
                        Integer.toString(warmUp), Integer.toString(requests)).requireSuccess();
                double perSecond = requests / (run.field("nanos") / 1e9);
                double cpuMicros = run.field("cpuNanos") / 1e3 / requests;
                boolean agent = variant == withAgent;
                (agent ? withRate : withoutRate).add(perSecond);
                (agent ? withCpu : withoutCpu).add(cpuMicros);
                if (agent) {
                    agentRequests += server.apiRequests();
                    agentBearer += server.bearerRequests();
                }
                System.out.printf(Locale.ROOT, "%-14s pair %d %-12s %7.0f req/s %6.1f us CPU/req  (server saw %d"
                        + " requests on %d connections, %d with the Bearer token; %d token requests)%n", client, pair,
                        variant.name(), perSecond, cpuMicros, server.apiRequests(), server.apiConnections(),
                        server.bearerRequests(), server.tokensIssued());
            }
        }
        return new ClientSummary(client, Median.of(withoutRate), Median.of(withRate), Median.of(withoutCpu),
                Median.of(withCpu), agentBearer, agentRequests);
    }

    private record ClientSummary(String client, double withoutRate, double withRate, double withoutCpu,
            double withCpu, long bearer, long requests) {
        static String header() {
            return String.format(Locale.ROOT, "%-14s %10s %10s %7s %12s %12s %9s  %s", "client", "no agent",
                    "agent", "ratio", "no agent", "agent", "CPU", "requests with the agent's token")
                    + String.format(Locale.ROOT, "%n%-14s %10s %10s %7s %12s %12s %9s", "", "req/s", "req/s",
                    "", "us CPU/req", "us CPU/req", "ratio");
        }

        /** Both ratios read "share of the no-agent throughput kept": the CPU one as a CPU-bound client would. */
        String line() {
            return String.format(Locale.ROOT, "%-14s %10.0f %10.0f %7.3f %12.1f %12.1f %9.3f  %d of %d", client,
                    withoutRate, withRate, withRate / withoutRate, withoutCpu, withCpu, withoutCpu / withCpu,
                    bearer, requests);
        }
    }
}
