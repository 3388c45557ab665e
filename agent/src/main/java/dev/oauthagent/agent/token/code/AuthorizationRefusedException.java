package dev.oauthagent.agent.token.code;

import dev.oauthagent.agent.token.TokenFetchException;

/**
 * The authorization server refused the authorization request before any login ({@link AuthorizationPreflight}):
 * the message says what to fix; {@link #reason()} says what was refused, for the doctor to act on.
 */
public final class AuthorizationRefusedException extends TokenFetchException {
    private static final long serialVersionUID = 1L;

    /** What the server's answer blamed. */
    public enum Reason {
        /** The redirect URI is not one registered for the client. */
        REDIRECT_URI,
        /** The client is unknown or may not use the authorization code grant. */
        CLIENT,
        /** The requested scopes. */
        SCOPE,
        /** Something else the server named. */
        OTHER,
        /** Nothing: a bare 400 (Spring Authorization Server's answer to a wrong redirect URI or client-id). */
        UNSAID
    }

    private final Reason reason;

    /** No HTTP status: the one the authorization endpoint answered is no token endpoint's answer. */
    public AuthorizationRefusedException(String message, Reason reason) {
        super(message, Kind.TERMINAL, null, -1, -1, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
