package dev.oauthagent.e2e.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.HostsFile;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.ResourceServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Apache HttpClient 5 beyond the shared contract (which {@code Apache5ClassicContractIT} and
 * {@code Apache5AsyncContractIT} run on 5.6): the oldest line proven, 5.1, through a focused subset with the same
 * program run with 5.1's jars; one connection pool shared by matched and unmatched requests; a header added by the
 * application's own request interceptor or set as a default header; HTTP/2 (h2 negotiated over TLS, h2c with prior
 * knowledge) against the protected API, which validates every token.
 */
class Apache5InjectionIT {
    private static final Duration FIRST_TOKEN_WAIT = Duration.ofSeconds(30);
    private static final String APP_CREDENTIALS = "YXBwOm93bi1jcmVkZW50aWFscw==";
    private static final AtomicInteger CASE = new AtomicInteger();

    private ContractServers servers;

    @BeforeEach
    void startServers() {
        servers = ContractServers.origins();
    }

    /** 5.1, classic and async: matched and unmatched origins, a redirect across origins, the app's header, fail-closed. */
    @TestFactory
    Stream<DynamicTest> theOldestLineGetsTokensOnlyWhereItsClientsMatchKeepsTheAppsHeaderAndFailsClosed() {
        return Stream.of("CLASSIC", "ASYNC").map(mode -> DynamicTest.dynamicTest("5.1 " + mode, () -> {
            Apache5App app = new Apache5App(mode, "5.1");
            String id = app.name() + "-subset-" + CASE.incrementAndGet();
            URI matched = http(HostsFile.API, "/api/" + id + "/matched");
            URI unmatched = http(HostsFile.EVIL, "/api/" + id + "/unmatched");
            URI redirected = http(HostsFile.API, "/redirect/" + id + "/to-evil?status=302&location="
                    + URLEncoder.encode(http(HostsFile.EVIL, "/api/" + id + "/after-redirect").toString(),
                            StandardCharsets.UTF_8));

            AppResult result = launch(app, AppRun.of(List.of(matched, unmatched, redirected), Apache5App.FOLLOW)
                    .inOrder(), AgentSetup.of(api()));

            Map<String, String> arrived = arrived(id);
            String token = arrived.get(matched.getPath());
            assertThat(token).as("%s", result).isIn(result.authorizationsOf("api"));
            assertThat(arrived.get(unmatched.getPath())).as("%s", result).isEqualTo("none");
            assertThat(arrived.get("/redirect/" + id + "/to-evil")).as("%s", result).isIn(result.authorizationsOf("api"));
            assertThat(arrived.get("/api/" + id + "/after-redirect")).as("%s", result).isEqualTo("none");

            String ownId = id + "-own";
            launch(app, AppRun.of(List.of(http(HostsFile.API, "/api/" + ownId + "/own")), Apache5App.FOLLOW)
                    .header("Authorization: Basic " + APP_CREDENTIALS), AgentSetup.of(api()));
            assertThat(arrived(ownId).values()).containsExactly(OriginRecorder.describeAuthorization("Basic",
                    APP_CREDENTIALS));

            String closedId = id + "-closed";
            AppResult closed = launch(app, AppRun.of(List.of(http(HostsFile.API, "/api/" + closedId + "/x")),
                    Apache5App.FOLLOW), AgentSetup.of(unreachableTokenEndpoint()));
            assertThat(closed.outcome(1).status()).as("%s", closed).isEqualTo(-1);
            assertThat(closed.outcome(1).error()).as("%s", closed)
                    .matches("java\\.io\\.IOException: oauth-agent: no token for client 'api'.*");
            assertThat(arrived(closedId)).as("requests that reached the origin").isEmpty();
        }));
    }

