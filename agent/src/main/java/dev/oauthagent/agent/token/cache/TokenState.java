package dev.oauthagent.agent.token.cache;

import dev.oauthagent.agent.token.AccessToken;

/**
 * A token with its deadlines on the cache's ticker. Immutable and replaced as a whole, so a reader that
 * loaded one reference sees a token together with its own deadlines, never another token's.
 */
final class TokenState {
    static final TokenState NONE = new TokenState(null, 0, 0);

    final AccessToken token;
    final long refreshAt;
    final long expiresAt;

    TokenState(AccessToken token, long refreshAt, long expiresAt) {
        this.token = token;
        this.refreshAt = refreshAt;
        this.expiresAt = expiresAt;
    }

    /** Expired AT expiresAt, not after it: the boundary instant is already unsafe. */
    boolean isServable(long now) {
        return token != null && now - expiresAt < 0;
    }

    Freshness freshness(long now) {
        if (token == null) {
            return Freshness.NONE;
        }
        if (!isServable(now)) {
            return Freshness.EXPIRED;
        }
        return now - refreshAt < 0 ? Freshness.FRESH : Freshness.REFRESH_DUE;
    }
}
