package dev.oauthagent.e2e.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.HostsFile;
import dev.oauthagent.e2e.support.Json;
import dev.oauthagent.e2e.support.OriginRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end injection contract: what every instrumented HTTP client must do under the agent, written once
 * and run per client (like OpenTelemetry's shared HTTP-client test). A client joins by subclassing with its
 * {@link ClientApp}: see {@code UrlConnectionContractIT}.
 *
 * <p>Each case starts the client's test app in a real JVM under {@code -javaagent:}, usually once with many
 * URLs, against origin recorders that write down, per request, which token fingerprint (or none) arrived.
 * Host names such as {@code api.example.com} resolve to 127.0.0.1 through a hosts file
 * ({@link HostsFile}); https origins use a certificate made at test time that the app JVM trusts
 * ({@code javax.net.ssl.trustStore}): nothing turns certificate checks off.
 *
 * <p>The configured clients (see {@link #api()}, {@link #partner()}, {@link #secure()}):
 * <ul>
 * <li>{@code api}: api.example.com on ports A (http) and S (https), paths /api and /redirect, allow-http;</li>
 * <li>{@code partner}: partner.example.com on port A, allow-http, another OAuth client (client_secret_post);</li>
 * <li>{@code secure}: secure.example.com on ports S and A, without allow-http, so only https gets its token.</li>
 * </ul>
 * Every run also proves that no client secret (in any encoded form) and no token (a JWT, "eyJ...") appears in
 * the app's output or the servers': with the agent's scrubbing off and its log at debug, so a leak of the agent's
 * own making cannot hide behind its scrubber (the injection ITs run with scrubbing on, the default).
 */
@ExtendWith(ContractSubset.Condition.class)
public abstract class InjectionContract {
    private static final AtomicInteger CASE_NUMBER = new AtomicInteger();
    /**
     * A first request waits for the first token up to {@code wait-timeout}: generous here, because a cold JVM's
     * first TLS handshake with the authorization server can take seconds on a busy CI machine.
     */
    private static final Duration FIRST_TOKEN_WAIT = Duration.ofSeconds(30);
    /** More token rotations than the agent's fixed-size memory of recent tokens once held (four). */
    private static final int ROTATIONS = 5;
    /** An application's own Basic credentials, as a test app sends them with {@code --header}. */
    private static final String OWN_CREDENTIALS = "YXBwOm93bi1jcmVkZW50aWFscw==";

    protected ContractServers servers;

    @TempDir
    Path dir;

    /** The client under test. */
    protected abstract ClientApp app();

    @BeforeEach
    void startServers() {
        servers = ContractServers.origins();
    }

    // ---------------------------------------------------------------- where tokens go (no redirects)

    @Test
    @ContractSubset.Member
    void tokenGoesOnlyToItsClientsOriginsAndNeverToLookAlikeHostsOtherPortsPathsOrPlainHttpWithoutAllowHttp() {
        String id = caseId("hosts");
        List<Expect> expectations = new ArrayList<>(List.of(
                Expect.token("api", httpUrl(HostsFile.API, "/api/" + id + "/http")),
                Expect.token("api", httpsUrl(HostsFile.API, "/api/" + id + "/https")),
                Expect.token("partner", httpUrl(HostsFile.PARTNER, "/api/" + id + "/other-client")),
                Expect.token("secure", httpsUrl(HostsFile.SECURE, "/api/" + id + "/https-only")),
                Expect.nothing(httpUrl(HostsFile.SECURE, "/api/" + id + "/http-without-allow-http")),
                Expect.nothing(httpUrl(HostsFile.API_AS_PREFIX, "/api/" + id + "/as-prefix")),
                Expect.nothing(httpUrl(HostsFile.API_AS_SUFFIX, "/api/" + id + "/as-suffix")),
                Expect.nothing(ContractServers.url("http", HostsFile.API, servers.otherPort.port(),
                        "/api/" + id + "/other-port")),
                Expect.nothing(httpUrl(HostsFile.EVIL, "/api/" + id + "/other-host")),
                Expect.nothing(httpUrl("127.0.0.1", "/api/" + id + "/ip-of-the-host")),
                Expect.nothing(httpUrl("localhost", "/api/" + id + "/localhost")),
                Expect.nothing(httpUrl(HostsFile.API, "/public/" + id + "/unmatched-path")),
                Expect.nothing(httpUrl(HostsFile.API, "/apix/" + id + "/path-prefix-not-on-a-segment"))));
        if (app().sendsUrlsWithUserInfo()) {
            expectations.add(Expect.nothing(URI.create("https://" + HostsFile.API + "@" + HostsFile.EVIL + ":"
                    + servers.https.port() + "/api/" + id + "/user-info-trick")));
        }

        AppResult result = run(AppRun.of(urls(expectations), app().defaultRedirectPolicy()), allClients());

        assertAllSucceeded(result);
        assertArrivedExactlyOnce(result, expectations);
        // The client (and a framework on top of it) is one the agent instruments: none of its connections to a
        // configured host is reported as one whose requests carry no token.
        assertThat(result.stderr()).as("%s", result).doesNotContain("no token on connections to ");
    }

    @Test
    void configurationFromAPropertiesFileAloneInjectsLikeEnvironmentVariables() {
        String id = caseId("file-config");
        List<Expect> expectations = List.of(
                Expect.token("api", httpUrl(HostsFile.API, "/api/" + id + "/matched")),
                Expect.nothing(httpUrl(HostsFile.EVIL, "/api/" + id + "/other-host")));

        AppResult result = new AppLauncher(app()).withPropertiesFile(
                AppRun.of(urls(expectations), app().defaultRedirectPolicy()), allClients(),
                dir.resolve("agent.properties"), servers);

        assertAllSucceeded(result);
        assertArrivedExactlyOnce(result, expectations);
    }

    @Test
    @ContractSubset.Member
    void applicationsOwnAuthorizationHeaderIsLeftAlone() {
        String id = caseId("own-header");
        String credentials = OWN_CREDENTIALS;
        URI url = httpUrl(HostsFile.API, "/api/" + id + "/own-header");

        AppResult result = run(AppRun.of(List.of(url), app().defaultRedirectPolicy())
                .header("Authorization: Basic " + credentials), allClients());

        assertAllSucceeded(result);
        assertThat(servers.recordedFor(id)).extracting(RecordedRequest::authorization)
                .containsExactly(OriginRecorder.describeAuthorization("Basic", credentials));
    }

    // ---------------------------------------------------------------- redirects

    /**
     * One app run per redirect policy of the client: every status × every kind of target. The focused subset
     * ({@link ContractSubset}) runs the client's default policy with 302 only, and a policy that follows beside it
     * where the default follows nothing (Apache CXF), so it still proves a redirect across origins; a client that
     * can follow none (Spring on {@code HttpClient.newHttpClient()}) proves only that the redirect's target gets
     * nothing.
     */
    @TestFactory
    @ContractSubset.Member
    Stream<DynamicTest> redirectsCarryATokenOnlyToHopsItsClientMatches() {
        boolean subset = getClass().isAnnotationPresent(ContractSubset.class);
        List<RedirectPolicy> policies = subset ? subsetPolicies() : app().redirectPolicies();
        int[] statuses = subset ? new int[] {302} : RedirectMatrix.STATUSES;
        return policies.stream().map(policy -> DynamicTest.dynamicTest(
                "redirect policy " + policy.name(), () -> redirectMatrix(policy, statuses)));
    }

    private List<RedirectPolicy> subsetPolicies() {
        RedirectPolicy standard = app().defaultRedirectPolicy();
        URI origin = httpUrl(HostsFile.API, "/");
        if (standard.follows(302, origin, origin)) {
            return List.of(standard);
        }
        return Stream.concat(Stream.of(standard), followingPolicy().stream()).toList();
    }

    private void redirectMatrix(RedirectPolicy policy, int... statuses) {
        List<RedirectCase> cases = RedirectMatrix.cases(servers, caseId("redirect-" + policy.name().toLowerCase()),
                statuses);

        AppResult result = run(AppRun.of(cases.stream().map(RedirectCase::start).toList(), policy), allClients());

        SoftAssertions softly = new SoftAssertions();
        for (RedirectCase redirect : cases) {
            List<Expect> reached = redirect.reachedUnder(policy);
            Map<String, String> arrived = arrivedByPath(redirect.id());
            softly.assertThat(arrived.keySet()).as("%s under %s: hops reached", redirect, policy)
                    .containsExactlyInAnyOrderElementsOf(reached.stream().map(Expect::path).toList());
            for (Expect hop : reached) {
                softly.assertThat(arrived.get(hop.path())).as("%s under %s: %s", redirect, policy, hop)
                        .isIn(allowedAuthorizations(result, hop));
            }
        }
        softly.assertAll();
    }

    /**
     * With override-existing, HttpURLConnection keeps the header the agent put in place of the application's on
     * the next same-origin hop. While one answer is held back, the app's other thread carries {@link #ROTATIONS}
     * newer tokens of the same client; the redirect then leads to a path outside the client's {@code paths}, and
     * the token the first hop carried must not arrive there, however many tokens came after it. What may arrive
     * there is nothing, or the application's own header where the client builds each redirect from the
     * application's request (Apache HttpClient): that hop matches no client, so override-existing does not apply.
     */
    @Test
    void aTokenCarriedThroughMoreThanFourRotationsNeverReachesARedirectHopOutsideItsPaths() {
        String id = caseId("rotation-storm");
        URI outside = httpUrl(HostsFile.API, "/public/" + id + "/outside-paths");
        String heldPath = "/redirect/" + id + "/held";
        URI held = httpUrl(HostsFile.API, heldPath + "?status=302&after-tokens=" + ROTATIONS + "&location="
                + URLEncoder.encode(outside.toString(), StandardCharsets.UTF_8));
        String backgroundPath = "/api/" + id + "/background";
        AgentSetup.Client rotating = AgentSetup.Client.of("api", servers.authServer.tokenUrl(),
                        servers.authServer.shortClientId(), servers.authServer.shortClientSecret())
                .waitTimeout(FIRST_TOKEN_WAIT).hosts(HostsFile.API + ":" + servers.http.port())
                .paths("/api", "/redirect").withAllowHttp().with("override-existing", "true");

        AppResult result = run(AppRun.of(List.of(held), followingPolicy().orElseThrow())
                .header("Authorization: Basic " + OWN_CREDENTIALS)
                .background(httpUrl(HostsFile.API, backgroundPath)), AgentSetup.of(rotating));

        List<RecordedRequest> recorded = servers.recordedFor(id);
        int heldAt = indexOfPath(recorded, heldPath, result);
        String carried = recorded.get(heldAt).authorization();
        assertThat(carried).as("the first hop carries the agent's token\n%s", result)
                .isIn(result.authorizationsOf("api"));
        assertThat(recorded.subList(heldAt + 1, recorded.size()).stream()
                .filter(r -> r.path().equals(backgroundPath)).map(RecordedRequest::authorization)
                .filter(a -> !a.equals(carried)).distinct())
                .as("newer tokens the other thread carried while the redirect was held\n%s", result)
                .hasSizeGreaterThanOrEqualTo(ROTATIONS);
        // No token of the agent's. The application's own header may be there, as it would be without the agent:
        // where the library builds each redirect hop from the application's request again (Apache HttpClient 4 and 5),
        // or carries it to a same-origin redirect itself (OkHttp; the agent replaced it on the wire of matched
        // hops only).
        assertThat(recorded.get(indexOfPath(recorded, outside.getPath(), result)).authorization())
                .as("what reached the hop outside the client's paths\n%s", result)
                .isIn("none", OriginRecorder.describeAuthorization("Basic", OWN_CREDENTIALS));
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    // ---------------------------------------------------------------- token lifecycle

    @Test
    void everyRequestSucceedsAcrossSeveralTokenLifetimesWithinTheTokenRequestBudget() {
        ContractServers expiry = ContractServers.expiry();
        String clientId = expiry.authServer.shortClientId();
        long lifetime = advertisedLifetimeSeconds(expiry);
        long issuedBefore = expiry.authServer.issuedTokens(clientId);
        long acceptedBefore = expiry.resourceServer.accepted();
        long rejectedBefore = expiry.resourceServer.rejected();
        long tokensBefore = expiry.resourceServer.acceptedTokens();
        AgentSetup setup = AgentSetup.of(AgentSetup.Client.of("api", expiry.authServer.tokenUrl(), clientId,
                        expiry.authServer.shortClientSecret()).waitTimeout(FIRST_TOKEN_WAIT)
                .hosts("127.0.0.1:" + expiry.resourceServer.url().getPort()).paths("/api").withAllowHttp());
        int requests = 40;

        AppResult result = new AppLauncher(app()).withEnvironment(AppRun.of(List.of(expiry.resourceServer.helloUrl()),
                app().defaultRedirectPolicy()).requests(requests).pauseMillis(250), setup, expiry);

        assertAllSucceeded(result);
        assertThat(expiry.resourceServer.accepted() - acceptedBefore).isEqualTo(requests);
        assertThat(expiry.resourceServer.rejected() - rejectedBefore).isZero();
        // Counted by the API, not timed: requests that carried three tokens crossed two rotations (40 requests
        // paced 250 ms apart carry about six), however slowly a loaded machine ran them.
        long tokensCarried = expiry.resourceServer.acceptedTokens() - tokensBefore;
        assertThat(tokensCarried).as("different tokens the API accepted from the app\n%s", result)
                .isGreaterThanOrEqualTo(3);
        // An upper bound only: a slower run (a loaded machine) has a longer elapsed time and a larger budget.
        double seconds = result.elapsed().toMillis() / 1000.0;
        long budget = (long) Math.floor(seconds / (lifetime / 2.0)) + 2;
        assertThat(expiry.authServer.issuedTokens(clientId) - issuedBefore)
                .as("token requests in %.1f s with %d s tokens (budget: run time / half-lifetime + 2; at least "
                        + "the tokens the API saw)", seconds, lifetime)
                .isBetween(tokensCarried, budget);
    }

    @Test
    @ContractSubset.Member
    void invalidTokenChallengeOnADecoratedRequestDropsThatTokenAndTheNextRequestGetsAFreshOne() {
        String id = caseId("invalid-token");
        // In order (an async client too waits for each answer), so every request after the rejected one leaves
        // after its 401 came back.
        URI warmUp = httpUrl(HostsFile.API, "/api/" + id + "/warm-up");
        String rejectedPath = "/api/" + id + "/rejected-once";
        URI url = httpUrl(HostsFile.API, rejectedPath);
        servers.http.rejectNext(1, rejectedPath);

        AppResult result = run(AppRun.of(List.of(warmUp, url, url, url), app().defaultRedirectPolicy())
                .requests(1).inOrder(), AgentSetup.of(api()));

        List<String> arrived = servers.recordedFor(id).stream().filter(r -> r.path().startsWith(rejectedPath))
                .map(RecordedRequest::authorization).toList();
        assertThat(arrived).as("what arrived, in order\n%s", result).hasSizeBetween(3, 4)
                .allMatch(authorization -> result.authorizationsOf("api").contains(authorization));
        String rejected = arrived.get(0);
        List<String> after = arrived.subList(1, arrived.size());
        assertThat(after).as("tokens sent after the 401 invalid_token\n%s", result).doesNotContain(rejected);
        assertThat(result.outcome(3).status()).isEqualTo(200);
        assertThat(result.outcome(4).status()).isEqualTo(200);
        // The rejected request itself: 401 if the client hands the refusal to the app, 200 if it was resent with
        // the new token (then the recorder saw 4 requests); docs/clients.md says which client does what.
        assertThat(result.outcome(2).status()).isIn(401, 200);
        assertThat(arrived).hasSize(result.outcome(2).status() == 200 ? 4 : 3);
    }

    @Test
    @ContractSubset.Member
    void failClosedWithoutTokenFailsEachRequestWithAClearIOExceptionAndSendsNothing() {
        String id = caseId("fail-closed");
        URI url = httpUrl(HostsFile.API, "/api/" + id + "/no-token");

        AppResult result = run(AppRun.of(List.of(url), app().defaultRedirectPolicy()).requests(3),
                AgentSetup.of(unreachableTokenEndpoint()));

        for (AppResult.Outcome outcome : result.outcomes()) {
            assertThat(outcome.status()).as("%s", result).isEqualTo(-1);
            assertThat(outcome.error()).as("%s", result)
                    .matches("[\\w.$]+: oauth-agent: no token for client 'api'.*");
        }
        assertThat(result.outcomes()).hasSize(3);
        assertThat(servers.recordedFor(id)).as("requests that reached the origin").isEmpty();
        assertLoggedOnce(result, "no token for client 'api'");
    }

    @Test
    void failOpenWithoutTokenSendsEachRequestWithoutAuthorization() {
        String id = caseId("fail-open");
        URI url = httpUrl(HostsFile.API, "/api/" + id + "/no-token");

        AppResult result = run(AppRun.of(List.of(url), app().defaultRedirectPolicy()).requests(3),
                AgentSetup.of(unreachableTokenEndpoint().failOpen()));

        assertAllSucceeded(result);
        assertThat(servers.recordedFor(id)).extracting(RecordedRequest::authorization)
                .containsExactly("none", "none", "none");
        assertLoggedOnce(result, "no token for client 'api'");
    }

    // ---------------------------------------------------------------- configuration of the contract

    protected AgentSetup.Client api() {
        return AgentSetup.Client.of("api", servers.authServer.tokenUrl(), servers.authServer.basicClientId(),
                        servers.authServer.basicClientSecret()).waitTimeout(FIRST_TOKEN_WAIT)
                .hosts(HostsFile.API + ":" + servers.http.port(), HostsFile.API + ":" + servers.https.port())
                .paths("/api", "/redirect").withAllowHttp();
    }

    protected AgentSetup.Client partner() {
        return AgentSetup.Client.of("partner", servers.authServer.tokenUrl(), servers.authServer.postClientId(),
                        servers.authServer.postClientSecret()).waitTimeout(FIRST_TOKEN_WAIT)
                .with("client-auth", "client_secret_post")
                .hosts(HostsFile.PARTNER + ":" + servers.http.port()).withAllowHttp();
    }

    /** Without allow-http: its host's plain-http port must never get its token. */
    protected AgentSetup.Client secure() {
        return AgentSetup.Client.of("secure", servers.authServer.tokenUrl(), servers.authServer.basicClientId(),
                        servers.authServer.basicClientSecret()).waitTimeout(FIRST_TOKEN_WAIT)
                .hosts(HostsFile.SECURE + ":" + servers.https.port(), HostsFile.SECURE + ":" + servers.http.port());
    }

    private AgentSetup allClients() {
        return AgentSetup.of(api(), partner(), secure());
    }

    /** {@link #api()} with a token endpoint nobody listens on, and a short wait so the case stays fast. */
    private AgentSetup.Client unreachableTokenEndpoint() {
        return AgentSetup.Client.of("api", URI.create("https://127.0.0.1:" + AgentApps.closedPort() + "/oauth2/token"),
                        servers.authServer.basicClientId(), servers.authServer.basicClientSecret())
                .hosts(HostsFile.API + ":" + servers.http.port()).paths("/api").withAllowHttp()
                .waitTimeout(Duration.ofMillis(500));
    }

    // ---------------------------------------------------------------- running the app

    private AppResult run(AppRun run, AgentSetup setup) {
        return new AppLauncher(app()).withEnvironment(run, setup, servers);
    }

    // ---------------------------------------------------------------- assertions

    private static void assertAllSucceeded(AppResult result) {
        assertThat(result.outcomes()).as("every request got a 2xx\n%s", result)
                .isNotEmpty().allMatch(outcome -> outcome.status() >= 200 && outcome.status() < 300);
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    /** Each expected URL was requested once, with exactly the authorization it must get. */
    private void assertArrivedExactlyOnce(AppResult result, List<Expect> expectations) {
        List<RecordedRequest> recorded = servers.recorded().stream().map(RecordedRequest::parse).toList();
        SoftAssertions softly = new SoftAssertions();
        for (Expect expect : expectations) {
            List<String> arrived = recorded.stream().filter(request -> request.path().equals(expect.path()))
                    .map(RecordedRequest::authorization).toList();
            softly.assertThat(arrived).as("%s", expect).hasSize(1);
            if (arrived.size() == 1) {
                softly.assertThat(arrived.get(0)).as("%s", expect).isIn(allowedAuthorizations(result, expect));
            }
        }
        softly.assertAll();
    }

    /**
     * "none" where nothing may arrive (or the header the client library itself derives from the URL, see
     * {@link ClientApp#ownAuthorization}); one of the client's token fingerprints where its token must.
     */
    private List<String> allowedAuthorizations(AppResult result, Expect expect) {
        if (expect.client() == null) {
            String own = app().ownAuthorization(expect.url());
            return own == null ? List.of("none") : List.of("none", own);
        }
        assertThat(result.fingerprintsOf(expect.client()))
                .as("the agent logged no token for client '%s'\n%s", expect.client(), result).isNotEmpty();
        return List.copyOf(result.authorizationsOf(expect.client()));
    }

    /** The agent's own lines only: an application may log the exception carrying the same message (CXF does). */
    private static void assertLoggedOnce(AppResult result, String text) {
        assertThat(result.stderr().lines().filter(line -> line.startsWith("[oauth-agent]") && line.contains(text)))
                .as("the agent's log lines about it (once per outage, not once per request)\n%s", result).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    /** Recorded request path -> authorization, for the requests of one case. */
    private Map<String, String> arrivedByPath(String id) {
        Map<String, String> arrived = new LinkedHashMap<>();
        for (RecordedRequest request : servers.recordedFor(id)) {
            // A path recorded twice would be a hop followed twice: keep both visible in the failure.
            arrived.merge(request.path(), request.authorization(), (first, again) -> first + " AND AGAIN " + again);
        }
        return arrived;
    }

    /** Where the one request to {@code path} is in {@code recorded}; fails if it is not there exactly once. */
    private static int indexOfPath(List<RecordedRequest> recorded, String path, AppResult result) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            if (recorded.get(i).path().equals(path)) {
                at.add(i);
            }
        }
        assertThat(at).as("requests that reached %s\n%s", path, result).hasSize(1);
        return at.get(0);
    }

    /** The app's policy that follows a same-origin 302, if it has one. */
    private Optional<RedirectPolicy> followingPolicy() {
        URI origin = httpUrl(HostsFile.API, "/");
        return app().redirectPolicies().stream().filter(policy -> policy.follows(302, origin, origin)).findFirst();
    }

    /** A name unique in this test JVM, used as a path segment: e.g. "urlconnection-app-hosts-3". */
    protected String caseId(String label) {
        return app().name() + "-" + label + "-" + CASE_NUMBER.incrementAndGet();
    }

    private URI httpUrl(String host, String path) {
        return ContractServers.url("http", host, servers.http.port(), path);
    }

    private URI httpsUrl(String host, String path) {
        return ContractServers.url("https", host, servers.https.port(), path);
    }

    private static List<URI> urls(List<Expect> expectations) {
        return expectations.stream().map(Expect::url).toList();
    }

    /** The {@code expires_in} the short-lived server really advertises (it rounds the TTL down). */
    private static long advertisedLifetimeSeconds(ContractServers expiry) {
        HttpResponse<String> response = FormPost.to(expiry.authServer.tokenUrl())
                .basicAuth(expiry.authServer.shortClientId(), expiry.authServer.shortClientSecret())
                .field("grant_type", "client_credentials").send();
        assertThat(response.statusCode()).isEqualTo(200);
        return (Long) Json.parseObject(response.body()).get("expires_in");
    }

}