    /**
     * {@code HttpClients.createMinimal()}: no exec chain (no redirects, retries or interceptors), but each request
     * still goes through {@code InternalExecRuntime.execute}, with the route in its context: matched and unmatched
     * origins, and fail-closed.
     */
    @TestFactory
    Stream<DynamicTest> theMinimalClassicClientGetsTokensOnlyWhereItsClientsMatch() {
        return Stream.of("5.6", "5.1").map(line -> DynamicTest.dynamicTest(line + " minimal", () -> {
            Apache5App app = new Apache5App("CLASSIC", line);
            String id = app.name() + "-minimal-" + CASE.incrementAndGet();
            URI matched = http(HostsFile.API, "/api/" + id + "/matched");
            URI unmatched = http(HostsFile.EVIL, "/api/" + id + "/unmatched");

            AppResult result = launch(app, AppRun.of(List.of(matched, unmatched), Apache5App.FOLLOW).inOrder(),
                    AgentSetup.of(api()), "--minimal=true");

            Map<String, String> arrived = arrived(id);
            assertThat(arrived.get(matched.getPath())).as("%s", result).isIn(result.authorizationsOf("api"));
            assertThat(arrived.get(unmatched.getPath())).as("%s", result).isEqualTo("none");

            String closedId = id + "-closed";
            AppResult closed = launch(app, AppRun.of(List.of(http(HostsFile.API, "/api/" + closedId + "/x")),
                    Apache5App.FOLLOW), AgentSetup.of(unreachableTokenEndpoint()), "--minimal=true");
            assertThat(closed.outcome(1).error()).as("%s", closed)
                    .matches("java\\.io\\.IOException: oauth-agent: no token for client 'api'.*");
            assertThat(arrived(closedId)).as("requests that reached the origin").isEmpty();
        }));
    }

    /**
     * {@code HttpAsyncClients.createMinimal()} has no exec chain, so the agent does not cover it: a request of its to a
     * configured host is reported once per host, at warn, naming the client class and the fix; its requests carry no
     * token, and the program prints exactly what it prints without the agent.
     */
    @TestFactory
    Stream<DynamicTest> theMinimalAsyncClientIsReportedOncePerConfiguredHostAndSendsNoToken() {
        return Stream.of("5.6", "5.1").map(line -> DynamicTest.dynamicTest(line + " minimal async", () -> {
            Apache5App app = new Apache5App("ASYNC", line);
            String id = app.name() + "-minimal-async-" + CASE.incrementAndGet();

            AppResult without = new AppLauncher(new ExtraArgs(app, List.of("--minimal=true")))
                    .withoutAgent(minimalRun(id + "-none"), servers);
            AppResult with = launch(app, minimalRun(id + "-with"), AgentSetup.of(api(), partner()), "--minimal=true");

            assertThat(with.exitCode()).as("%s", with).isZero();
            assertThat(requestLines(with)).as("%s", with).hasSize(6).isEqualTo(requestLines(without));
            assertThat(servers.recordedFor(id + "-with")).as("%s", with).hasSize(6)
                    .allSatisfy(request -> assertThat(request.authorization()).as("%s", request).isEqualTo("none"));
            List<String> reports = minimalClientReports(with);
            assertThat(reports).as("one line per configured host, none for the other\n%s", with.stderr()).hasSize(2);
            assertThat(reports.get(0)).contains(HostsFile.API + ":" + servers.http.port() + " (a host of client 'api')");
            assertThat(reports.get(1))
                    .contains(HostsFile.PARTNER + ":" + servers.http.port() + " (a host of client 'partner')");
            assertThat(reports).allSatisfy(report -> assertThat(report).startsWith("[oauth-agent] WARN ")
                    .contains("opened by Apache HttpClient 5 minimal async clients"
                            + " (org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient in httpclient5-")
                    .contains("so its requests carry no token. Build the client with HttpAsyncClients.custom()"));
        }));
    }

