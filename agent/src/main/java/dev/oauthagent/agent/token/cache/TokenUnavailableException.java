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

    public TokenUnavailableException(String clientName, String reason) {
        super("no token for client '" + clientName + "': " + reason);
        this.clientName = clientName;
        this.reason = reason;
    }

    public String clientName() {
        return clientName;
    }

    /** The message without the "no token for client" prefix. */
    public String reason() {
        return reason;
    }
}
