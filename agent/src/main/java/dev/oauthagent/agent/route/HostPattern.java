package dev.oauthagent.agent.route;

/**
 * One entry of a client's {@code hosts} list: an exact host name, a wildcard {@code *.example.com}, an
 * IPv4 address or a bracketed IPv6 address, each with an optional port.
 *
 * <ul>
 *   <li>An exact name or IP matches that host only; IPs compare by address, never via DNS.</li>
 *   <li>{@code *.example.com} matches every subdomain at any depth ({@code a.example.com},
 *       {@code a.b.example.com}) but not {@code example.com} itself.</li>
 *   <li>Without a port the pattern matches only the request scheme's default port (443 for https, 80 for
 *       http); with a port, only that port.</li>
 * </ul>
 * Immutable; equal patterns (after normalization) are {@link #equals(Object) equal}.
 */
public final class HostPattern {
    /** {@link #port()} of a pattern written without a port. */
    public static final int DEFAULT_PORT = -1;

    private static final int MAX_PORT = 65535;

    private final String host;
    /** "." + host for a wildcard, null for an exact host: the suffix a matching host must end with. */
    private final String wildcardSuffix;
    private final int port;
    private final boolean ipv6;

    private HostPattern(String host, boolean wildcard, int port, boolean ipv6) {
        this.host = host;
        this.wildcardSuffix = wildcard ? "." + host : null;
        this.port = port;
        this.ipv6 = ipv6;
    }

