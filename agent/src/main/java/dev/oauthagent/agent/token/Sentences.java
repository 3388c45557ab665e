package dev.oauthagent.agent.token;

/**
 * Joins message parts written by different classes, so the result reads as sentences. A part may or may not
 * end with a full stop (a failure's message usually does, a reason from the cache does not): the join, not each
 * part, decides the punctuation, so "....; no token" or ".." cannot appear.
 */
public final class Sentences {
    private Sentences() {
    }

    /** {@code text} ending with exactly one '.', '!' or '?': a full stop is added if it has none. */
    public static String end(String text) {
        String t = trimEnd(text);
        if (t.isEmpty()) {
            return t;
        }
        char last = t.charAt(t.length() - 1);
        if (last == '.' || last == '!' || last == '?') {
            return t;
        }
        if (last == ';' || last == ',' || last == ':') {
            t = t.substring(0, t.length() - 1);
        }
        return t + ".";
    }

    /** {@code text} without its final full stop (or ';', ',', ':'), to be followed by more of the same sentence. */
    public static String clause(String text) {
        String t = trimEnd(text);
        while (!t.isEmpty() && ".;,:".indexOf(t.charAt(t.length() - 1)) >= 0 && !t.endsWith("...")) {
            t = trimEnd(t.substring(0, t.length() - 1));
        }
        return t;
    }

    private static String trimEnd(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
