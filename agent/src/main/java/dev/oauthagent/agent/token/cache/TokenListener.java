package dev.oauthagent.agent.token.cache;

import dev.oauthagent.agent.token.AccessToken;

/**
 * Told of every token a {@link TokenCache} obtains, before the cache serves it: the log redactor must know
 * a token before any request can carry it (and so before the application can log it). Called on the cache's
 * refresh thread, outside its lock; must not block for long, and whatever it throws is ignored.
 */
public interface TokenListener {
    void tokenObtained(String clientName, AccessToken token);
}
