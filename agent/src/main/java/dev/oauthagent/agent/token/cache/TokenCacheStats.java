package dev.oauthagent.agent.token.cache;

/**
 * A snapshot of one client's token cache for diagnostics (CLI, JMX, logs). Holds the token's fingerprint,
 * never its value; the error message is a {@code TokenFetchException} message, which is safe by contract.
 */
public final class TokenCacheStats {
    private final String clientName;
    private final Freshness freshness;
    private final String fingerprint;
    private final long fetches;
    private final long failures;
    private final long refreshes;
    private final int consecutiveFailures;
    private final String lastError;

    TokenCacheStats(String clientName, Freshness freshness, String fingerprint, long fetches, long failures,
            long refreshes, int consecutiveFailures, String lastError) {
        this.clientName = clientName;
        this.freshness = freshness;
        this.fingerprint = fingerprint;
        this.fetches = fetches;
        this.failures = failures;
        this.refreshes = refreshes;
        this.consecutiveFailures = consecutiveFailures;
        this.lastError = lastError;
    }

    public String clientName() { return clientName; }
    public Freshness freshness() { return freshness; }
    /** Fingerprint of the token held (even if expired); null when {@link Freshness#NONE}. */
    public String fingerprint() { return fingerprint; }
    /** Token requests completed, successful or not. */
    public long fetches() { return fetches; }
    /** Token requests that failed (including tokens that arrived already expired). */
    public long failures() { return failures; }
    /** Successful requests that replaced a token that was still being served. */
    public long refreshes() { return refreshes; }
    /** Failures since the last success or credential change; 0 when healthy. */
    public int consecutiveFailures() { return consecutiveFailures; }
    /** Message of the most recent failure, kept after recovery; null if none ever failed. */
    public String lastError() { return lastError; }

    @Override
    public String toString() {
        return "TokenCacheStats{client=" + clientName + ", state=" + freshness + ", token=" + fingerprint
                + ", fetches=" + fetches + ", failures=" + failures + ", refreshes=" + refreshes
                + ", consecutiveFailures=" + consecutiveFailures + ", lastError=" + lastError + "}";
    }
}
