package dev.oauthagent.agent.token.cache;

import java.io.IOException;

/**
 * No token could be had within the caller's wait. An {@link IOException} so that fail-closed mode can throw
 * it straight out of an instrumented HTTP client, whose callers already handle I/O failures.
 *
 * <p>The reason is a {@code TokenFetchException} message (safe by contract) or the cache's own words. The
 * fetch exception is deliberately not chained as the cause: its own causes (parser errors, for one) may
 * quote a response body, and applications print causes in their logs.
 */
public final class TokenUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String clientName;
    private final String reason;
    private final boolean reasonLogged;

    public TokenUnavailableException(String clientName, String reason) {
        this(clientName, withoutPrefix(clientName, reason), false);
    }

    private TokenUnavailableException(String clientName, String reason, boolean reasonLogged) {
        super("no token for client '" + clientName + "': " + reason);
        this.clientName = clientName;
        this.reason = reason;
        this.reasonLogged = reasonLogged;
    }

    /** The reason is the failure of the last token request, which the cache's log has already reported. */
    static TokenUnavailableException afterLoggedFailure(String clientName, String failureMessage) {
        return new TokenUnavailableException(clientName, withoutPrefix(clientName, failureMessage), true);
    }

    /** Fetch errors already say "oauth-agent: client 'X': "; the message says it once. */
    static String withoutPrefix(String clientName, String reason) {
        String full = "oauth-agent: client '" + clientName + "': ";
        if (reason.startsWith(full)) {
            return reason.substring(full.length());
        }
        return reason.startsWith("oauth-agent: ") ? reason.substring("oauth-agent: ".length()) : reason;
    }

    public String clientName() {
        return clientName;
    }

    /** The message without the "no token for client" prefix. */
    public String reason() {
        return reason;
    }

    /**
     * Whether the reason was already logged, as a token request failure: a caller's log line then leaves it
     * out, so one failed request puts its cause in the log once.
     */
    public boolean reasonLogged() {
        return reasonLogged;
    }
}
