package dev.oauthagent.agent.reload;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;

/**
 * A client's token source that a change of the properties file can replace while the client runs: the cache keeps
 * this one, and each fetch goes to whichever source was set last. A fetch in flight finishes with the old one.
 */
public final class SwappableTokenSource implements TokenSource {
    private volatile TokenSource current;

    public SwappableTokenSource(TokenSource first) {
        this.current = first;
    }

    void swap(TokenSource next) {
        current = next;
    }

    @Override
    public AccessToken fetch() throws TokenFetchException {
        return current.fetch();
    }

    @Override
    public String toString() {
        return "SwappableTokenSource{" + current + "}";
    }
}