    /**
     * {@code HttpAsyncClients.createHttp2Minimal()} (h2c with prior knowledge) to the protected API: reported once,
     * naming {@code MinimalH2AsyncClient}; the API sees no token (401 with the agent as without it).
     */
    @TestFactory
    Stream<DynamicTest> theMinimalHttp2ClientIsReportedOnceAndTheProtectedApiSeesNoToken() {
        ResourceServer api = ResourceServer.startWithH2c(servers.authServer);
        return Stream.of("5.6", "5.1").map(line -> DynamicTest.dynamicTest(line + " minimal h2", () -> {
            Apache5App app = new Apache5App("H2", line);
            AppRun run = AppRun.of(List.of(api.helloUrl()), Apache5App.FOLLOW).requests(3).inOrder();
            AgentSetup setup = AgentSetup.of(AgentSetup.Client.of("api", servers.authServer.tokenUrl(),
                            servers.authServer.basicClientId(), servers.authServer.basicClientSecret())
                    .waitTimeout(FIRST_TOKEN_WAIT).hosts(api.url().getHost() + ":" + api.url().getPort())
                    .paths("/api").withAllowHttp());
            long accepted = api.accepted();

            AppResult without = new AppLauncher(new ExtraArgs(app, List.of("--minimal=true"))).withoutAgent(run, servers);
            AppResult with = launch(app, run, setup, "--minimal=true");

            assertThat(requestLines(with)).as("%s", with).hasSize(3).isEqualTo(requestLines(without))
                    .allSatisfy(request -> assertThat(request).contains(" status=401 ").contains(" version=HTTP/2.0 "));
            assertThat(api.accepted()).as("tokens the API accepted").isEqualTo(accepted);
            assertThat(minimalClientReports(with)).as("%s", with.stderr()).singleElement().asString()
                    .contains(api.url().getHost() + ":" + api.url().getPort() + " (a host of client 'api')")
                    .contains("(org.apache.hc.client5.http.impl.async.MinimalH2AsyncClient");
        })).onClose(api::close);
    }

    private AppRun minimalRun(String id) {
        return AppRun.of(List.of(http(HostsFile.API, "/api/" + id + "/a"), http(HostsFile.PARTNER, "/api/" + id + "/b"),
                http(HostsFile.EVIL, "/api/" + id + "/c")), Apache5App.FOLLOW).requests(2).inOrder();
    }

    private static List<String> requestLines(AppResult result) {
        return result.stdout().lines().filter(line -> line.startsWith("REQUEST ")).toList();
    }

    private static List<String> minimalClientReports(AppResult result) {
        return result.stderr().lines().filter(line -> line.contains("no token on connections to ")).toList();
    }

    /**
     * A pool of one connection: matched and unmatched requests (other path, other host, another client's host)
     * take turns on it, and each carries exactly its own client's token or nothing.
     */
    @TestFactory
    Stream<DynamicTest> onePoolSharedByMatchedAndUnmatchedRequestsLeavesNoTokenBehind() {
        return Stream.of("CLASSIC", "ASYNC").map(mode -> DynamicTest.dynamicTest("5.6 " + mode, () -> {
            Apache5App app = new Apache5App(mode, "5.6");
            String id = app.name() + "-pool-" + CASE.incrementAndGet();
            Map<URI, String> expected = new LinkedHashMap<>();
            for (int round = 1; round <= 2; round++) {
                expected.put(http(HostsFile.API, "/api/" + id + "/matched-" + round), "api");
                expected.put(http(HostsFile.API, "/public/" + id + "/unmatched-path-" + round), null);
                expected.put(http(HostsFile.EVIL, "/api/" + id + "/other-host-" + round), null);
                expected.put(http(HostsFile.PARTNER, "/api/" + id + "/partner-" + round), "partner");
            }

            AppResult result = launch(app, AppRun.of(List.copyOf(expected.keySet()), Apache5App.FOLLOW).inOrder(),
                    AgentSetup.of(api(), partner()), "--max-connections=1");

            Map<String, String> arrived = arrived(id);
            expected.forEach((url, client) -> assertThat(arrived.get(url.getPath())).as("%s\n%s", url, result)
                    .isIn(client == null ? List.of("none") : List.copyOf(result.authorizationsOf(client))));
        }));
    }

