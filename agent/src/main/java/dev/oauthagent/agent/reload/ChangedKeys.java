package dev.oauthagent.agent.reload;

import dev.oauthagent.agent.config.KnownKeys;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an edit of the properties file changed, by full key: added, removed or given another value. Values are
 * compared, never kept or printed here.
 */
final class ChangedKeys {
    /**
     * The per-client keys a running client can take without a restart: they shape only the next token request
     * (credentials, what is asked for, how long it may take). Everything else decides where tokens go or how the
     * cache and the hooks behave, and is read once at start.
     */
    static final Set<String> LIVE = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            KnownKeys.CLIENT_SECRET.name(), KnownKeys.SCOPES.name(), KnownKeys.AUDIENCE.name(),
            KnownKeys.RESOURCE.name(), KnownKeys.CONNECT_TIMEOUT.name(), KnownKeys.READ_TIMEOUT.name())));

    private static final String CLIENTS = "oauth.agent.clients.";

    private ChangedKeys() {
    }

    static Set<String> between(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!e.getValue().equals(after.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        for (String key : after.keySet()) {
            if (!before.containsKey(key)) {
                changed.add(key);
            }
        }
        return changed;
    }

    /** The client a full key belongs to, or null for a global (or unknown) key. */
    static String clientOf(String fullKey, Set<String> clientNames) {
        for (String name : clientNames) {
            if (fullKey.startsWith(CLIENTS + name + ".")) {
                return name;
            }
        }
        return null;
    }

    /** The key's own name within its client ("scopes"), given the client it belongs to. */
    static String keyName(String fullKey, String clientName) {
        return fullKey.substring(CLIENTS.length() + clientName.length() + 1);
    }
}
