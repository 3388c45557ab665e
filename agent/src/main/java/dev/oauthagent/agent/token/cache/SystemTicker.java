package dev.oauthagent.agent.token.cache;

/** The production {@link Ticker}. The only implementation loaded in production, so the hot path's call inlines. */
enum SystemTicker implements Ticker {
    INSTANCE;

    @Override
    public long read() {
        return System.nanoTime();
    }
}
