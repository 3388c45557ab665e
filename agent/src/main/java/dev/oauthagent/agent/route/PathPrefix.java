package dev.oauthagent.agent.route;

import java.util.Locale;

/**
 * One entry of a client's {@code paths} list: a prefix that matches on a segment boundary. {@code /api}
 * matches {@code /api}, {@code /api/}, {@code /api/x} and {@code /api?q}, but not {@code /apix} or
 * {@code /api;x}; {@code /} matches every path. Comparison is case-sensitive and on the raw
 * (percent-encoded) text, after the request path's dot segments are removed (see {@link RequestPath}).
 */
public final class PathPrefix {
    /** The prefix {@code /}: every path. */
    public static final PathPrefix ROOT = new PathPrefix("/");

    private final String value;

    private PathPrefix(String value) {
        this.value = value;
    }

    /**
     * Parses a configured prefix such as {@code /api/v1}. A trailing '/' is dropped ({@code /api/} and
     * {@code /api} are the same prefix).
     *
     * @throws IllegalArgumentException with a message that starts with the quoted input and says how to
     *     fix it
     */
    public static PathPrefix parse(String configured) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalArgumentException("path is empty: write / for every path, or a prefix such as /api");
        }
        if (configured.indexOf("://") >= 0) {
            throw invalid(configured, "is a URL: write only the path, e.g. /api, and the host in 'hosts'");
        }
        if (configured.charAt(0) != '/') {
            throw invalid(configured, "must start with '/': write /" + configured);
        }
        for (int i = 0; i < configured.length(); i++) {
            char c = configured.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw invalid(configured, "contains a space or control character: percent-encode it (%20)"
                        + " or write one path per entry");
            }
            if (c == '?' || c == '#') {
                throw invalid(configured, "contains a query or fragment: path prefixes match the path only");
            }
            if (c == '\\') {
                throw invalid(configured, "contains '\\': use '/' between segments");
            }
        }
        String lower = configured.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            throw invalid(configured, "contains an encoded slash (%2F or %5C): servers disagree on where such a"
                    + " path splits, so it cannot be matched safely; use a shorter prefix");
        }
        String trimmed = withoutTrailingSlashes(configured);
        String normalized = RequestPath.removeDotSegments(trimmed, trimmed.length(), false);
        if (!withoutTrailingSlashes(normalized).equals(trimmed)) {
            throw invalid(configured, "contains a '.' or '..' segment: write the path they lead to");
        }
        return trimmed.equals("/") ? ROOT : new PathPrefix(trimmed);
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static IllegalArgumentException invalid(String configured, String problem) {
        return new IllegalArgumentException("path '" + configured + "' " + problem);
    }

    /** The normalized prefix, e.g. {@code /api} or {@code /}. */
    public String value() {
        return value;
    }

    public boolean isRoot() {
        return value.length() == 1; // every prefix starts with '/'
    }

    /**
     * True if some request path lies under both prefixes, that is one of them is the other or lies under
     * it on a segment boundary: {@code /api} overlaps {@code /api/v1} and {@code /}, not {@code /apix}.
     */
    public boolean overlaps(PathPrefix other) {
        return isRoot() || other.isRoot() || matches(other.value, other.value.length())
                || other.matches(value, value.length());
    }

    /** True if {@code path[0, end)}, a path without dot segments, lies under this prefix. */
    boolean matches(String path, int end) {
        return matches(path, 0, end);
    }

    /** True if {@code text[start, end)}, a path without dot segments, lies under this prefix. */
    boolean matches(String text, int start, int end) {
        int length = value.length();
        if (end - start < length || !text.regionMatches(start, value, 0, length)) {
            return false;
        }
        return end - start == length || text.charAt(start + length) == '/';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPrefix && value.equals(((PathPrefix) o).value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
