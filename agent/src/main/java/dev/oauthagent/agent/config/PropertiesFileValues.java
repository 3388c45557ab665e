package dev.oauthagent.agent.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw key/value lines of the agent's properties file, read as at start (bounded, regular file only), so that a
 * change can be told apart key by key. The values may be literal secrets: compare them, never print them.
 */
public final class PropertiesFileValues {
    private PropertiesFileValues() {
    }

    /** The file named by {@code oauth.agent.config} in {@code loaded}, or null when none was named. */
    public static String pathOf(LoadedConfig loaded) {
        EffectiveConfig.Entry entry = loaded.effective().entry(KnownKeys.CONFIG.fullKey(null));
        return entry == null || entry.source() == ConfigSource.DEFAULT || entry.value().isEmpty() ? null : entry.value();
    }

    /** Key to raw value; empty when the file cannot be read (loading it again reports why). */
    public static Map<String, String> read(Path path) {
        ProblemList problems = new ProblemList();
        List<SourcedValue> values = PropertiesFileSource.read(path, "oauth.agent.config", problems);
        Map<String, String> byKey = new LinkedHashMap<>();
        for (SourcedValue v : values) {
            byKey.put(v.key, v.value);
        }
        return Collections.unmodifiableMap(byKey);
    }
}
