package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import dev.oauthagent.agent.token.AccessToken;

/** A cache on a manual clock and scheduler, with a scripted token endpoint and a recording logger. */
final class CacheFixture {
    static final String CLIENT = "billing";
    static final long HOUR = 3600;

    final ManualTicker ticker = new ManualTicker();
    final ManualScheduler scheduler = new ManualScheduler(ticker);
    final RecordingLogger logger = new RecordingLogger();
    final ScriptedTokenSource source;
    final TokenCache cache;

    CacheFixture(long lifetimeSeconds, RefreshPolicy policy, Random random) {
        source = new ScriptedTokenSource(lifetimeSeconds);
        cache = new TokenCache(CLIENT, source, policy, ticker, scheduler, random, logger);
    }

    /** One-hour tokens, default policy, no refresh jitter: refresh at 30 min, expiry at 59 min. */
    static CacheFixture hourTokens() {
        return new CacheFixture(HOUR, RefreshPolicy.defaults(), FixedRandom.least());
    }

    /** Starts the cache and runs its first request; returns the token it got. */
    AccessToken startAndObtain() {
        cache.start();
        scheduler.runDue();
        AccessToken token = cache.current();
        assertThat(token).as("token after the first request").isNotNull();
        return token;
    }
}
