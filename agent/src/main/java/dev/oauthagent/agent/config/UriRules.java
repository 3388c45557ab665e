package dev.oauthagent.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks the URLs and URIs of the configuration. Values are never echoed back: a URL with user info may
 * carry a password, so messages describe the fault instead.
 */
final class UriRules {
    /** The default redirect-uri, and the example every message about it gives. */
    static final String LOOPBACK_REDIRECT_EXAMPLE = "http://127.0.0.1:0/callback";

    private UriRules() {
    }

    /** An absolute http(s) URL with a host, without user info or fragment. */
    static URI httpUrl(String value) throws InvalidValueException {
        String example = " e.g. https://auth.example.com/oauth2/token";
        if (isHostPortPath(value)) {
            // Checked before parsing: "127.0.0.1:8503/..." does not parse, "localhost:8503/..." parses with
            // scheme "localhost". Echoing it is safe: the pattern admits no user info, query or fragment.
            throw new InvalidValueException("has no scheme; write it as https://" + value
                    + " (or http:// with allow-http=true for a test server)");
        }
        URI uri = parse(value, "is not a valid URL (check for spaces or unescaped characters); write it as" + example);
        if (uri.getScheme() == null) {
            throw new InvalidValueException("has no scheme; write it as" + example);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidValueException("has scheme '" + uri.getScheme() + "'; only https (or http with "
                    + "allow-http=true) is supported, e.g." + example);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValueException("contains user info (user:password@); remove it and put the credentials "
                    + "in client-id and client-secret");
        }
        if (uri.getHost() == null) {
            throw new InvalidValueException("has no valid host; write it as" + example);
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException("has a fragment (#...); remove it");
        }
        return uri;
    }

    /**
     * An HTTP proxy as {@code http://host:port}: plain http (the JDK speaks to a proxy in clear; TLS to the
     * authorization server runs inside the tunnel), a port, and nothing else. User info is refused because the
     * credentials have keys of their own, read from references.
     */
    static URI proxyUrl(String value) throws InvalidValueException {
        String example = " e.g. http://proxy.example.com:3128";
        URI uri = parse(value, "is not a valid proxy URL; write it as" + example);
        if (uri.getRawUserInfo() != null || value.indexOf('@') >= 0) {
            throw new InvalidValueException("contains user info (user:password@); remove it and set proxy-user and "
                    + "proxy-password, e.g. proxy-password=${env:PROXY_PASSWORD} (the value is not repeated here)");
        }
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
            throw new InvalidValueException("'" + value + "' must be an http:// proxy address with a port; write it as"
                    + example);
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new InvalidValueException("'" + value + "' needs a host and a port; write it as" + example);
        }
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!bare) {
            throw new InvalidValueException("'" + value + "' has a path, query or fragment; a proxy is only a host and a"
                    + " port, e.g." + example);
        }
        return URI.create("http://" + uri.getRawAuthority());
    }

    /**
     * host, host:port or [v6]:port, each optionally with a path: a URL missing only its scheme. A loop, not a
     * regular expression: this runs in premain (PremainPathBytecodeTest).
     */
    static boolean isHostPortPath(String value) {
        int i = 0;
        int n = value.length();
        if (i < n && value.charAt(i) == '[') {
            int close = value.indexOf(']');
            if (close < 2 || !allOf(value, 1, close, "0123456789abcdefABCDEF:.")) {
                return false;
            }
            i = close + 1;
        } else {
            while (i < n && (Character.isLetterOrDigit(value.charAt(i)) && value.charAt(i) < 128
                    || value.charAt(i) == '.' || value.charAt(i) == '-')) {
                i++;
            }
            if (i == 0) {
                return false;
            }
        }
        if (i < n && value.charAt(i) == ':') {
            int digits = i + 1;
            i = digits;
            while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                i++;
            }
            if (i == digits || i - digits > 5) {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        if (value.charAt(i) != '/') {
            return false;
        }
        for (int j = i; j < n; j++) {
            char c = value.charAt(j);
            if (Character.isWhitespace(c) || c == '@' || c == '?' || c == '#') {
                return false;
            }
        }
        return true;
    }

    private static boolean allOf(String value, int from, int to, String allowed) {
        for (int i = from; i < to; i++) {
            if (allowed.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** An RFC 8707 resource indicator: an absolute URI without fragment. Messages start with a verb. */
    static URI resource(String value) throws InvalidValueException {
        String example = " e.g. https://api.example.com/billing";
        URI uri = parse(value, "is not a valid URI; write an absolute URI," + example);
        if (!uri.isAbsolute()) {
            throw new InvalidValueException("is not an absolute URI (no scheme); write it as" + example);
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException("has a fragment (#...), which RFC 8707 forbids; remove it");
        }
        return uri;
    }

    /**
     * A loopback redirect URI (RFC 8252 §7.3): http on the IP literal 127.0.0.1 or [::1], an explicit port (0 for
     * one chosen at each login), a path, no fragment. Returned exactly as written: the authorization server
     * compares it character by character, case included.
     */
    static String loopbackRedirect(String value) throws InvalidValueException {
        String example = " e.g. " + LOOPBACK_REDIRECT_EXAMPLE;
        URI uri = parse(value, "is not a valid URI; write it as" + example);
        if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
            throw new InvalidValueException("must be an http URI on the loopback interface, where the agent receives "
                    + "the redirect itself (RFC 8252 §7.3);" + example);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValueException("contains user info (user:password@); remove it," + example);
        }
        String host = uri.getHost();
        if (host != null && host.equalsIgnoreCase("localhost")) {
            throw new InvalidValueException("uses localhost; write the IP literal 127.0.0.1 (or [::1]) instead: "
                    + "localhost may resolve to another interface and be answered by another program (RFC 8252 §8.3)");
        }
        if (!"127.0.0.1".equals(host) && !"[::1]".equals(host)) {
            throw new InvalidValueException("must name the loopback IP literal 127.0.0.1 or [::1] as its host, where "
                    + "the agent listens during a login (RFC 8252 §7.3);" + example);
        }
        if (uri.getPort() == -1) {
            throw new InvalidValueException("has no port; write :0 for a free port chosen at each login, or the fixed "
                    + "port registered with the authorization server," + example);
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            throw new InvalidValueException("has no path; add the path registered with the authorization server,"
                    + example);
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException("has a fragment (#...), which a redirect URI may not have (RFC 6749 "
                    + "§3.1.2); remove it");
        }
        return value;
    }

    private static URI parse(String value, String message) throws InvalidValueException {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValueException(message);
        }
    }
}
