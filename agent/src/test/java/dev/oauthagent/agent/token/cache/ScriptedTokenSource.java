package dev.oauthagent.agent.token.cache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;

/**
 * A token endpoint stand-in. Each call takes the next scripted failure if any; otherwise it fails with the
 * standing failure if one is set, else issues a new token whose value contains {@link #SECRET_MARKER} (so
 * tests can prove the value never leaks).
 */
final class ScriptedTokenSource implements TokenSource {
    static final String SECRET_MARKER = "s3cr3t-token-value";

    private final long lifetimeSeconds;
    private final Deque<TokenFetchException> scripted = new ArrayDeque<>();
    private final List<AccessToken> issued = new ArrayList<>();
    private TokenFetchException standingFailure;
    private Runnable duringFetch = () -> { };
    private int calls;

    ScriptedTokenSource(long lifetimeSeconds) {
        this.lifetimeSeconds = lifetimeSeconds;
    }

    synchronized ScriptedTokenSource thenFail(TokenFetchException failure) {
        scripted.add(failure);
        return this;
    }

    synchronized ScriptedTokenSource failFromNowOn(TokenFetchException failure) {
        standingFailure = failure;
        return this;
    }

    synchronized ScriptedTokenSource recover() {
        standingFailure = null;
        return this;
    }

    /** Runs inside every fetch, e.g. to move the ticker as a slow response would. */
    synchronized ScriptedTokenSource duringFetch(Runnable action) {
        duringFetch = action;
        return this;
    }

    @Override
    public AccessToken fetch() throws TokenFetchException {
        Runnable action;
        synchronized (this) {
            calls++;
            action = duringFetch;
        }
        action.run();
        synchronized (this) {
            TokenFetchException failure = scripted.isEmpty() ? standingFailure : scripted.poll();
            if (failure != null) {
                throw failure;
            }
            AccessToken token = new AccessToken(SECRET_MARKER + "-" + (issued.size() + 1), "Bearer",
                    lifetimeSeconds, null);
            issued.add(token);
            return token;
        }
    }

    synchronized int calls() {
        return calls;
    }

    synchronized AccessToken lastIssued() {
        return issued.get(issued.size() - 1);
    }

    synchronized List<AccessToken> issued() {
        return List.copyOf(issued);
    }

    static TokenFetchException transientFailure(String message) {
        return TokenFetchException.transientFailure(message, null);
    }

    static TokenFetchException serverBusy(long retryAfterSeconds) {
        return new TokenFetchException("token endpoint answered HTTP 503", TokenFetchException.Kind.TRANSIENT, null,
                503, retryAfterSeconds, null);
    }

    static TokenFetchException invalidClient() {
        return new TokenFetchException("token endpoint answered invalid_client (401); check client-id and"
                + " client-secret", TokenFetchException.Kind.TERMINAL, "invalid_client", 401, -1, null);
    }
}
