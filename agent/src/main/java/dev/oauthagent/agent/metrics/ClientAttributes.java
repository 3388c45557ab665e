package dev.oauthagent.agent.metrics;

import dev.oauthagent.agent.token.cache.TokenCache;

import java.util.Arrays;

/** One client's MBean and summary line, read from its counters and token cache when asked. */
public final class ClientAttributes implements ClientMBean {
    private final String client;
    private final ClientMetrics metrics;
    private final TokenCache cache;
    private final RedactionCount redactions;

    public ClientAttributes(String client, ClientMetrics metrics, TokenCache cache, RedactionCount redactions) {
        this.client = client;
        this.metrics = metrics;
        this.cache = cache;
        this.redactions = redactions;
    }

    String client() {
        return client;
    }

    @Override
    public long getTokenRequests() {
        return metrics.tokenRequests();
    }

    @Override
    public long getTokenFailures() {
        return metrics.tokenFailures();
    }

    @Override
    public String[] getFailuresByCode() {
        return metrics.failuresByCode();
    }

    @Override
    public String getLastFailureCode() {
        ClientMetrics.LastFailure last = metrics.lastFailure();
        return last == null ? null : last.code();
    }

    @Override
    public String getLastFailureTime() {
        ClientMetrics.LastFailure last = metrics.lastFailure();
        return last == null ? null : java.time.Instant.ofEpochMilli(last.epochMillis()).toString();
    }

    @Override
    public long getSecondsUntilExpiry() {
        return cache.secondsUntilExpiry();
    }

    @Override
    public long getInjectedRequests() {
        return metrics.injectedRequests();
    }

    @Override
    public long getSkippedRequests() {
        return metrics.skippedRequests();
    }

    @Override
    public long getFailClosedRefusals() {
        return metrics.failClosedRefusals();
    }

    @Override
    public long getRedactions() {
        return redactions.count();
    }

    /** The periodic log line: the same numbers as the MBean, on one line. */
    String summary() {
        String[] codes = getFailuresByCode();
        String last = getLastFailureCode() == null ? "" : ", last " + getLastFailureCode() + " at "
                + getLastFailureTime();
        return "client '" + client + "': token requests " + getTokenRequests() + ", failures " + getTokenFailures()
                + (codes.length == 0 ? "" : " " + Arrays.toString(codes)) + last + "; token expires in "
                + expiry() + "; requests: injected " + getInjectedRequests() + ", skipped (own header) "
                + getSkippedRequests() + ", refused (fail-closed) " + getFailClosedRefusals() + "; redactions "
                + getRedactions();
    }

    private String expiry() {
        long seconds = getSecondsUntilExpiry();
        return seconds < 0 ? "- (no token)" : seconds + "s";
    }
}
