package dev.oauthagent.bench;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.cache.DaemonScheduler;
import dev.oauthagent.agent.token.cache.RefreshPolicy;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * What it costs per request to put a cached client-credentials token on an outgoing request: the agent's
 * path against the library path a team would otherwise hand-write, Spring Security's
 * {@link OAuth2AuthorizedClientManager} (the reference issue 3 asks for). Both sides start from a request
 * with no {@code Authorization} header and end with the same header set on the same kind of header map
 * ({@link HttpHeaders}), so each pays for deciding, finding the cached token, producing the header value and
 * setting it; what each does beyond that is its own.
 *
 * <ul>
 *   <li>{@code springAuthorizedClientManager}: what a hand-written interceptor does per request (as Spring's
 *       own {@code OAuth2ClientHttpRequestInterceptor} does): build an {@link OAuth2AuthorizeRequest},
 *       {@code authorize} it with {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} and the
 *       client-credentials provider (token cached and far from expiry, so no network), and
 *       {@link HttpHeaders#setBearerAuth} (which builds {@code "Bearer " + token}). It needs no route matching:
 *       the interceptor is wired to one client's RestClient by hand.</li>
 *   <li>{@code agentInjectorMatched}: what every instrumented client calls per hop,
 *       {@link Injector#authorizationFor(URL, String)} for a matched URL with no header set by the application
 *       (route match, the cached token, the record of the value handed out so a redirect can take it off
 *       again; the header value is kept with the token, built once per token), then the same
 *       {@link HttpHeaders#set} of that value.</li>
 *   <li>{@code agentInjectorUnmatched}: a request to a host no client claims, what every other request of
 *       the application pays (no header to set).</li>
 * </ul>
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar InjectionDecisionBenchmark -f 3 -wi 5 -w 1s -i 10 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InjectionDecisionBenchmark {
    private static final String PRINCIPAL = "billing-service";

    private OAuth2AuthorizedClientManager springManager;
    private Injector injector;
    private TokenCache cache;
    // The outgoing request's headers, which exist before any interceptor runs: not part of its cost.
    private final HttpHeaders requestHeaders = new HttpHeaders();

    // Fields, not constants, so the JIT cannot fold the inputs.
    private String registrationId = "billing";
    private URL matchedUrl;
    private URL otherUrl;
    private String noHeader = null;

    @Setup(Level.Trial)
    public void start() throws Exception {
        matchedUrl = new URL("https://billing.example.com/v1/invoices/42");
        otherUrl = new URL("https://cdn.other.org/static/app.js");
        springManager = springManagerWithCachedToken();

        ClientConfig client = ClientConfig.builder("billing")
                .tokenUrl(URI.create("https://auth.example.com/oauth2/token"))
                .clientId("billing-service")
                .clientSecret(Secret.of("not-used", "benchmark"))
                .hosts(List.of("billing.example.com", "*.billing.example.com"))
                .paths(List.of("/v1", "/v2"))
                .build();
        cache = new TokenCache("billing", () -> new AccessToken("bench-token-value", "Bearer", 3600, null),
                RefreshPolicy.defaults(), Ticker.system(), DaemonScheduler.forClient("billing"), new Random(42));
        cache.start();
        if (cache.await(TimeUnit.SECONDS.toNanos(30)) == null) {
            throw new IllegalStateException("no token to benchmark with");
        }
        injector = new Injector(List.of(client), Map.of("billing", cache), Ticker.system());
    }

    private static OAuth2AuthorizedClientManager springManagerWithCachedToken() {
        ClientRegistration registration = ClientRegistration.withRegistrationId("billing")
                .clientId("billing-service")
                .clientSecret("not-used")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri("https://auth.example.com/oauth2/token")
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        InMemoryOAuth2AuthorizedClientService clients = new InMemoryOAuth2AuthorizedClientService(registrations);
        Instant now = Instant.now();
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "bench-token-value",
                now, now.plusSeconds(3600));
        clients.saveAuthorizedClient(new OAuth2AuthorizedClient(registration, PRINCIPAL, token),
                new TestingAuthenticationToken(PRINCIPAL, null));
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        return manager;
    }

    @TearDown(Level.Trial)
    public void close() {
        cache.close();
    }

    @Benchmark
    public HttpHeaders springAuthorizedClientManager() {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                .principal(PRINCIPAL)
                .build();
        OAuth2AuthorizedClient client = springManager.authorize(request);
        requestHeaders.setBearerAuth(client.getAccessToken().getTokenValue());
        return requestHeaders;
    }

    @Benchmark
    public HttpHeaders agentInjectorMatched() throws IOException {
        requestHeaders.set(HttpHeaders.AUTHORIZATION, injector.authorizationFor(matchedUrl, noHeader));
        return requestHeaders;
    }

    @Benchmark
    public String agentInjectorUnmatched() throws IOException {
        return injector.authorizationFor(otherUrl, noHeader);
    }
}
