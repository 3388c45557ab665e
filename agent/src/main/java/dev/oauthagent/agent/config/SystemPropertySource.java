package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads {@code -Doauth.agent.*} system properties; every other property is none of our business. */
final class SystemPropertySource {
    private SystemPropertySource() {
    }

    static List<SourcedValue> read(Map<String, String> systemProperties) {
        List<SourcedValue> values = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(systemProperties).entrySet()) {
            if (e.getKey().startsWith(KeyNames.PREFIX) && e.getValue() != null) {
                values.add(new SourcedValue(e.getKey(), e.getValue().trim(), ConfigSource.SYSPROP,
                        "system property " + e.getKey()));
            }
        }
        return values;
    }
}