    /**
     * The application's request interceptor adds its own Authorization: the header is the application's and goes
     * alone; with override-existing exactly one header goes, the agent's token. The classic client runs every
     * interceptor before its hook; the async one runs them after the exec chain (5.2+: as the exchange produces the
     * request; 5.1: {@code addRequestInterceptorLast} ones on the connection), which the hook on the request
     * interceptors' processor covers.
     */
    @TestFactory
    Stream<DynamicTest> aHeaderTheApplicationsInterceptorAddsIsTheApplicationsOwn() {
        return Stream.of(new Apache5App("CLASSIC", "5.6"), new Apache5App("CLASSIC", "5.1"),
                        new Apache5App("ASYNC", "5.6"), new Apache5App("ASYNC", "5.1"))
                .map(app -> DynamicTest.dynamicTest(app.name(), () -> {
            String id = app.name() + "-interceptor-" + CASE.incrementAndGet();
            String interceptorHeader = "--interceptor-header=Authorization: Basic " + APP_CREDENTIALS;

            AppResult own = launch(app, AppRun.of(List.of(http(HostsFile.API, "/api/" + id + "/own")),
                    Apache5App.FOLLOW), AgentSetup.of(api()), interceptorHeader);
            AppResult overridden = launch(app, AppRun.of(List.of(http(HostsFile.API, "/api/" + id + "/overridden")),
                    Apache5App.FOLLOW), AgentSetup.of(api().with("override-existing", "true")), interceptorHeader);

            Map<String, String> arrived = arrived(id);
            assertThat(arrived.get("/api/" + id + "/own")).as("%s", own)
                    .isEqualTo(OriginRecorder.describeAuthorization("Basic", APP_CREDENTIALS));
            assertThat(arrived.get("/api/" + id + "/overridden")).as("exactly one header, the agent's token\n%s",
                    overridden).isIn(overridden.authorizationsOf("api"));
        }));
    }

    /**
     * A default Authorization header of the application's ({@code setDefaultHeaders}) is its own. The async client
     * 5.2+ adds default headers after its hook, only to a request without that header: the token must not be on the
     * request then, or the default one would never be added.
     */
    @TestFactory
    Stream<DynamicTest> aDefaultHeaderOfTheApplicationsIsItsOwn() {
        return Stream.of(new Apache5App("ASYNC", "5.6"), new Apache5App("CLASSIC", "5.6"))
                .map(app -> DynamicTest.dynamicTest(app.name(), () -> {
            String id = app.name() + "-default-header-" + CASE.incrementAndGet();

            AppResult result = launch(app, AppRun.of(List.of(http(HostsFile.API, "/api/" + id + "/x")),
                    Apache5App.FOLLOW), AgentSetup.of(api()), "--default-header=Authorization: Basic " + APP_CREDENTIALS);

            assertThat(arrived(id).values()).as("%s", result)
                    .containsExactly(OriginRecorder.describeAuthorization("Basic", APP_CREDENTIALS));
        }));
    }

    /** HTTP/2 over TLS (ALPN h2: HttpAsyncClients.custom() and customHttp2()) to the API, which checks every token. */
    @TestFactory
    Stream<DynamicTest> overHttp2TheProtectedApiAcceptsTheAgentsTokenOnEveryStream() {
        return Stream.of(
                DynamicTest.dynamicTest("h2 over TLS", () -> {
                    try (ResourceServer api = ResourceServer.startWithHttp2OverTls(servers.authServer, servers.tls)) {
                        assertHttp2Accepted(api, new Apache5App("ASYNC", "5.6"));
                        assertHttp2Accepted(api, new Apache5App("H2", "5.6"));
                    }
                }),
                DynamicTest.dynamicTest("h2c with prior knowledge", () -> {
                    try (ResourceServer api = ResourceServer.startWithH2c(servers.authServer)) {
                        assertHttp2Accepted(api, new Apache5App("H2", "5.6"));
                        assertHttp2Accepted(api, new Apache5App("H2", "5.1"));
                    }
                }));
    }

