package dev.oauthagent.bench.harness;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} arguments of a harness; an unknown name is an error, not silently a default. */
final class HarnessOptions {
    private final Map<String, String> values = new HashMap<>();

    HarnessOptions(String[] args, Set<String> known) {
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'; known: " + known);
            }
            String name = arg.substring(2, equals);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
            }
            values.put(name, arg.substring(equals + 1));
        }
    }

    int intValue(String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number above 0, not '" + value + "'");
    }

    /** The text given as {@code --name=}, or the default. */
    String text(String name, String defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : value;
    }

    /** The path given as {@code --name=}, or null. */
    Path path(String name) {
        String value = values.get(name);
        return value == null ? null : Path.of(value);
    }
}
