package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Collects problems while loading, so that every problem is reported at once instead of the first, and decides
 * what each one turns off. The policy, cautious where a problem's intent is unclear:
 * <ul>
 *   <li>A problem in a client's key (also a misspelt or duplicated one, and a clash of its routes with another
 *       client's) stops that client only; the others run.</li>
 *   <li>{@code log-level}, {@code strict} and the {@code scrub.*} keys fall back to their defaults, which for
 *       scrubbing are the most protective settings; nothing else is turned off.</li>
 *   <li>{@code enabled} that is neither true nor false, a properties file that cannot be read, and whatever
 *       cannot be tied to one key (an agent argument without {@code =}, an unknown key or environment variable
 *       that is not a near miss of a known one) stop every client: it could have been meant to turn the agent
 *       off or to narrow a client's hosts or paths, so no token is fetched or sent.</li>
 *   <li>Log scrubbing is never turned off by a problem: it scrubs every secret that could be loaded, also those
 *       of clients that do not run.</li>
 * </ul>
 */
final class ProblemList {
    private final List<ConfigProblem> problems = new ArrayList<>();

    /** A problem of the value of {@code key}: its reach follows from the key. */
    void add(String key, String message) {
        addAbout(key, message, key);
    }

    /**
     * A problem reported under {@code key} that concerns {@code aboutKey}, the full key it was meant as (a near
     * miss of a known key concerns that key); null when there is no telling, which stops every client.
     */
    void addAbout(String key, String message, String aboutKey) {
        String client = aboutKey == null ? null : KeyNames.clientNameOf(aboutKey);
        if (client != null) {
            addForClients(key, message, client);
        } else if (aboutKey != null && harmless(aboutKey)) {
            problems.add(new ConfigProblem(key, message, ConfigProblem.Reach.NOTHING,
                    Collections.<String>emptyList()));
        } else {
            problems.add(new ConfigProblem(key, message, ConfigProblem.Reach.EVERY_CLIENT,
                    Collections.<String>emptyList()));
        }
    }

    /** A problem that keeps these clients from running. */
    void addForClients(String key, String message, String... clients) {
        problems.add(new ConfigProblem(key, message, ConfigProblem.Reach.CLIENTS, Arrays.asList(clients)));
    }

    /** A problem whose key falls back to its default (a line that has no effect, say). */
    void addHarmless(String key, String message) {
        problems.add(new ConfigProblem(key, message, ConfigProblem.Reach.NOTHING, Collections.<String>emptyList()));
    }

    /** Global keys whose invalid value is replaced by the default without turning anything off. */
    private static boolean harmless(String fullKey) {
        KeyNames.ParsedKey parsed = KeyNames.parse(fullKey);
        return parsed.kind == KeyNames.ParsedKey.Kind.GLOBAL && parsed.key != KnownKeys.ENABLED
                && parsed.key != KnownKeys.CONFIG;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    int size() {
        return problems.size();
    }

    List<ConfigProblem> list() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }
}
