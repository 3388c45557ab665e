package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.AccessToken;

/** The token listener (the log redactor) hears of every token before the cache serves it. */
class TokenCacheListenerTest {
    private final ManualTicker ticker = new ManualTicker();
    private final ManualScheduler scheduler = new ManualScheduler(ticker);
    private final ScriptedTokenSource source = new ScriptedTokenSource(CacheFixture.HOUR);
    private final List<AccessToken> heard = new ArrayList<>();
    private final List<AccessToken> servedWhenHeard = new ArrayList<>();
    private TokenCache cache;

    private TokenCache cacheWith(TokenListener listener) {
        cache = new TokenCache(CacheFixture.CLIENT, source, RefreshPolicy.defaults(), ticker, scheduler,
                FixedRandom.least(), new RecordingLogger(), listener);
        return cache;
    }

    @Test
    void listenerHearsTheFirstTokenAndTheRefreshedOneBeforeEachIsServed() {
        TokenCache c = cacheWith((client, token) -> {
            heard.add(token);
            servedWhenHeard.add(cache.current());
        });
        c.start();
        scheduler.runDue();
        AccessToken first = c.current();
        scheduler.advance(Duration.ofMinutes(31));
        AccessToken second = c.current();

        assertThat(heard).containsExactly(first, second);
        assertThat(first).isNotSameAs(second);
        assertThat(servedWhenHeard).containsExactly(null, first); // neither token was served yet when heard
    }

    @Test
    void failingListenerDoesNotCostTheApplicationItsToken() {
        TokenCache c = cacheWith((client, token) -> {
            throw new IllegalStateException("listener bug");
        });
        c.start();
        scheduler.runDue();
        assertThat(c.current()).isNotNull();
    }
}
