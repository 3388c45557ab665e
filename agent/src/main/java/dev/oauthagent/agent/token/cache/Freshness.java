package dev.oauthagent.agent.token.cache;

/** Where a client's token is in its life, as {@link TokenCache#stats()} reports it. */
public enum Freshness {
    /** Served; no refresh needed yet. */
    FRESH,
    /** Still served, but the refresh is due (or running, or failing and being retried). */
    REFRESH_DUE,
    /** Past its expiry: never served again. */
    EXPIRED,
    /** No token yet, or the last one was invalidated. */
    NONE
}
