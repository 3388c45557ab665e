package dev.oauthagent.agent.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates one entry of {@code hosts}: {@code host}, {@code host:port}, {@code *.domain} (optionally with
 * a port) or a bracketed IPv6 literal, and returns it in lower case.
 */
final class HostPatterns {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+(%[a-z0-9._-]+)?\\]");
    private static final String FORMS = "write host, host:port or *.domain, e.g. api.example.com, "
            + "localhost:8443, *.example.com";

    private HostPatterns() {
    }

    static String normalize(String entry) throws InvalidValueException {
        String e = entry.trim().toLowerCase(Locale.ROOT);
        if (e.contains("://")) {
            throw new InvalidValueException("'" + entry + "' contains a scheme; " + FORMS
                    + " (the scheme is implied: https, or http with allow-http=true)");
        }
        if (e.contains("/")) {
            throw new InvalidValueException("'" + entry + "' contains a path; put path prefixes in paths and "
                    + FORMS);
        }
        String host = e;
        String port = null;
        int colon = e.lastIndexOf(':');
        boolean bracketed = e.startsWith("[");
        if (colon >= 0 && (!bracketed || colon > e.indexOf(']'))) {
            host = e.substring(0, colon);
            port = e.substring(colon + 1);
        }
        if (port != null) {
            checkPort(entry, port);
        }
        checkHost(entry, host);
        return e;
    }

    private static void checkPort(String entry, String port) throws InvalidValueException {
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException ex) {
            throw new InvalidValueException("'" + entry + "' has an invalid port; the port is a number from 1 to "
                    + "65535, e.g. api.example.com:8443");
        }
        if (p < 1 || p > 65535) {
            throw new InvalidValueException("'" + entry + "' has port " + p + "; use a port from 1 to 65535");
        }
    }

    private static void checkHost(String entry, String host) throws InvalidValueException {
        if (host.startsWith("[")) {
            if (!IPV6.matcher(host).matches()) {
                throw new InvalidValueException("'" + entry + "' is not a valid IPv6 literal; write e.g. [::1]:8443");
            }
            return;
        }
        String domain = host;
        if (host.startsWith("*.")) {
            domain = host.substring(2);
            if (domain.indexOf('.') < 0) {
                throw new InvalidValueException("'" + entry + "' would match a whole top-level domain; a wildcard "
                        + "must cover at least two labels, e.g. *.example.com");
            }
        }
        if (domain.isEmpty() || domain.contains("*")) {
            throw new InvalidValueException("'" + entry + "' is not a valid host pattern; '*' is allowed only as a "
                    + "leading '*.'; " + FORMS);
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidValueException("'" + entry + "' is not a valid host name; " + FORMS);
            }
        }
    }
}
