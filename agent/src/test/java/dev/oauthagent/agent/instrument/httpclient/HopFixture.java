package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
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
 * A real {@link Injector} over clients whose token endpoint is a counter ("<client>-token-<n>"), on a manual
 * clock, and an {@link HttpClientHop} on {@link FakeHttpClient}. Fetches run at once on one background thread;
 * nothing planned for later ever runs, so a token changes only when a test makes it.
 */
final class HopFixture {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final Map<String, AtomicInteger> fetches = new LinkedHashMap<>();
    final Map<String, Boolean> failing = new java.util.concurrent.ConcurrentHashMap<>();
    final FakeHttpClient jdk = new FakeHttpClient();
    private final List<ClientConfig> clients = new ArrayList<>();
    private final Map<String, TokenCache> caches = new LinkedHashMap<>();
    private final ExecutorService fetchThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hop-fixture-fetch");
        t.setDaemon(true);
        return t;
    });
    HttpClientHop hop;

    HopFixture client(String name, String host, FailMode failMode, boolean overrideExisting) {
        clients.add(ClientConfig.builder(name)
                .tokenUrl(URI.create("https://idp.example.com/token"))
                .clientId(name + "-id")
                .clientSecret(Secret.of("hop-fixture-secret", "test"))
                .hosts(List.of(host))
                .paths(List.of("/api"))
                .failMode(failMode)
                .overrideExisting(overrideExisting)
                .waitTimeout(Duration.ofMillis(300))
                .build());
        AtomicInteger count = new AtomicInteger();
        fetches.put(name, count);
        failing.put(name, false);
        RefreshScheduler scheduler = new RefreshScheduler() {
            @Override
            public Cancellable schedule(Runnable task, long delayNanos) {
                if (delayNanos <= 0) {
                    fetchThread.execute(task);
                }
                return () -> { };
            }

            @Override
            public void close() {
            }
        };
        caches.put(name, new TokenCache(name, () -> {
            if (failing.get(name)) {
                throw TokenFetchException.transientFailure("token endpoint https://idp.example.com/token refused"
                        + " the connection", null);
            }
            return new AccessToken(name + "-token-" + count.incrementAndGet(), "bearer", 3600, null);
        }, RefreshPolicy.defaults(), (Ticker) now::get, scheduler, new Random(1)));
        return this;
    }

    HopFixture build() {
        hop = new HttpClientHop(new Injector(clients, caches, now::get), jdk);
        return this;
    }
}