    private void assertHttp2Accepted(ResourceServer api, Apache5App app) {
        long accepted = api.accepted();
        AgentSetup setup = AgentSetup.of(AgentSetup.Client.of("api", servers.authServer.tokenUrl(),
                        servers.authServer.basicClientId(), servers.authServer.basicClientSecret())
                .waitTimeout(FIRST_TOKEN_WAIT).hosts(api.url().getHost() + ":" + api.url().getPort())
                .paths("/api").withAllowHttp());

        AppResult result = launch(app, AppRun.of(List.of(api.helloUrl()), Apache5App.FOLLOW).requests(3), setup);

        assertThat(result.outcomes()).as("%s", result).hasSize(3)
                .allMatch(outcome -> outcome.status() == 200);
        assertThat(result.stdout().lines().filter(line -> line.startsWith("REQUEST")))
                .allSatisfy(line -> assertThat(line).contains(" version=HTTP/2.0 "));
        assertThat(api.accepted() - accepted).isEqualTo(3);
    }

    private AppResult launch(Apache5App app, AppRun run, AgentSetup setup, String... extraArgs) {
        ClientApp withExtras = extraArgs.length == 0 ? app : new ExtraArgs(app, List.of(extraArgs));
        return new AppLauncher(withExtras).withEnvironment(run, setup, servers);
    }

    private Map<String, String> arrived(String id) {
        Map<String, String> arrived = new LinkedHashMap<>();
        servers.recordedFor(id).forEach(request -> arrived.merge(request.path(), request.authorization(),
                (first, again) -> first + " AND AGAIN " + again));
        return arrived;
    }

    private AgentSetup.Client api() {
        return AgentSetup.Client.of("api", servers.authServer.tokenUrl(), servers.authServer.basicClientId(),
                        servers.authServer.basicClientSecret()).waitTimeout(FIRST_TOKEN_WAIT)
                .hosts(HostsFile.API + ":" + servers.http.port()).paths("/api", "/redirect").withAllowHttp();
    }

    private AgentSetup.Client partner() {
        return AgentSetup.Client.of("partner", servers.authServer.tokenUrl(), servers.authServer.postClientId(),
                        servers.authServer.postClientSecret()).waitTimeout(FIRST_TOKEN_WAIT)
                .with("client-auth", "client_secret_post")
                .hosts(HostsFile.PARTNER + ":" + servers.http.port()).withAllowHttp();
    }

    private AgentSetup.Client unreachableTokenEndpoint() {
        return AgentSetup.Client.of("api", URI.create("https://127.0.0.1:" + AgentApps.closedPort() + "/oauth2/token"),
                        servers.authServer.basicClientId(), servers.authServer.basicClientSecret())
                .hosts(HostsFile.API + ":" + servers.http.port()).paths("/api").withAllowHttp()
                .waitTimeout(Duration.ofMillis(500));
    }

    private URI http(String host, String path) {
        return ContractServers.url("http", host, servers.http.port(), path);
    }

    /** The app with options of its own that the contract's runs do not give. */
    private record ExtraArgs(ClientApp app, List<String> extra) implements ClientApp {
        @Override
        public String name() {
            return app.name();
        }

        @Override
        public java.nio.file.Path jar() {
            return app.jar();
        }

        @Override
        public List<String> args(AppRun run) {
            return Stream.concat(app.args(run).stream(), extra.stream()).toList();
        }

        @Override
        public List<RedirectPolicy> redirectPolicies() {
            return app.redirectPolicies();
        }

        @Override
        public RedirectPolicy defaultRedirectPolicy() {
            return app.defaultRedirectPolicy();
        }
    }
}
