package dev.oauthagent.agent.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The JDK's {@code http.nonProxyHosts}: host patterns separated by {@code |}, where {@code *} stands for any text
 * ({@code *.corp.example}, {@code 10.*}), matched case-insensitively against the URL's host as written. When the
 * property is not set, the JDK's default applies: the loopback names and addresses, which is why a test against a
 * loopback server has to set the property to send anything through a proxy. Set but empty, nothing bypasses it.
 */
final class NonProxyHosts {
    /** The JDK's own default (sun.net.spi.DefaultProxySelector, JDK 8 to 25). */
    static final String JDK_DEFAULT = "localhost|127.*|[::1]|0.0.0.0|[::0]";

    private final List<String> patterns;

    private NonProxyHosts(List<String> patterns) {
        this.patterns = patterns;
    }

    /** @param property the value of http.nonProxyHosts, or null when it is not set */
    static NonProxyHosts parse(String property) {
        String value = property == null ? JDK_DEFAULT : property;
        List<String> patterns = new ArrayList<>();
        for (String p : value.split("\\|")) {
            String trimmed = p.trim().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                patterns.add(trimmed);
            }
        }
        return new NonProxyHosts(Collections.unmodifiableList(patterns));
    }

    boolean contains(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            if (matches(p, h)) {
                return true;
            }
        }
        return false;
    }

    /** A glob match where {@code *} is any run of characters. */
    private static boolean matches(String pattern, String host) {
        String[] parts = pattern.split("\\*", -1);
        if (parts.length == 1) {
            return pattern.equals(host);
        }
        if (!host.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = host.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return host.length() - at >= last.length() && host.endsWith(last);
    }

    @Override
    public String toString() {
        return String.join("|", patterns);
    }
}