    /**
     * Parses one configured host: {@code host}, {@code host:port}, {@code *.domain}, {@code *.domain:port},
     * an IPv4 address, {@code [ipv6]} or {@code [ipv6]:port}. Case, one trailing dot and IDN spelling are
     * normalized.
     *
     * @throws IllegalArgumentException with a message that starts with the quoted input and says how to
     *     fix it, for anything else
     */
    public static HostPattern parse(String configured) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalArgumentException("host is empty: write a host name such as api.example.com");
        }
        rejectNonHostSyntax(configured);
        if (configured.charAt(0) == '[') {
            return parseBracketedIpv6(configured);
        }
        int colon = configured.indexOf(':');
        if (colon >= 0 && configured.indexOf(':', colon + 1) >= 0) {
            throw invalid(configured, "looks like an IPv6 address: put it in brackets, e.g. [2001:db8::1]"
                    + " or [2001:db8::1]:8443");
        }
        String hostPart = colon < 0 ? configured : configured.substring(0, colon);
        int port = colon < 0 ? DEFAULT_PORT : parsePort(configured, configured.substring(colon + 1));
        if (hostPart.isEmpty()) {
            throw invalid(configured, "has no host before the port: write e.g. api.example.com:8443");
        }
        return hostPart.indexOf('*') >= 0 ? parseWildcard(configured, hostPart, port)
                : new HostPattern(normalizeName(configured, hostPart), false, port, false);
    }

    /** Catches the common mix-ups (a URL, user info, a path) before the host itself is looked at. */
    private static void rejectNonHostSyntax(String configured) {
        for (int i = 0; i < configured.length(); i++) {
            char c = configured.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw invalid(configured, "contains a space or control character: write one host per entry,"
                        + " e.g. api.example.com");
            }
        }
        int schemeEnd = configured.indexOf("://");
        if (schemeEnd >= 0) {
            throw invalid(configured, "has a scheme: write the host without scheme, e.g. "
                    + suggestHost(configured.substring(schemeEnd + 3))
                    + " (plain http is enabled per client with allow-http)");
        }
        if (configured.indexOf('@') >= 0) {
            throw invalid(configured, "contains user info ('@'): write only the host, e.g. "
                    + suggestHost(configured.substring(configured.lastIndexOf('@') + 1)));
        }
        if (configured.indexOf('/') >= 0 || configured.indexOf('\\') >= 0) {
            throw invalid(configured, "contains a path: write only the host here, and path prefixes in 'paths'");
        }
        if (configured.indexOf('?') >= 0 || configured.indexOf('#') >= 0) {
            throw invalid(configured, "contains a query or fragment: write only the host, e.g. api.example.com");
        }
    }

    private static String suggestHost(String afterSchemeOrUserInfo) {
        int end = afterSchemeOrUserInfo.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int i = afterSchemeOrUserInfo.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String host = afterSchemeOrUserInfo.substring(0, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        return host.isEmpty() ? "api.example.com" : host;
    }

    private static HostPattern parseBracketedIpv6(String configured) {
        int close = configured.indexOf(']');
        if (close < 0) {
            throw invalid(configured, "has '[' without ']': write IPv6 addresses as [2001:db8::1]");
        }
        String address = configured.substring(1, close);
        String rest = configured.substring(close + 1);
        if (!rest.isEmpty() && rest.charAt(0) != ':') {
            throw invalid(configured, "has text after ']': write [address] or [address]:port");
        }
        int port = rest.isEmpty() ? DEFAULT_PORT : parsePort(configured, rest.substring(1));
        if (address.indexOf('%') >= 0) {
            throw invalid(configured, "has an IPv6 zone id ('%'): zone ids are not supported, write the address"
                    + " without it");
        }
        String canonical = IpLiteral.canonicalIpv6(address);
        if (canonical == null) {
            throw invalid(configured, "is not a valid IPv6 address: write e.g. [2001:db8::1] or [::1]:8443");
        }
        return new HostPattern(canonical, false, port, true);
    }

    private static HostPattern parseWildcard(String configured, String hostPart, int port) {
        if (hostPart.equals("*")) {
            throw invalid(configured, "would send the token to every host: list the hosts, or use a wildcard"
                    + " such as *.example.com");
        }
        if (!hostPart.startsWith("*.") || hostPart.indexOf('*', 1) >= 0) {
            throw invalid(configured, "uses '*' inside a label: '*' must be the whole leftmost label,"
                    + " as in *.example.com");
        }
        String domain = normalizeName(configured, hostPart.substring(2));
        if (IpLiteral.isIpv4(domain)) {
            throw invalid(configured, "puts a wildcard on an IP address: wildcards work only with domain names");
        }
        if (domain.indexOf('.') < 0) {
            throw invalid(configured, "would match every host under '" + domain + "': name at least two labels"
                    + " after '*.', e.g. *.example." + domain);
        }
        return new HostPattern(domain, true, port, false);
    }

    private static String normalizeName(String configured, String name) {
        String normalized = HostNormalizer.normalizeName(name);
        if (normalized == null) {
            throw invalid(configured, HostNormalizer.problemWith(name));
        }
        return normalized;
    }

    private static int parsePort(String configured, String port) {
        if (port.isEmpty()) {
            throw invalid(configured, "has an empty port: write host:port, e.g. api.example.com:8443,"
                    + " or leave out the ':'");
        }
        int value = 0;
        for (int i = 0; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(configured, "has port '" + port + "', which is not a number");
            }
            value = Math.min(value * 10 + (c - '0'), MAX_PORT + 1);
        }
        if (value < 1 || value > MAX_PORT) {
            throw invalid(configured, "has port " + port + ", which is out of range: use 1-" + MAX_PORT);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String configured, String problem) {
        return new IllegalArgumentException("host '" + withoutUserInfo(configured) + "' " + problem);
    }

    /** A URL pasted by mistake may carry "user:password@": never repeat that in a message. */
    private static String withoutUserInfo(String configured) {
        int at = configured.lastIndexOf('@');
        if (at < 0) {
            return configured;
        }
        int schemeEnd = configured.indexOf("://");
        int userInfoStart = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
        return configured.substring(0, userInfoStart) + "****" + configured.substring(at);
    }

    /**
     * The normalized host: lower-case ASCII (IDN as punycode) or canonical IP text, without the
     * {@code *.} of a wildcard.
     */
    public String host() {
        return host;
    }

    public boolean isWildcard() {
        return wildcardSuffix != null;
    }

    /** The configured port, or {@link #DEFAULT_PORT} when the pattern names none. */
    public int port() {
        return port;
    }

    /**
     * @param normalizedHost the request host as {@link HostNormalizer#normalizeRequested(String)} returns it
     * @param effectivePort the request port, with a missing port already replaced by {@code defaultPort}
     * @param defaultPort the default port of the request's scheme
     */
    boolean matches(String normalizedHost, int effectivePort, int defaultPort) {
        return matchesPort(effectivePort, defaultPort) && matchesHost(normalizedHost);
    }

    /** The port part of {@link #matches}: this pattern's port, or the scheme's default when it names none. */
    boolean matchesPort(int effectivePort, int defaultPort) {
        return effectivePort == (port == DEFAULT_PORT ? defaultPort : port);
    }

    /** The host part of {@link #matches}. */
    boolean matchesHost(String normalizedHost) {
        if (wildcardSuffix == null) {
            return host.equals(normalizedHost);
        }
        return normalizedHost.length() > wildcardSuffix.length() && normalizedHost.endsWith(wildcardSuffix);
    }

    /** Whether the host is an IPv6 address (written in brackets). */
    boolean isIpv6() {
        return ipv6;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HostPattern)) {
            return false;
        }
        HostPattern other = (HostPattern) o;
        return host.equals(other.host) && isWildcard() == other.isWildcard() && port == other.port;
    }

    @Override
    public int hashCode() {
        return (host.hashCode() * 31 + (isWildcard() ? 1 : 0)) * 31 + port;
    }

    /** The normalized pattern in configuration syntax, e.g. {@code *.example.com:8443} or {@code [::1]}. */
    @Override
    public String toString() {
        return withPort(port);
    }

    /** This pattern in configuration syntax with {@code otherPort} instead ({@link #DEFAULT_PORT}: none). */
    String withPort(int otherPort) {
        String name = ipv6 ? "[" + host + "]" : isWildcard() ? "*." + host : host;
        return otherPort == DEFAULT_PORT ? name : name + ":" + otherPort;
    }
}
