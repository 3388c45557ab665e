package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code OAUTH_AGENT_*} environment variables and maps them back to full keys.
 *
 * <p>The env form of a key is ambiguous because {@code _} stands for {@code .}, {@code -} and itself. It is
 * resolved against the known keys: {@code OAUTH_AGENT_<GLOBAL_KEY>} for global keys, and for
 * {@code OAUTH_AGENT_CLIENTS_<REST>} the longest known client-key suffix of REST is the key and what
 * precedes it is the client name, lower-cased with {@code _} kept. So
 * {@code OAUTH_AGENT_CLIENTS_BILLING_API_CLIENT_SECRET} is key {@code client-secret} of client
 * {@code billing_api}, unless another source (agent arguments, system properties, properties file) names a
 * client whose env form is {@code BILLING_API}, e.g. {@code billing-api}: then it is that client.
 * Variable names are matched case-insensitively.
 */
final class EnvironmentSource {
    private EnvironmentSource() {
    }

    /** @param clientNamesElsewhere client names found in the other sources, to map {@code _} back to {@code -} */
    static List<SourcedValue> read(Map<String, String> env, Set<String> clientNamesElsewhere, ProblemList problems) {
        List<SourcedValue> values = new ArrayList<>();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String variable = e.getKey();
            String upper = variable.toUpperCase(Locale.ROOT);
            if (!upper.startsWith(KeyNames.ENV_PREFIX) || e.getValue() == null) {
                continue;
            }
            String key = fullKey(variable, upper, clientNamesElsewhere, problems);
            if (key != null) {
                values.add(new SourcedValue(key, e.getValue().trim(), ConfigSource.ENV, "env var " + variable));
            }
        }
        return values;
    }

    /** The full key, or null after reporting why there is none. */
    private static String fullKey(String variable, String upper, Set<String> namesElsewhere, ProblemList problems) {
        for (KnownKey k : KnownKeys.global()) {
            if (upper.equals(KeyNames.envName(k.fullKey(null)))) {
                return k.fullKey(null);
            }
        }
        if (upper.startsWith(KeyNames.ENV_CLIENTS_PREFIX)) {
            String rest = upper.substring(KeyNames.ENV_CLIENTS_PREFIX.length());
            KnownKey key = longestKeySuffix(rest);
            if (key != null) {
                String segment = rest.substring(0, rest.length() - KeyNames.envForm(key.name()).length() - 1);
                String name = clientName(variable, segment, key, namesElsewhere, problems);
                return name == null ? null : key.fullKey(name);
            }
        }
        Map<String, String> candidates = candidates(upper, namesElsewhere);
        String suggestion = DidYouMean.closest(upper, candidates.keySet());
        problems.addAbout(variable, "unknown environment variable for oauth-agent (the prefix OAUTH_AGENT_ is reserved "
                + "for its keys)" + (suggestion != null ? "; did you mean " + suggestion + "?"
                        : "; see docs/configuration.md for the accepted keys, or rename or unset it"),
                suggestion == null ? null : candidates.get(suggestion));
        return null;
    }

    private static KnownKey longestKeySuffix(String rest) {
        KnownKey best = null;
        for (KnownKey k : KnownKeys.client()) {
            String suffix = "_" + KeyNames.envForm(k.name());
            boolean fits = rest.endsWith(suffix) && rest.length() > suffix.length();
            if (fits && (best == null || k.name().length() > best.name().length())) {
                best = k;
            }
        }
        return best;
    }

    private static String clientName(String variable, String segment, KnownKey key, Set<String> namesElsewhere,
            ProblemList problems) {
        List<String> matches = new ArrayList<>();
        for (String name : namesElsewhere) {
            if (KeyNames.envForm(name).equals(segment)) {
                matches.add(name);
            }
        }
        if (matches.size() > 1) {
            problems.addForClients(variable, "matches several clients " + matches + "; their names differ only in "
                    + "'-' versus '_', which environment variables cannot tell apart: rename one of them",
                    matches.toArray(new String[0]));
            return null;
        }
        String name = matches.isEmpty() ? segment.toLowerCase(Locale.ROOT) : matches.get(0);
        if (!KeyNames.isValidClientName(name)) {
            problems.addAbout(variable, KeyNames.invalidClientNameMessage(name),
                    key.fullKey(KeyNames.suggestClientName(name)));
            return null;
        }
        return name;
    }

    /**
     * Env forms of every key that could have been meant, including client names guessed from the name, each
     * with the full key it stands for.
     */
    private static Map<String, String> candidates(String upper, Set<String> namesElsewhere) {
        Set<String> names = new LinkedHashSet<>(namesElsewhere);
        if (upper.startsWith(KeyNames.ENV_CLIENTS_PREFIX)) {
            String rest = upper.substring(KeyNames.ENV_CLIENTS_PREFIX.length());
            for (int i = rest.indexOf('_'); i > 0; i = rest.indexOf('_', i + 1)) {
                names.add(rest.substring(0, i).toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> candidates = new LinkedHashMap<>();
        for (KnownKey k : KnownKeys.global()) {
            candidates.put(KeyNames.envName(k.fullKey(null)), k.fullKey(null));
        }
        for (String name : names) {
            for (KnownKey k : KnownKeys.client()) {
                String envName = KeyNames.envName(k.fullKey(name));
                if (!candidates.containsKey(envName)) {
                    candidates.put(envName, k.fullKey(name));
                }
            }
        }
        return candidates;
    }
}
