package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Booleans, choices and lists as written in configuration. */
final class TextValues {
    private TextValues() {
    }

    static boolean parseBoolean(String raw) throws InvalidValueException {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new InvalidValueException("'" + raw + "' is not a boolean; use true or false");
    }

    /** Lower-cased value if it is one of the accepted ones. */
    static String choice(String raw, List<String> accepted) throws InvalidValueException {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (accepted.contains(v)) {
            return v;
        }
        throw new InvalidValueException("'" + raw + "' is not accepted; use one of " + String.join(", ", accepted));
    }

    /** Splits on commas and drops empty entries; entries are trimmed. */
    static List<String> splitOnCommas(String raw) {
        return split(raw, false);
    }

    /** Splits on commas and white space (as {@code \s} in a regular expression) and drops empty entries. */
    static List<String> splitOnWhitespaceOrComma(String raw) {
        return split(raw, true);
    }

    // A loop rather than String.split with a regular expression: this runs in premain (docs/performance.md).
    private static List<String> split(String raw, boolean whitespaceSeparates) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || isSeparator(raw.charAt(i), whitespaceSeparates)) {
                String p = raw.substring(start, i).trim();
                if (!p.isEmpty()) {
                    out.add(p);
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean isSeparator(char c, boolean whitespaceSeparates) {
        return c == ',' || whitespaceSeparates && isWhitespace(c);
    }

    /** White space as {@code \s} means it in a regular expression: ASCII only, unlike Character.isWhitespace. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
