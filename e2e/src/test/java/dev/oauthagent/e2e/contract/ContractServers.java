package dev.oauthagent.e2e.contract;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.Http;
import dev.oauthagent.e2e.support.Json;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.ResourceServer;
import dev.oauthagent.e2e.support.TestTls;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The servers every client's contract run talks to, started once per test JVM (on first use) and shared by all
 * {@link InjectionContract} subclasses, so adding a client costs only its app runs. Cases never interfere:
 * each uses its own paths (see {@link InjectionContract#caseId}), so nothing needs resetting. The processes
 * are stopped when the test JVM exits ({@code JavaProcess}'s shutdown hook).
 *
 * <ul>
 * <li>an https authorization server: its basic and post clients get 5-minute tokens (they change only when a
 * case makes them), its "short-client" tokens that live {@link #SHORT_TOKEN_TTL};</li>
 * <li>three origin recorders: http on port A, http on port B (the "other port"), https on port S;</li>
 * <li>for the expiry case only: the resource server that really validates the tokens (expiry with a leeway of
 * {@link #EXPIRY_LEEWAY}).</li>
 * </ul>
 */
final class ContractServers {
    static final Duration SHORT_TOKEN_TTL = Duration.ofSeconds(4);
    /**
     * How long after its {@code exp} the expiry case's resource server still accepts a token. The agent stops
     * attaching a token 10% of its lifetime before it expires (0.3 s of a 3 s token): a request a loaded machine
     * keeps in flight longer would be refused for the machine's slowness. Two seconds do not hide a token used a
     * lifetime late, and the case counts the tokens the requests carried anyway.
     */
    static final Duration EXPIRY_LEEWAY = Duration.ofSeconds(2);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(60);

    private static ContractServers origins;
    private static ContractServers expiry;

    final TestTls tls;
    final AuthServer authServer;
    final OriginRecorder http;
    final OriginRecorder otherPort;
    final OriginRecorder https;
    final ResourceServer resourceServer;

    private ContractServers(TestTls tls, AuthServer authServer, OriginRecorder http, OriginRecorder otherPort,
            OriginRecorder https, ResourceServer resourceServer) {
        this.tls = tls;
        this.authServer = authServer;
        this.http = http;
        this.otherPort = otherPort;
        this.https = https;
        this.resourceServer = resourceServer;
    }

    /** The authorization server and the three recorders. */
    static synchronized ContractServers origins() {
        if (origins == null) {
            TestTls tls = TestTls.get();
            List<AutoCloseable> started = new ArrayList<>();
            try {
                OriginRecorder http = started(started, OriginRecorder.start());
                OriginRecorder otherPort = started(started, OriginRecorder.start());
                OriginRecorder https = started(started, OriginRecorder.startTls(tls));
                AuthServer auth = started(started, secrets(AuthServer.builder()).tls(tls).shortTokenTtl(SHORT_TOKEN_TTL)
                        .start());
                origins = new ContractServers(tls, auth, http, otherPort, https, null);
            } catch (RuntimeException | AssertionError e) {
                closeAll(started);
                throw e;
            }
        }
        return origins;
    }

    /**
     * The {@link #origins()} authorization server, and a resource server trusting it, for the expiry case:
     * its tokens, of the "short-client", live {@link #SHORT_TOKEN_TTL}.
     */
    static synchronized ContractServers expiry() {
        if (expiry == null) {
            ContractServers shared = origins();
            ResourceServer api = ResourceServer.startWithClockSkew(shared.authServer, EXPIRY_LEEWAY);
            try {
                warmUp(shared.authServer, api);
            } catch (RuntimeException | AssertionError e) {
                api.close();
                throw e;
            }
            expiry = new ContractServers(shared.tls, shared.authServer, shared.http, shared.otherPort, shared.https, api);
        }
        return expiry;
    }

    /**
     * The resource server's first token check initializes its servlet and fetches the JWKS over TLS, which can
     * take longer on a busy machine than a {@link #SHORT_TOKEN_TTL} token lives: a case must not see that first
     * slow request. Asks with a fresh token until one is accepted (a few seconds at most).
     */
    private static void warmUp(AuthServer auth, ResourceServer api) {
        long deadline = System.nanoTime() + WARM_UP_TIMEOUT.toNanos();
        Http.Response last;
        do {
            HttpResponse<String> token = FormPost.to(auth.tokenUrl())
                    .basicAuth(auth.shortClientId(), auth.shortClientSecret())
                    .field("grant_type", "client_credentials").send();
            last = Http.get(api.helloUrl(), "Bearer " + Json.parseObject(token.body()).get("access_token"));
        } while (last.status() != 200 && System.nanoTime() < deadline);
        if (last.status() != 200) {
            throw new AssertionError("the resource server kept refusing fresh tokens for " + WARM_UP_TIMEOUT + ": "
                    + last.status() + " " + last.header("WWW-Authenticate"));
        }
    }

    /** Every request any recorder saw so far, as "METHOD target authorization=...". */
    List<String> recorded() {
        List<String> lines = new ArrayList<>(http.recorded());
        lines.addAll(otherPort.recorded());
        lines.addAll(https.recorded());
        return lines;
    }

    /**
     * The requests of one case (every path segment list containing {@code id}), each as
     * {@link RecordedRequest}, in arrival order per recorder.
     */
    List<RecordedRequest> recordedFor(String id) {
        return recorded().stream().map(RecordedRequest::parse).filter(request -> request.belongsTo(id)).toList();
    }

    /** Everything the servers printed, for "no secret anywhere" checks. */
    String serverOutput() {
        StringBuilder output = new StringBuilder();
        for (JavaProcess process : processes()) {
            output.append(process.stdout()).append(process.stderr());
        }
        return output.toString();
    }

    private List<JavaProcess> processes() {
        List<JavaProcess> processes = new ArrayList<>(List.of(authServer.process()));
        if (http != null) {
            processes.addAll(List.of(http.process(), otherPort.process(), https.process()));
        }
        if (resourceServer != null) {
            processes.add(resourceServer.process());
        }
        return processes;
    }

    static URI url(String scheme, String host, int port, String pathAndQuery) {
        return URI.create(scheme + "://" + host + ":" + port + pathAndQuery);
    }

    /** Secrets nobody could guess or find in the code, so finding one in any output is a real leak. */
    private static AuthServer.Builder secrets(AuthServer.Builder builder) {
        return builder.basicClientSecret("basic-" + UUID.randomUUID()).postClientSecret("post-" + UUID.randomUUID())
                .shortClientSecret("short-" + UUID.randomUUID());
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> started, T server) {
        started.add(server);
        return server;
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (AutoCloseable server : started) {
            try {
                server.close();
            } catch (Exception e) {
                // Closing the rest matters more; the start failure is what the test reports.
            }
        }
    }
}
