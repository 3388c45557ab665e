package dev.oauthagent.agent.token;

/**
 * Why a token could not be obtained. The message is written for the user and is safe to log: it never
 * holds a token, secret, Basic value or raw response body (which may echo what was sent).
 */
public class TokenFetchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Whether retrying soon can help. */
    public enum Kind {
        /** I/O error, timeout, 408, 429, 5xx, malformed response: retry with backoff. */
        TRANSIENT,
        /** invalid_client, unauthorized_client, invalid_scope, unsupported_grant_type, ...: retry slowly. */
        TERMINAL,
        /**
         * A user grant without a usable refresh token: only a person's login ends it, so it is as terminal as
         * {@link #TERMINAL}, but no server refused anything and retrying at any pace cannot help.
         */
        LOGIN_NEEDED
    }

    private final Kind kind;
    private final String errorCode;
    private final int httpStatus;
    private final long retryAfterSeconds;

    /**
     * @param errorCode         the RFC 6749 §5.2 error code, or null
     * @param httpStatus        the HTTP status, or -1 when there was no response
     * @param retryAfterSeconds the server's Retry-After in seconds, or -1 when absent
     */
    public TokenFetchException(String message, Kind kind, String errorCode, int httpStatus,
            long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static TokenFetchException transientFailure(String message, Throwable cause) {
        return new TokenFetchException(message, Kind.TRANSIENT, null, -1, -1, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** Retrying soon cannot help: {@link Kind#TERMINAL} or {@link Kind#LOGIN_NEEDED}. */
    public boolean isTerminal() {
        return kind != Kind.TRANSIENT;
    }

    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
