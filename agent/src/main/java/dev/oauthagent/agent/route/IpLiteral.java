package dev.oauthagent.agent.route;

/**
 * Strict parsing of IP address literals, done by hand so that no text can ever trigger a DNS lookup
 * ({@code InetAddress.getByName} resolves anything it does not recognise as a literal).
 *
 * <p>Only the canonical dotted-quad IPv4 form is accepted. The JDK also reads {@code 127.1} or
 * {@code 2130706433} as 127.0.0.1; treating those as "not the configured IP" only ever withholds a token,
 * it never sends one somewhere else. IPv6 literals are reduced to one canonical text (lower-case hex,
 * no leading zeros, the longest run of two or more zero groups written as {@code ::}, an embedded IPv4
 * part written as hex) so that every spelling of an address compares equal as a string.
 */
final class IpLiteral {
    private static final int IPV6_GROUPS = 8;

    private IpLiteral() {
    }

    /** True for {@code a.b.c.d} with four decimal numbers 0-255 and no leading zeros. No allocation. */
    static boolean isIpv4(String s) {
        return isIpv4(s, 0, s.length());
    }

    private static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return false;
                }
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
                return false;
            }
            parts++;
            if (i < to) {
                if (s.charAt(i) != '.' || parts == 4) {
                    return false;
                }
                i++;
                if (i == to) {
                    return false; // trailing dot
                }
            }
        }
        return parts == 4;
    }

    /**
     * The canonical text of an IPv6 address given without brackets, or null if {@code s} is not a valid
     * IPv6 literal. Zone ids ({@code fe80::1%eth0}) are rejected: they name an interface of this host, and
     * nobody configures a token for one.
     */
    static String canonicalIpv6(String s) {
        int[] groups = parseIpv6(s);
        return groups == null ? null : format(groups);
    }

    private static int[] parseIpv6(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return null; // ":::" or two "::"
        }
        int[] groups = new int[IPV6_GROUPS];
        if (doubleColon < 0) {
            int n = parseGroups(s, 0, s.length(), groups, true);
            return n == IPV6_GROUPS ? groups : null;
        }
        int[] tail = new int[IPV6_GROUPS];
        int head = parseGroups(s, 0, doubleColon, groups, false);
        int tailCount = parseGroups(s, doubleColon + 2, s.length(), tail, true);
        // "::" stands for at least one zero group (RFC 4291 section 2.2).
        if (head < 0 || tailCount < 0 || head + tailCount > IPV6_GROUPS - 1) {
            return null;
        }
        System.arraycopy(tail, 0, groups, IPV6_GROUPS - tailCount, tailCount);
        return groups;
    }

    /**
     * Parses colon-separated hex groups of {@code s[from, to)} into {@code out}; returns how many 16-bit
     * groups were written, or -1 if the text is malformed. An empty range is zero groups. An embedded IPv4
     * address may only be the very last part of the address.
     */
    private static int parseGroups(String s, int from, int to, int[] out, boolean mayEndWithIpv4) {
        if (from == to) {
            return 0;
        }
        int count = 0;
        int i = from;
        while (true) {
            int end = s.indexOf(':', i);
            if (end < 0 || end > to) {
                end = to;
            }
            boolean last = end == to;
            if (last && mayEndWithIpv4 && s.indexOf('.', i) >= 0 && s.indexOf('.', i) < to) {
                if (count > IPV6_GROUPS - 2 || !isIpv4(s, i, to)) {
                    return -1;
                }
                int v4 = ipv4Value(s, i, to);
                out[count++] = (v4 >>> 16) & 0xffff;
                out[count++] = v4 & 0xffff;
                return count;
            }
            int length = end - i;
            if (length < 1 || length > 4 || count == IPV6_GROUPS) {
                return -1;
            }
            int value = 0;
            for (int k = i; k < end; k++) {
                int digit = hexDigit(s.charAt(k));
                if (digit < 0) {
                    return -1;
                }
                value = value * 16 + digit;
            }
            out[count++] = value;
            if (last) {
                return count;
            }
            i = end + 1;
        }
    }

    /** Not Character.digit: that also accepts full-width and other non-ASCII digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int ipv4Value(String s, int from, int to) {
        int value = 0;
        int part = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                value = (value << 8) | part;
                part = 0;
            } else {
                part = part * 10 + (c - '0');
            }
        }
        return (value << 8) | part;
    }

    /** RFC 5952 section 4 text, except that an embedded IPv4 part stays hex. */
    private static String format(int[] groups) {
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not compressed
        for (int i = 0; i < IPV6_GROUPS; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < IPV6_GROUPS && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < IPV6_GROUPS; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
