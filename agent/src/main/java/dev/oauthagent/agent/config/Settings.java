package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The raw values of all sources merged by precedence (agent arguments > system properties > environment
 * variables > properties file), one winner per key, with unknown keys and invalid client names reported.
 */
final class Settings {
    private final Map<String, SourcedValue> winners;
    private final SortedSet<String> clientNames;

    private Settings(Map<String, SourcedValue> winners, SortedSet<String> clientNames) {
        this.winners = winners;
        this.clientNames = clientNames;
    }

    /** The winning value of a full key, or null when no source sets it. */
    SourcedValue get(String fullKey) {
        return winners.get(fullKey);
    }

    /** The full keys set with this prefix, in name order: the members of a key family. */
    List<String> keysStartingWith(String prefix) {
        List<String> keys = new ArrayList<>();
        for (String key : new TreeSet<>(winners.keySet())) {
            if (key.startsWith(prefix)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Every client named by any valid key, in name order. */
    SortedSet<String> clientNames() {
        return Collections.unmodifiableSortedSet(clientNames);
    }

    /** Each list holds one source's values; the lists are given highest precedence first. */
    static Settings merge(List<List<SourcedValue>> sourcesHighestFirst, ProblemList problems) {
        Set<String> knownNames = validClientNames(sourcesHighestFirst);
        Map<String, SourcedValue> winners = new HashMap<>();
        SortedSet<String> clientNames = new TreeSet<>();
        for (List<SourcedValue> source : sourcesHighestFirst) {
            Set<String> seenInThisSource = new LinkedHashSet<>();
            for (SourcedValue v : source) {
                KeyNames.ParsedKey parsed = KeyNames.parse(v.key);
                if (parsed.kind == KeyNames.ParsedKey.Kind.UNKNOWN) {
                    String suggestion = suggestion(v.key, knownNames);
                    problems.addAbout(v.key, unknownKeyMessage(v, suggestion),
                            KeyNames.clientNameOf(v.key) != null ? v.key : suggestion);
                    continue;
                }
                if (parsed.kind == KeyNames.ParsedKey.Kind.INVALID_CLIENT_NAME) {
                    // Meant for the client of the suggested name, whose hosts or paths it may have narrowed.
                    problems.addAbout(v.key, KeyNames.invalidClientNameMessage(parsed.clientName),
                            KeyNames.clientKey(KeyNames.suggestClientName(parsed.clientName), parsed.key.name()));
                    continue;
                }
                if (!seenInThisSource.add(v.key)) {
                    problems.add(v.key, "is set more than once in " + place(v) + "; keep one");
                    continue;
                }
                if (parsed.clientName != null) {
                    clientNames.add(parsed.clientName);
                }
                if (!winners.containsKey(v.key)) {
                    winners.put(v.key, v);
                }
            }
        }
        return new Settings(winners, clientNames);
    }

    /** Valid client names across all sources, to suggest keys of the right client. */
    static Set<String> validClientNames(List<List<SourcedValue>> sources) {
        Set<String> names = new TreeSet<>();
        for (List<SourcedValue> source : sources) {
            for (SourcedValue v : source) {
                String name = KeyNames.clientNameOf(v.key);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String unknownKeyMessage(SourcedValue v, String suggestion) {
        if (suggestion != null) {
            return "unknown key in " + place(v) + "; did you mean " + suggestion + "?";
        }
        return "unknown key in " + place(v) + "; global keys (oauth.agent.<key>): " + names(KnownKeys.global())
                + "; client keys (oauth.agent.clients.<name>.<key>): " + names(KnownKeys.client())
                + "; see docs/configuration.md";
    }

    private static String names(List<KnownKey> keys) {
        List<String> names = new ArrayList<>();
        for (KnownKey k : keys) {
            names.add(k.name());
        }
        return String.join(", ", names);
    }

    /**
     * Tries the usual slips first (missing prefix, missing "clients.", "client." for "clients."), then the closest
     * spelling.
     */
    static String suggestion(String key, Set<String> knownNames) {
        String full = key.startsWith(KeyNames.PREFIX) ? key : KeyNames.PREFIX + key;
        String rest = full.substring(KeyNames.PREFIX.length());
        String singular = "client.";
        String plural = rest.startsWith(singular) ? KeyNames.CLIENTS_PREFIX + rest.substring(singular.length()) : full;
        for (String repaired : Arrays.asList(full, KeyNames.CLIENTS_PREFIX + rest, plural)) {
            KeyNames.ParsedKey.Kind kind = KeyNames.parse(repaired).kind;
            boolean known = kind == KeyNames.ParsedKey.Kind.CLIENT || kind == KeyNames.ParsedKey.Kind.GLOBAL;
            if (known && !repaired.equals(key)) {
                return repaired;
            }
        }
        Set<String> names = new TreeSet<>(knownNames);
        String ownName = KeyNames.clientNameOf(full);
        if (ownName != null) {
            names.add(ownName);
        }
        List<String> candidates = new ArrayList<>();
        for (KnownKey k : KnownKeys.global()) {
            candidates.add(k.fullKey(null));
        }
        for (String name : names) {
            for (KnownKey k : KnownKeys.client()) {
                candidates.add(k.fullKey(name));
            }
        }
        return DidYouMean.closest(full, candidates);
    }

    /** Where a value was set, for messages: "agent arguments", "properties file /x", ... */
    static String place(SourcedValue v) {
        switch (v.source) {
            case ARG:
                return "agent arguments";
            case SYSPROP:
                return "system properties";
            case ENV:
                return "environment variables";
            case FILE:
                return v.origin;
            default:
                return "defaults";
        }
    }
}
