package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.metrics.ClientMetrics;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;
import dev.oauthagent.agent.token.cache.RefreshPolicy;
import dev.oauthagent.agent.token.cache.RefreshScheduler;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real {@link Injector} over clients with real token caches whose token endpoint is a counter
 * ({@code <client>-token-<n>}), on a manual clock; {@link #twoClients()}: "orders" on
 * https://orders.example.com/api, "billing" on https://billing.example.com. Token requests run at once on the
 * fixture's thread when asked for "now"; planned refreshes never run, so a token changes only when a test makes it.
 * Shared by the injector's tests and those of each client library's hop.
 */
public final class InjectorFixture {
    static final String SECRET = "fixture-client-secret-4711";

    public final AtomicLong now = new AtomicLong(1_000_000_000L);
    final Ticker ticker = now::get;
    public final Map<String, CountingSource> sources = new LinkedHashMap<>();
    final Map<String, TokenCache> caches = new LinkedHashMap<>();
    final List<ClientConfig> clients = new ArrayList<>();
    /** Each client's counters: the hop tests count on the same path the agent does. */
    public final Map<String, ClientMetrics> metrics = new LinkedHashMap<>();
    /**
     * Short enough that a failing endpoint fails a request at once (its retry is planned later than this), long
     * enough that a loaded machine still hands a waiting request its first token (300 ms was not, at load 9).
     */
    Duration waitTimeout = Duration.ofSeconds(1);
    /** Whether the clients added next match http too (allow-http). */
    public boolean allowHttp;
    public Injector injector;

    public static InjectorFixture twoClients() {
        return new InjectorFixture().client("orders", "orders.example.com", "/api", FailMode.CLOSED, false)
                .client("billing", "billing.example.com", null, FailMode.CLOSED, false).build();
    }

    /**
     * Hosts in every spelling a hop's destination can come in: "orders" on https://orders.example.com/api, "local"
     * on http(s)://[2001:db8::1]:8443 (allow-http), "internal" on https://my_svc.internal/api (an underscore, which
     * {@code java.net.URI} reads as no host at all).
     */
    public static InjectorFixture destinations() {
        InjectorFixture fixture = new InjectorFixture().client("orders", "orders.example.com", "/api", FailMode.CLOSED,
                false).client("internal", "my_svc.internal", "/api", FailMode.CLOSED, false);
        fixture.allowHttp = true;
        return fixture.client("local", "[2001:db8::1]:8443", null, FailMode.CLOSED, false).build();
    }

    public InjectorFixture client(String name, String host, String path, FailMode failMode,
                                  boolean overrideExisting) {
        ClientConfig.Builder b = ClientConfig.builder(name)
                .tokenUrl(URI.create("https://idp.example.com/token"))
                .clientId(name + "-id")
                .clientSecret(Secret.of(SECRET, "test"))
                .hosts(java.util.Collections.singletonList(host))
                .failMode(failMode)
                .overrideExisting(overrideExisting)
                .allowHttp(allowHttp)
                .waitTimeout(waitTimeout);
        if (path != null) {
            b.paths(java.util.Collections.singletonList(path));
        }
        ClientConfig config = b.build();
        clients.add(config);
        CountingSource source = new CountingSource(name);
        sources.put(name, source);
        metrics.put(name, new ClientMetrics());
        caches.put(name, new TokenCache(name, source, RefreshPolicy.defaults(), ticker, new ImmediateScheduler(),
                new Random(1)));
        return this;
    }

    public InjectorFixture build() {
        injector = new Injector(clients, caches, metrics, ticker);
        return this;
    }

    public TokenCache cache(String client) {
        return caches.get(client);
    }

    public Injector injector() {
        return injector;
    }

    /** Every later token request of {@code client} fails (an unreachable endpoint). */
    public void failTokenRequests(String client) {
        sources.get(client).failing = true;
    }

    /** Stops the caches' refresh threads. */
    public void close() {
        caches.values().forEach(TokenCache::close);
    }

    public String tokenHeader(String client) {
        AccessToken token = caches.get(client).current();
        return token == null ? null : token.authorizationHeader();
    }

    /** Issues "<client>-token-<n>", or fails while {@link #failing} is set. */
    public static final class CountingSource implements TokenSource {
        private final String client;
        public final AtomicInteger fetches = new AtomicInteger();
        public volatile boolean failing;
        volatile long lifetimeSeconds = 3600;

        CountingSource(String client) {
            this.client = client;
        }

        @Override
        public AccessToken fetch() throws TokenFetchException {
            if (failing) {
                throw TokenFetchException.transientFailure("token endpoint https://idp.example.com/token refused"
                        + " the connection", null);
            }
            return new AccessToken(client + "-token-" + fetches.incrementAndGet(), "bearer", lifetimeSeconds, null);
        }
    }

    /** Runs "as soon as possible" tasks on its own thread at once; anything planned for later never runs. */
    static final class ImmediateScheduler implements RefreshScheduler {
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fixture-refresh");
            t.setDaemon(true);
            return t;
        });

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            if (delayNanos <= 0) {
                thread.execute(task);
            }
            return () -> { };
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }
}
