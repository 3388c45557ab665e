package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenSource;

/**
 * Production wiring (system ticker, daemon scheduler thread) with 2-second tokens: the refresh comes by itself,
 * not before it is due, and its token replaces the first. When exactly the refresh thread runs is up to the
 * machine: a loaded one can run it after the first token expired. So nothing here depends on that delay; the
 * waits are generous and only bound a failure. The schedule itself (refresh-due, served while refreshing,
 * expiry) is proved on a manual clock in {@link TokenCacheRefreshTest}.
 */
class TokenCacheSystemClockTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    /** What the cache said when the refresh's token request began: its freshness, then what it served. */
    private record RefreshStart(Freshness freshness, AccessToken served) {
    }

    @Test
    void twoSecondTokenIsRefreshedByTheSchedulerThreadOnceDueAndTheRefreshedTokenIsServed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<TokenCache> cacheRef = new AtomicReference<>();
        CompletableFuture<RefreshStart> refreshStart = new CompletableFuture<>();
        TokenSource twoSecondTokens = () -> {
            int n = calls.incrementAndGet();
            if (n == 2) {
                // Freshness first: time only moves on, so a token found expired must not be served a moment later.
                Freshness freshness = cacheRef.get().stats().freshness();
                refreshStart.complete(new RefreshStart(freshness, cacheRef.get().current()));
            }
            return new AccessToken("token-" + n, "Bearer", 2, null);
        };
        try (TokenCache cache = new TokenCache("billing", twoSecondTokens, RefreshPolicy.defaults(), Ticker.system(),
                DaemonScheduler.forClient("billing"), FixedRandom.least())) {
            cacheRef.set(cache);
            cache.start();
            AccessToken first = cache.await(GENEROUS.toNanos());

            RefreshStart refresh = refreshStart.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(refresh.freshness()).as("the refresh began once due, not early")
                    .isIn(Freshness.REFRESH_DUE, Freshness.EXPIRED);
            if (refresh.freshness() == Freshness.EXPIRED) {
                assertThat(refresh.served()).as("an expired token is never served").isNull();
            } else {
                assertThat(refresh.served()).as("served while the refresh runs: the first token, or none once it"
                        + " expired").isIn(first, null);
            }
            AccessToken served = awaitAnotherThan(cache, first);
            assertThat(served).as("the refreshed token replaced the first").isNotSameAs(first);
            assertThat(cache.stats().fetches()).isGreaterThanOrEqualTo(2);
        }
    }

    /** The first token the cache serves that is not {@code first}; {@code first} if none came within the bound. */
    private static AccessToken awaitAnotherThan(TokenCache cache, AccessToken first) throws Exception {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        AccessToken served = first;
        // The refresh's token is installed right after its request returns: a few microseconds of spinning, and a
        // wait for the request in flight whenever the first token expired before it.
        while (served == first && System.nanoTime() - deadline < 0) {
            served = cache.await(GENEROUS.toNanos());
            Thread.onSpinWait();
        }
        return served;
    }
}
