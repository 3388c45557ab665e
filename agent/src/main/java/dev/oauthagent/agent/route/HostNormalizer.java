package dev.oauthagent.agent.route;

import java.net.IDN;
import java.util.Locale;

/**
 * Brings a host name into the one form that configured and requested hosts are compared in: lower case
 * ASCII (IDN labels as punycode), no trailing dot, only letters, digits, {@code -} and {@code _} in
 * non-empty labels, and, if the last label is a number, a canonical dotted-quad IPv4 address. IPv6
 * literals go to {@link IpLiteral#canonicalIpv6(String)}.
 *
 * <p>Anything that cannot be brought into that form gets no token: a host we cannot read is a host we
 * cannot vouch for. Requests almost always name a host that is already canonical, so that case is
 * recognised by one scan without allocating; only other hosts pay for lower-casing and IDN conversion.
 */
final class HostNormalizer {
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 253;

    /** Outcome of {@link #check(String)}. */
    enum NameCheck {
        CANONICAL(null),
        NEEDS_NORMALIZING(null),
        EMPTY_LABEL("has an empty label (a leading dot or two dots in a row)"),
        BAD_CHARACTER("contains a character that is not allowed in a host name"
                + " (letters, digits, '-', '_' and '.' are)"),
        LABEL_TOO_LONG("has a label longer than " + MAX_LABEL + " characters"),
        NAME_TOO_LONG("is longer than " + MAX_NAME + " characters"),
        NOT_AN_IPV4("ends in a number but is not an IPv4 address: write four numbers 0-255, e.g. 10.0.0.1");

        final String problem;

        NameCheck(String problem) {
            this.problem = problem;
        }
    }

    private HostNormalizer() {
    }

    /**
     * The canonical form of a host as a request names it (with or without IPv6 brackets), or null if it
     * has none and so must not match any route.
     */
    static String normalizeRequested(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (host.charAt(0) == '[') {
            return host.length() > 2 && host.charAt(host.length() - 1) == ']'
                    ? IpLiteral.canonicalIpv6(host.substring(1, host.length() - 1)) : null;
        }
        if (host.indexOf(':') >= 0) {
            return IpLiteral.canonicalIpv6(host);
        }
        return normalizeName(host);
    }

    /** The canonical form of a host name or IPv4 address (no IPv6), or null. */
    static String normalizeName(String host) {
        NameCheck check = check(host);
        if (check == NameCheck.CANONICAL) {
            return host;
        }
        if (check != NameCheck.NEEDS_NORMALIZING) {
            return null;
        }
        String ascii = asciiForm(host);
        return ascii != null && check(ascii) == NameCheck.CANONICAL ? ascii : null;
    }

    /**
     * Why {@link #normalizeName(String)} returns null for {@code host}, as the end of a sentence that
     * starts with the host ("'x' has an empty label ..."); null if it does not.
     */
    static String problemWith(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (!isAscii(lower) && idnToAscii(lower) == null) {
            return "is not a valid internationalized domain name, or has characters that resolvers convert"
                    + " differently (such as 'ß' or full-width dots): write its punycode (xn--) form";
        }
        String ascii = asciiForm(host);
        if (ascii == null) {
            return "is an IP address with a trailing dot: write it without the dot";
        }
        NameCheck check = check(ascii);
        // asciiForm removed upper case, non-ASCII and one trailing dot: a trailing dot left means two.
        return (check == NameCheck.NEEDS_NORMALIZING ? NameCheck.EMPTY_LABEL : check).problem;
    }

    /**
     * Classifies {@code name} in one pass without allocating: already canonical, fixable by
     * {@link #asciiForm(String)} (upper case, non-ASCII, a trailing dot), or invalid.
     */
    static NameCheck check(String name) {
        int length = name.length();
        if (length == 0) {
            return NameCheck.EMPTY_LABEL;
        }
        if (name.charAt(length - 1) == '.' && length > 1 && name.charAt(length - 2) != '.') {
            return NameCheck.NEEDS_NORMALIZING;
        }
        int labelStart = 0;
        boolean labelNumeric = true;
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (i == labelStart) {
                    return NameCheck.EMPTY_LABEL;
                }
                labelStart = i + 1;
                labelNumeric = true;
            } else if ((c >= 'a' && c <= 'z') || c == '-' || c == '_') {
                labelNumeric = false;
            } else if ((c >= 'A' && c <= 'Z') || c > 0x7f) {
                return NameCheck.NEEDS_NORMALIZING;
            } else if (c < '0' || c > '9') {
                return NameCheck.BAD_CHARACTER;
            }
            if (i - labelStart >= MAX_LABEL) {
                return NameCheck.LABEL_TOO_LONG;
            }
        }
        if (labelStart == length) {
            return NameCheck.EMPTY_LABEL;
        }
        if (length > MAX_NAME) {
            return NameCheck.NAME_TOO_LONG;
        }
        if (labelNumeric && !IpLiteral.isIpv4(name)) {
            return NameCheck.NOT_AN_IPV4;
        }
        return NameCheck.CANONICAL;
    }

    /**
     * Lower case, IDN labels to punycode, one trailing dot removed; null if IDN conversion fails or the
     * result is an IPv4 address that had a trailing dot ("10.0.0.1." is a DNS name, not the literal).
     */
    private static String asciiForm(String host) {
        String ascii = host.toLowerCase(Locale.ROOT);
        if (!isAscii(ascii)) {
            ascii = idnToAscii(ascii);
            if (ascii == null) {
                return null;
            }
        }
        if (ascii.length() > 1 && ascii.charAt(ascii.length() - 1) == '.') {
            ascii = ascii.substring(0, ascii.length() - 1);
            if (endsWithNumericLabel(ascii)) {
                return null;
            }
        }
        return ascii;
    }

    /**
     * USE_STD3_ASCII_RULES rejects labels with characters outside letters, digits and hyphen, and no
     * ALLOW_UNASSIGNED flag rejects unassigned code points.
     *
     * <p>java.net.IDN implements IDNA 2003, which maps some characters to others or to nothing: 'ß' to
     * "ss", a soft hyphen or zero-width joiner to "", U+3002 to '.', compatibility forms such as 'ﬁ' to
     * "fi". IDNA 2008 resolvers and proxies, and any resolver that passes the raw name on, see a
     * different name there ("straße.example" is xn--strae-oqa.example, not strasse.example). So a name
     * is accepted only if its punycode converts back to exactly the name given.
     */
    private static String idnToAscii(String lowerCase) {
        String ascii;
        try {
            ascii = IDN.toASCII(lowerCase, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES).equals(lowerCase)) {
            return null;
        }
        return ascii.toLowerCase(Locale.ROOT);
    }

    private static boolean endsWithNumericLabel(String name) {
        int i = name.length() - 1;
        if (i < 0 || name.charAt(i) < '0' || name.charAt(i) > '9') {
            return false;
        }
        while (i >= 0 && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
            i--;
        }
        return i < 0 || name.charAt(i) == '.';
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
