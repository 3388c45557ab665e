package dev.oauthagent.e2e.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.HostsFile;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.ResourceServer;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What OkHttp adds to the shared contract ({@code OkHttp*ContractIT}): HTTP/2 over TLS on every line against the
 * protected API that validates the tokens, an {@code Authorization} set by the application's interceptors or its
 * {@code Authenticator}, one connection pool for matched and unmatched requests, and the resend after a 401
 * {@code invalid_token} with a replayable and with a one-shot body.
 */
class OkHttpInjectionIT {
    private static final Duration FIRST_TOKEN_WAIT = Duration.ofSeconds(30);
    private static final String OWN = "YXBwOm93bi1jcmVkZW50aWFscw==";

    private static ContractServers servers;
    private static ResourceServer h2Api;

    @BeforeAll
    static void startServers() {
        servers = ContractServers.origins();
        h2Api = ResourceServer.startWithHttp2OverTls(servers.authServer, servers.tls);
    }

    @AfterAll
    static void stopServer() {
        if (h2Api != null) {
            h2Api.close();
        }
    }

    static Stream<String> lines() {
        return Stream.of(OkHttpApp.oldest(), OkHttpApp.newest3(), OkHttpApp.line4(), OkHttpApp.line5());
    }

    @ParameterizedTest(name = "OkHttp {0}")
    @MethodSource("lines")
    void overHttpsEachLineSpeaksHttp2AndTheApiAcceptsTheAgentsTokenOnEveryStream(String version) {
        OkHttpApp app = new OkHttpApp(version, "SYNC");
        long accepted = h2Api.accepted();
        AgentSetup setup = AgentSetup.of(client().hosts("127.0.0.1:" + h2Api.url().getPort()).paths("/api"));

        // GET, POST, GET, POST: /api/echo answers POSTs only.
        List<URI> urls = List.of(h2Api.helloUrl(), h2Api.echoUrl(), h2Api.helloUrl(), h2Api.echoUrl());
        AppResult result = new AppLauncher(app).withEnvironment(AppRun.of(urls, app.defaultRedirectPolicy())
                .method("ALTERNATE"), setup, servers);

        assertThat(result.stdout()).as("%s", result).contains("OKHTTP version=" + version);
        assertThat(result.stdout().lines().filter(line -> line.startsWith("REQUEST"))).as("%s", result).hasSize(4)
                .allSatisfy(line -> assertThat(line).contains(" status=200 ").contains(" protocol=h2 "));
        assertThat(h2Api.accepted() - accepted).as("requests the API accepted").isEqualTo(4);
    }

    @Test
    void anAuthorizationTheApplicationsInterceptorsSetIsTheApplicationsOwnAndOverrideExistingSendsOnlyTheToken() {
        String id = "okhttp-interceptor-header";
        URI viaInterceptor = apiUrl("/api/" + id + "/application-interceptor");
        URI viaNetwork = apiUrl("/api/" + id + "/network-interceptor");
        URI overridden = apiUrl("/api/" + id + "/override-existing");

        run(viaInterceptor, "INTERCEPTOR", AgentSetup.of(api()));
        run(viaNetwork, "NETWORK_INTERCEPTOR", AgentSetup.of(api()));
        AppResult override = run(overridden, "INTERCEPTOR", AgentSetup.of(api().with("override-existing", "true")));

        String own = OriginRecorder.describeAuthorization("Basic", OWN);
        assertThat(authorizationAt(viaInterceptor)).isEqualTo(own);
        assertThat(authorizationAt(viaNetwork)).isEqualTo(own);
        assertThat(authorizationAt(overridden)).isIn(override.authorizationsOf("api"));
    }

    @Test
    void matchedAndUnmatchedRequestsShareOneConnectionAndOnlyTheMatchedOnesCarryTheToken() {
        String id = "okhttp-one-pool";
        List<URI> urls = List.of(apiUrl("/api/" + id + "/a"), apiUrl("/public/" + id + "/b"), apiUrl("/api/" + id + "/c"),
                apiUrl("/public/" + id + "/d"));
        OkHttpApp app = new OkHttpApp(OkHttpApp.line5(), "ASYNC");

        AppResult result = new AppLauncher(app).withEnvironment(AppRun.of(urls, app.defaultRedirectPolicy())
                .inOrder(), AgentSetup.of(api()), servers);

        Set<String> connections = result.stdout().lines().filter(line -> line.startsWith("REQUEST"))
                .map(line -> line.replaceAll(".* connection=(\\S+).*", "$1")).collect(Collectors.toSet());
        assertThat(connections).as("connections used\n%s", result).hasSize(1);
        assertThat(servers.recordedFor(id)).extracting(RecordedRequest::authorization).as("%s", result)
                .satisfiesExactly(a -> assertThat(a).isIn(result.authorizationsOf("api")), a -> assertThat(a).isEqualTo("none"),
                        a -> assertThat(a).isIn(result.authorizationsOf("api")), a -> assertThat(a).isEqualTo("none"));
    }

