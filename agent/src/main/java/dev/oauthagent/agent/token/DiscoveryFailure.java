package dev.oauthagent.agent.token;

/**
 * Why an issuer's metadata document was not taken, when the server did answer: so that {@code check} can name the
 * cause (a document not found, an issuer that differs, a document the agent cannot use) without parsing the
 * message. A failure to reach the server at all is a plain {@link TokenFetchException}. The message is the user's,
 * safe to print.
 */
public final class DiscoveryFailure extends TokenFetchException {
    private static final long serialVersionUID = 1L;

    /** What was wrong with the answers. */
    public enum Reason {
        /** No candidate URL answered a metadata document. */
        NOT_FOUND,
        /** The document names another issuer (or none) than the configured one (RFC 8414 §3.3). */
        ISSUER_MISMATCH,
        /** The document is the issuer's but lacks an endpoint the client needs, or names one it cannot use. */
        UNUSABLE
    }

    private final Reason reason;

    DiscoveryFailure(String message, Kind kind, Reason reason) {
        super(message, kind, null, -1, -1, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
