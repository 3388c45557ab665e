package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenSource;

/** Production wiring (system ticker, daemon thread) with 2-second tokens: the refresh really comes first. */
class TokenCacheSystemClockTest {

    @Test
    void twoSecondTokenIsRefreshedWhileStillServedAndReplacedBeforeItExpires() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<AccessToken> servedDuringRefresh = new CopyOnWriteArrayList<>();
        AtomicReference<TokenCache> cacheRef = new AtomicReference<>();
        CountDownLatch refreshed = new CountDownLatch(1);
        TokenSource twoSecondTokens = () -> {
            int n = calls.incrementAndGet();
            if (n > 1) {
                servedDuringRefresh.add(cacheRef.get().current());
                refreshed.countDown();
            }
            return new AccessToken("token-" + n, "Bearer", 2, null);
        };
        // Least jitter: refresh at 1.0 s, expiry at 1.8 s (10% skew), leaving 0.8 s for a slow host.
        try (TokenCache cache = new TokenCache("billing", twoSecondTokens, RefreshPolicy.defaults(), Ticker.system(),
                DaemonScheduler.forClient("billing"), FixedRandom.least())) {
            cacheRef.set(cache);
            cache.start();
            AccessToken first = cache.await(Duration.ofSeconds(30).toNanos());

            assertThat(refreshed.await(30, TimeUnit.SECONDS)).as("a refresh happened").isTrue();
            assertThat(servedDuringRefresh.get(0)).as("the first token was still served while refreshing")
                    .isSameAs(first);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            AccessToken served = first;
            while (served == first && System.nanoTime() - deadline < 0) {
                served = cache.current();
                assertThat(served).as("the token never lapsed while the refresh was installed").isNotNull();
                Thread.onSpinWait();
            }
            assertThat(served).as("replaced by the refresh").isNotSameAs(first);
            assertThat(cache.stats().refreshes()).isGreaterThanOrEqualTo(1);
        }
    }
}