    @Test
    void a401InvalidTokenResendsAReplayablePostOnceWithANewTokenAndHandsAOneShotPostToTheApplication() {
        String id = "okhttp-resend";
        String replayable = "/api/" + id + "/replayable";
        String oneShot = "/api/" + id + "/one-shot";
        OkHttpApp app = new OkHttpApp(OkHttpApp.line5(), "SYNC");

        servers.http.rejectNext(1, replayable);
        AppResult resent = new AppLauncher(app).withEnvironment(AppRun.of(List.of(apiUrl(replayable)),
                app.defaultRedirectPolicy()).method("POST"), AgentSetup.of(api()), servers);
        servers.http.rejectNext(1, oneShot);
        AppResult handedOver = new AppLauncher(app.with("--body=ONE_SHOT")).withEnvironment(AppRun.of(
                List.of(apiUrl(oneShot)), app.defaultRedirectPolicy()).method("POST").requests(2), AgentSetup.of(api()),
                servers);

        assertThat(resent.outcome(1).status()).as("%s", resent).isEqualTo(200);
        List<String> replayed = arrivedAt(replayable);
        assertThat(replayed).as("the refused POST and its resend").hasSize(2)
                .allMatch(a -> resent.authorizationsOf("api").contains(a));
        assertThat(replayed.get(1)).isNotEqualTo(replayed.get(0));
        assertThat(handedOver.outcome(1).status()).as("%s", handedOver).isEqualTo(401);
        assertThat(handedOver.outcome(2).status()).as("%s", handedOver).isEqualTo(200);
        List<String> oneShots = arrivedAt(oneShot);
        assertThat(oneShots).as("no resend of the one-shot body; the next request carries a new token").hasSize(2);
        assertThat(oneShots.get(1)).isNotEqualTo(oneShots.get(0));
    }

    @Test
    void theApplicationsAuthenticatorAnswersABasicChallengeWithItsOwnHeader() {
        String path = "/basic/okhttp-authenticator/x";
        OkHttpApp app = new OkHttpApp(OkHttpApp.line4(), "SYNC");

        AppResult result = new AppLauncher(app.with("--basic-auth=legacy-user:legacy-password")).withEnvironment(AppRun.of(List.of(apiUrl(path)),
                app.defaultRedirectPolicy()), AgentSetup.of(api().paths("/basic")), servers);

        assertThat(result.outcome(1).status()).as("%s", result).isEqualTo(200);
        assertThat(arrivedAt(path)).as("the agent's token, then the Authenticator's retry with its own header")
                .satisfiesExactly(a -> assertThat(a).isIn(result.authorizationsOf("api")),
                        a -> assertThat(a).isEqualTo(OriginRecorder.describeAuthorization("Basic",
                                Base64.getEncoder().encodeToString("legacy-user:legacy-password".getBytes(UTF_8)))));
    }

    private AppResult run(URI url, String headerVia, AgentSetup setup) {
        OkHttpApp app = new OkHttpApp(OkHttpApp.line4(), "SYNC");
        AppResult result = new AppLauncher(app.with("--header-via=" + headerVia)).withEnvironment(
                AppRun.of(List.of(url), app.defaultRedirectPolicy()).header("Authorization: Basic " + OWN), setup,
                servers);
        assertThat(result.outcome(1).status()).as("%s", result).isEqualTo(200);
        return result;
    }

    private static AgentSetup.Client client() {
        return AgentSetup.Client.of("api", servers.authServer.tokenUrl(), servers.authServer.basicClientId(),
                servers.authServer.basicClientSecret()).waitTimeout(FIRST_TOKEN_WAIT);
    }

    private static AgentSetup.Client api() {
        return client().hosts(HostsFile.API + ":" + servers.http.port()).paths("/api").withAllowHttp();
    }

    private static URI apiUrl(String path) {
        return ContractServers.url("http", HostsFile.API, servers.http.port(), path);
    }

    private static String authorizationAt(URI url) {
        List<String> arrived = arrivedAt(url.getPath());
        assertThat(arrived).as("requests to %s", url).hasSize(1);
        return arrived.get(0);
    }

    private static List<String> arrivedAt(String path) {
        return servers.recorded().stream().map(RecordedRequest::parse).filter(r -> r.path().equals(path))
                .map(RecordedRequest::authorization).toList();
    }
}
