package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns an I/O failure of the token request into a transient {@link TokenFetchException} whose message says
 * which setting or part of the network to look at. JDK exception texts are included only sanitized; they
 * hold host names and reasons, never credentials.
 */
final class TransportFailureClassifier {
    private final ClientConfig client;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;

    TransportFailureClassifier(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer) {
        this.client = client;
        this.messages = messages;
        this.sanitizer = sanitizer;
    }

    /**
     * @param connecting     whether the failure happened while connecting (TCP and TLS), before the request
     *                       was sent
     * @param deadline       the request's total deadline; once passed, the failure is its consequence
     */
    TokenFetchException classify(IOException e, boolean connecting, TotalDeadline deadline) {
        return TokenFetchException.transientFailure(messages.exception(describe(e, connecting, deadline)), e);
    }

    private String describe(IOException e, boolean connecting, TotalDeadline deadline) {
        String at = messages.endpointAtHostPort();
        ProxyFailureException proxyFailure = proxyFailure(e);
        if (proxyFailure != null && !deadline.hasPassed()) {
            return proxyFailure.getMessage();
        }
        if (e instanceof ResponseBodyReader.TooLargeException) {
            return messages.endpoint() + " sent a response larger than 1 MiB; reading stopped. A token response is"
                    + " a few hundred bytes: check " + messages.urlKey() + ".";
        }
        if (deadline.hasPassed()) {
            return at + " did not deliver a complete response within " + seconds(deadline.total().toMillis())
                    + " (connect-timeout + read-timeout); it is sending too slowly. Raise "
                    + messages.key("read-timeout") + " if the server is just slow.";
        }
        if (e instanceof UnknownHostException) {
            return "cannot reach " + at + " (unknown host); check " + messages.urlKey() + " and DNS.";
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            String reason = e instanceof NoRouteToHostException ? "no route to host"
                    : reasonOr(e, "connection refused");
            return "cannot reach " + at + " (" + reason + "); check " + messages.urlKey() + " and network.";
        }
        if (e instanceof SocketTimeoutException) {
            return timeout(at, e, connecting);
        }
        if (e instanceof SSLException) {
            return "TLS failure talking to " + at + ": " + tls(e);
        }
        return "I/O error talking to " + at + " (" + e.getClass().getSimpleName() + ": " + reasonOr(e, "no detail")
                + "); oauth-agent will retry.";
    }

    /** The proxy's failure behind this one, if any: the connection may wrap it. */
    private static ProxyFailureException proxyFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProxyFailureException) {
                return (ProxyFailureException) t;
            }
        }
        return null;
    }

    private String tls(IOException e) {
        String reason = " (" + rootReason(e) + ")";
        String host = messages.host();
        switch (CertificateProblem.of(e)) {
            case NOT_TRUSTED:
                return "the server's certificate is not trusted" + reason + ". " + (client.truststore() == null
                        ? "If the server uses a private CA, set " + messages.key("truststore")
                                + " to a store holding the CA that issued it"
                        : messages.key("truststore") + " (" + client.truststore() + ") does not hold the CA that"
                                + " issued it; add that CA to the store")
                        + ". oauth-agent trusts only " + (client.truststore() == null ? "the JDK's default trust store"
                                : "that truststore") + ", whatever TLS settings the application changed.";
            case WRONG_HOST:
                return "the server's certificate does not match host " + sanitizer.sanitize(host) + reason
                        + ". Set " + messages.urlKey() + " to a host name the certificate names, or have the"
                        + " certificate reissued for " + sanitizer.sanitize(host) + ". oauth-agent checks host names"
                        + " strictly, whatever HostnameVerifier the application installed.";
            case NOT_VALID_NOW:
                return "the server's certificate has expired or is not yet valid" + reason + ". Renew it on the"
                        + " server, or check this machine's clock.";
            default:
                return "the TLS handshake failed" + reason + ". If the server uses a private CA set "
                        + messages.key("truststore") + (client.truststore() == null ? "" : " to a store holding that CA")
                        + ", and check that the certificate names the host in " + messages.urlKey() + ".";
        }
    }

    private String timeout(String at, IOException e, boolean connecting) {
        String text = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        boolean connectTimeout = connecting && !text.contains("read");
        if (connectTimeout) {
            return "cannot reach " + at + ": no connection within " + seconds(client.connectTimeout().toMillis())
                    + "; check " + messages.urlKey() + ", network and firewall, or raise "
                    + messages.key("connect-timeout") + ".";
        }
        return at + " sent nothing for " + seconds(client.readTimeout().toMillis()) + " (read timeout); the server"
                + " is slow or hanging. Raise " + messages.key("read-timeout") + " if it is just slow.";
    }

    private String reasonOr(Throwable e, String fallback) {
        String reason = sanitizer.sanitize(e.getMessage());
        if (reason == null || reason.isEmpty()) {
            return fallback;
        }
        // "Connection refused", "Connection refused: connect" (Windows), ...: one wording on every platform
        return reason.toLowerCase(Locale.ROOT).startsWith("connection refused") ? "connection refused" : reason;
    }

    // A handshake failure's useful part ("PKIX path building failed", "No subject alternative names ...")
    // is the message of the deepest cause.
    private String rootReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return reasonOr(root, root.getClass().getSimpleName());
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
