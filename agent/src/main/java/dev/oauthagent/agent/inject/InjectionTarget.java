package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.metrics.ClientMetrics;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;

import java.util.concurrent.TimeUnit;

/** One configured client as the injection path sees it: its token cache and what to do without a token. */
final class InjectionTarget {
    final String clientName;
    final TokenCache cache;
    final long waitNanos;
    final boolean failClosed;
    final boolean overrideExisting;
    final SentTokens sent;
    final RateLimitedLog unavailableLog;
    final InvalidationGate invalidations;
    final ClientMetrics metrics;

    InjectionTarget(ClientConfig config, TokenCache cache, ClientMetrics metrics, Ticker ticker) {
        this.clientName = config.name();
        this.cache = cache;
        this.waitNanos = config.waitTimeout().toNanos();
        this.failClosed = config.failMode() == FailMode.CLOSED;
        this.overrideExisting = config.overrideExisting();
        this.sent = new SentTokens(config.name(), ticker);
        this.unavailableLog = new RateLimitedLog(ticker, 1, TimeUnit.MINUTES);
        this.invalidations = new InvalidationGate(ticker);
        this.metrics = metrics;
    }
}
