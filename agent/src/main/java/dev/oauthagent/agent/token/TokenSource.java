package dev.oauthagent.agent.token;

/** Obtains a new access token for one client. Blocking, bounded by the client's timeouts. */
public interface TokenSource {
    AccessToken fetch() throws TokenFetchException;
}
