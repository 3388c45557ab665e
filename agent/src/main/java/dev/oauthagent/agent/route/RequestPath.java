package dev.oauthagent.agent.route;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request's raw path the way a server will, so that a path prefix is judged on the path the
 * server serves and not on its spelling: dot segments are removed (RFC 3986 section 5.2.4), with
 * {@code %2e} counted as a dot and a {@code ;parameter} ignored when deciding whether a segment is a dot
 * segment (servlet containers read {@code ..;x} as {@code ..}).
 *
 * <p>Servers disagree about {@code %2F}, {@code %5C} and {@code \}: some split segments there, most do
 * not. A path containing any of them is therefore read both ways, and a prefix must match both readings.
 */
final class RequestPath {
    private RequestPath() {
    }

    /** True if {@code prefix} matches the raw path (query and fragment, if present, are ignored). */
    static boolean matches(PathPrefix prefix, String rawPath) {
        return matches(prefix, rawPath == null ? "" : rawPath, 0);
    }

    /**
     * {@link #matches(PathPrefix, String)} for the raw path that is {@code text} from {@code start} on (a URL's text,
     * whose path starts after its authority): the common case reads it in place.
     */
    static boolean matches(PathPrefix prefix, String text, int start) {
        if (prefix.isRoot()) {
            return true;
        }
        int plainEnd = plainPathEnd(text, start);
        if (plainEnd >= 0) {
            return prefix.matches(text, start, plainEnd); // the common case: nothing to normalize, nothing allocated
        }
        String raw = start == 0 ? text : text.substring(start); // normalising makes new Strings anyway
        int end = end(raw);
        String path = removeDotSegments(raw, end, false);
        if (!prefix.matches(path, path.length())) {
            return false;
        }
        if (!hasAmbiguousSeparator(raw, end)) {
            return true;
        }
        String splitAtEncodedSlashes = removeDotSegments(raw, end, true);
        return prefix.matches(splitAtEncodedSlashes, splitAtEncodedSlashes.length());
    }

    /** Where the path ends: at the first '?' or '#', else at the end of the text. */
    private static int end(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return raw.length();
    }

    /**
     * Where the path that starts at {@code start} ends if it is already normal (absolute, no percent-encoding, no
     * backslash, no segment starting with '.'), else -1. One pass, so the common case reads the path once.
     */
    private static int plainPathEnd(String raw, int start) {
        int length = raw.length();
        if (length == start || raw.charAt(start) != '/') {
            return -1;
        }
        for (int i = start + 1; i < length; i++) {
            char c = raw.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
            if (c == '%' || c == '\\' || (c == '.' && raw.charAt(i - 1) == '/')) {
                return -1;
            }
        }
        return length;
    }

    private static boolean hasAmbiguousSeparator(String raw, int end) {
        for (int i = 0; i < end; i++) {
            if (raw.charAt(i) != '/' && separatorLength(raw, i, end, true) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path with dot segments removed, always starting with '/' (an empty or relative path is taken
     * as relative to the root).
     *
     * @param splitAtEncodedSlashes also treat {@code %2F}, {@code %5C} and {@code \} as '/'
     */
    static String removeDotSegments(String raw, int end, boolean splitAtEncodedSlashes) {
        List<String> segments = new ArrayList<>();
        boolean endsWithSlash = false;
        int start = end > 0 && raw.charAt(0) == '/' ? 1 : 0;
        int i = start;
        while (true) {
            int separator = i < end ? separatorLength(raw, i, end, splitAtEncodedSlashes) : 0;
            if (i < end && separator == 0) {
                i++;
                continue;
            }
            String segment = raw.substring(start, i);
            int dots = dots(segment);
            if (dots == 1) {
                endsWithSlash = true;
            } else if (dots == 2) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                endsWithSlash = true;
            } else {
                segments.add(segment);
                endsWithSlash = false;
            }
            if (i >= end) {
                break;
            }
            i += separator;
            start = i;
        }
        StringBuilder out = new StringBuilder(end + 1);
        for (String segment : segments) {
            out.append('/').append(segment);
        }
        if (endsWithSlash || out.length() == 0) {
            out.append('/');
        }
        return out.toString();
    }

    /** Length of the segment separator at {@code i} (0 if there is none). */
    private static int separatorLength(String raw, int i, int end, boolean splitAtEncodedSlashes) {
        char c = raw.charAt(i);
        if (c == '/') {
            return 1;
        }
        if (!splitAtEncodedSlashes) {
            return 0;
        }
        if (c == '\\') {
            return 1;
        }
        boolean encodedSlash = c == '%' && i + 3 <= end
                && (raw.regionMatches(true, i + 1, "2f", 0, 2) || raw.regionMatches(true, i + 1, "5c", 0, 2));
        return encodedSlash ? 3 : 0;
    }

    /**
     * How many dots {@code segment} consists of, reading {@code %2e} as '.' and ignoring
     * {@code ;parameters}; 0 if it is not made of dots only.
     */
    private static int dots(String segment) {
        int semicolon = segment.indexOf(';');
        int end = semicolon < 0 ? segment.length() : semicolon;
        int count = 0;
        int pos = 0;
        while (pos < end) {
            if (segment.charAt(pos) == '.') {
                pos++;
            } else if (pos + 3 <= end && segment.regionMatches(true, pos, "%2e", 0, 3)) {
                pos += 3;
            } else {
                return 0;
            }
            count++;
        }
        return count;
    }
}
