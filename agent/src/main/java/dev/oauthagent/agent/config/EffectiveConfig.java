package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The configuration as the agent sees it: every key with its value and the source it came from, globals
 * first, then each client's keys in name order. Secrets show as {@code ****} with their origin, e.g.
 * {@code **** (env var BILLING_SECRET)}. Printed by {@code java -jar oauth-agent.jar config}.
 */
public final class EffectiveConfig {
    static final String NOT_SET = "(not set)";

    private final List<Entry> entries;

    EffectiveConfig(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entry for a full key, or null. */
    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return e;
            }
        }
        return null;
    }

    /** A plain-text table: KEY, VALUE, SOURCE. */
    public String render() {
        int keyWidth = "KEY".length();
        int valueWidth = "VALUE".length();
        for (Entry e : entries) {
            keyWidth = Math.max(keyWidth, e.key().length());
            valueWidth = Math.max(valueWidth, e.value().length());
        }
        StringBuilder sb = new StringBuilder();
        row(sb, "KEY", "VALUE", "SOURCE", keyWidth, valueWidth);
        for (Entry e : entries) {
            row(sb, e.key(), e.value(), e.source().label(), keyWidth, valueWidth);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value, String source, int keyWidth, int valueWidth) {
        sb.append(pad(key, keyWidth)).append("  ").append(pad(value, valueWidth)).append("  ").append(source)
                .append(System.lineSeparator());
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    /** Builds the entries from merged settings; display values never contain a secret. */
    static EffectiveConfig of(Settings settings) {
        List<Entry> entries = new ArrayList<>();
        for (KnownKey k : KnownKeys.global()) {
            entries.add(entry(k, k.fullKey(null), settings));
        }
        for (String client : settings.clientNames()) {
            for (KnownKey k : KnownKeys.client()) {
                if (!k.isFamily()) {
                    entries.add(entry(k, k.fullKey(client), settings));
                    continue;
                }
                for (String member : settings.keysStartingWith(KeyNames.clientKey(client, k.familyPrefix()))) {
                    entries.add(entry(k, member, settings));
                }
            }
        }
        return new EffectiveConfig(entries);
    }

    private static Entry entry(KnownKey key, String fullKey, Settings settings) {
        SourcedValue v = settings.get(fullKey);
        if (v == null) {
            return new Entry(fullKey, key.defaultValue() == null ? NOT_SET : key.defaultValue(), ConfigSource.DEFAULT);
        }
        if (v.value.isEmpty()) {
            String display = key.defaultValue() == null ? "(empty)" : "(empty, so default " + key.defaultValue() + ")";
            return new Entry(fullKey, display, v.source);
        }
        if (key.secret()) {
            return new Entry(fullKey, Secret.MASK + " (" + SecretReferences.originOf(v.value, v.origin) + ")", v.source);
        }
        return new Entry(fullKey, maskUserInfo(v.value), v.source);
    }

    /** One row: full key, display value (masked for secrets) and source. */
    public static final class Entry {
        private final String key;
        private final String value;
        private final ConfigSource source;

        Entry(String key, String value, ConfigSource source) {
            this.key = key;
            this.value = value;
            this.source = source;
        }

        public String key() {
            return key;
        }

        /** The value as shown to people: secrets masked, unset keys as "(not set)". */
        public String value() {
            return value;
        }

        public ConfigSource source() {
            return source;
        }

        @Override
        public String toString() {
            return key + "=" + value + " [" + source.label() + "]";
        }
    }

    /**
     * Hides anything that may be "user:password@", in a URL or pasted into hosts without a scheme.
     * Validation rejects both, but this table also shows the invalid values, so it masks generously: from
     * after the last "://" (or the start) up to the last '@', whatever commas or slashes the password holds.
     */
    static String maskUserInfo(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int scheme = value.lastIndexOf("://", at);
        int from = scheme < 0 ? 0 : scheme + 3;
        return value.substring(0, from) + Secret.MASK + value.substring(at);
    }
}
