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

    /** Splits on the given separator characters and drops empty entries. */
    static List<String> split(String raw, String separatorRegex) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split(separatorRegex)) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
