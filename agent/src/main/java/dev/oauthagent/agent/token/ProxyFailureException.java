package dev.oauthagent.agent.token;

import java.io.IOException;

/**
 * The proxy, not the authorization server, failed the call: unreachable, or it refused the tunnel (a status other
 * than 200 to CONNECT, or 407 to a plain-http request). The message is the user's, built by
 * {@link AuthServerProxy}; it holds host names and keys, never credentials.
 */
final class ProxyFailureException extends IOException {
    private static final long serialVersionUID = 1L;

    ProxyFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
