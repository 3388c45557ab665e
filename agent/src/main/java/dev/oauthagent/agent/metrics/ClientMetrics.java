package dev.oauthagent.agent.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * One client's counters. The request path ({@link #injected}, {@link #skippedExisting}, {@link #refusedFailClosed})
 * costs one uncontended {@link LongAdder} add: no lock, no allocation. Token request failures are rare and counted
 * off the request path, by error code; a code is only ever an RFC 6749 error code or a name of ours
 * ({@link FailureCode}), never server text, and there are at most {@link #MAX_CODES} of them.
 */
public final class ClientMetrics {
    /** Codes beyond this many are counted as {@link FailureCode#OTHER}: a server cannot grow the map without end. */
    static final int MAX_CODES = 32;

    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder tokenFailures = new LongAdder();
    private final LongAdder injected = new LongAdder();
    private final LongAdder skippedExisting = new LongAdder();
    private final LongAdder refusedFailClosed = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> failuresByCode = new ConcurrentHashMap<>();
    private volatile LastFailure lastFailure;

    public void tokenRequested() {
        tokenRequests.increment();
    }

    /** @param epochMillis wall-clock time of the failure, for the operator */
    public void tokenFailed(String code, long epochMillis) {
        tokenFailures.increment();
        String counted = failuresByCode.containsKey(code) || failuresByCode.size() < MAX_CODES ? code
                : FailureCode.OTHER;
        LongAdder count = failuresByCode.get(counted);
        if (count == null) {
            LongAdder fresh = new LongAdder();
            LongAdder raced = failuresByCode.putIfAbsent(counted, fresh);
            count = raced == null ? fresh : raced;
        }
        count.increment();
        lastFailure = new LastFailure(code, epochMillis);
    }

    /** A hop carries this client's token. */
    public void injected() {
        injected.increment();
    }

    /** A hop to this client's hosts kept the Authorization value the application set. */
    public void skippedExisting() {
        skippedExisting.increment();
    }

    /** A hop was not sent: no token in time and fail-mode=closed. */
    public void refusedFailClosed() {
        refusedFailClosed.increment();
    }

    public long tokenRequests() {
        return tokenRequests.sum();
    }

    public long tokenFailures() {
        return tokenFailures.sum();
    }

    public long injectedRequests() {
        return injected.sum();
    }

    public long skippedRequests() {
        return skippedExisting.sum();
    }

    public long failClosedRefusals() {
        return refusedFailClosed.sum();
    }

    /** "code=count" per error code seen, sorted by code. */
    public String[] failuresByCode() {
        List<String> codes = new ArrayList<>(failuresByCode.keySet());
        Collections.sort(codes);
        String[] lines = new String[codes.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = codes.get(i) + "=" + failuresByCode.get(codes.get(i)).sum();
        }
        return lines;
    }

    /** Null until a token request fails. */
    public LastFailure lastFailure() {
        return lastFailure;
    }

    /** The code and time of a failed token request; no message, no body. */
    public static final class LastFailure {
        private final String code;
        private final long epochMillis;

        LastFailure(String code, long epochMillis) {
            this.code = code;
            this.epochMillis = epochMillis;
        }

        public String code() {
            return code;
        }

        public long epochMillis() {
            return epochMillis;
        }
    }
}
