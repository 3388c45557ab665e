package dev.oauthagent.agent.token.code;

import dev.oauthagent.agent.token.TokenFetchException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The configured {@code redirect-uri}: a loopback redirect (RFC 8252 §7.3), {@code http://127.0.0.1:<port>/<path>}
 * or {@code http://[::1]:<port>/<path>}. Port 0 means any free port, chosen when the listener starts.
 *
 * <p>Servers compare the redirect URI as a string (RFC 6749 §3.1.2.3), case and trailing slash included, and
 * both the authorization request and the token request must carry the same one. So the configured text is kept
 * as written; only a port 0 is replaced by the real port, and nothing else in the string changes.
 *
 * <p>{@code localhost} is refused: it may resolve to another interface or be answered by another program
 * (RFC 8252 §8.3), and many servers refuse it.
 */
final class LoopbackRedirectUri {
    private static final String KEY = "redirect-uri";

    private final String text;
    private final InetAddress address;
    private final int port;
    private final String path;
    private final int portStart;
    private final int portEnd;

    private LoopbackRedirectUri(String text, InetAddress address, int port, String path, int portStart, int portEnd) {
        this.text = text;
        this.address = address;
        this.port = port;
        this.path = path;
        this.portStart = portStart;
        this.portEnd = portEnd;
    }

    static LoopbackRedirectUri parse(String text, CodeFlowMessages messages) throws TokenFetchException {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refused(text, "is not a valid URI (" + e.getReason() + ")", messages);
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http")) {
            throw refused(text, "must be an http URL on the loopback: the agent receives the redirect itself", messages);
        }
        String host = uri.getHost();
        if (host == null || !(host.equals("127.0.0.1") || host.equals("[::1]"))) {
            throw refused(text, "must name the loopback address 127.0.0.1 or [::1] as its host (RFC 8252 §7.3);"
                    + " localhost and other names are not used, they may reach another program", messages);
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused(text, "must not have user info or a fragment", messages);
        }
        if (uri.getPort() > 65535) {
            throw refused(text, "has a port above 65535", messages);
        }
        if (uri.getPort() < 0) {
            throw refused(text, "must name a port: 0 for any free port, or the fixed one the server has registered",
                    messages);
        }
        int hostEnd = text.indexOf(host, text.indexOf("://") + 3) + host.length();
        int portEnd = hostEnd + 1;
        while (portEnd < text.length() && Character.isDigit(text.charAt(portEnd))) {
            portEnd++;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new LoopbackRedirectUri(text, loopback(host), uri.getPort(), path, hostEnd + 1, portEnd);
    }

    private static InetAddress loopback(String host) {
        try {
            // An IP literal: no name look-up happens.
            return InetAddress.getByName(host.equals("[::1]") ? "::1" : host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a loopback literal always parses", e);
        }
    }

    private static TokenFetchException refused(String text, String why, CodeFlowMessages messages) {
        return messages.terminal(messages.key(KEY) + " '" + text + "' " + why + "; for example http://127.0.0.1:0/callback.",
                null);
    }

    /** The address to listen on. */
    InetAddress address() {
        return address;
    }

    /** The configured port; 0 for any free one. */
    int port() {
        return port;
    }

    /** The path the server redirects to, raw (as it appears in the request line). */
    String path() {
        return path;
    }

    /** The configured text, with the port the listener got in place of a port 0. */
    String withPort(int actualPort) {
        if (port != 0) {
            return text;
        }
        return text.substring(0, portStart) + actualPort + text.substring(portEnd);
    }

    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
