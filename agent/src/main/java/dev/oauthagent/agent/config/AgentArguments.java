package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code -javaagent:oauth-agent.jar=<args>} string: {@code key=value} pairs separated by
 * {@code ,}. Inside a pair {@code \,} is a literal comma and {@code \\} a backslash; any other backslash is
 * kept as is, so Windows paths like {@code C:\agent\agent.properties} need no escaping. Keys may be
 * written in full ({@code oauth.agent.clients.billing.hosts}) or short ({@code clients.billing.hosts},
 * {@code config}); both map to the full key.
 *
 * <p>Problems never quote a pair: a pair without {@code =} may well be a secret typed in the wrong place.
 *
 * <p>Public for the command line, which builds argument strings ({@code --config}, {@code attach}) with the
 * same syntax the agent parses.
 */
public final class AgentArguments {
    private AgentArguments() {
    }

    static List<SourcedValue> parse(String agentArgs, ProblemList problems) {
        List<SourcedValue> values = new ArrayList<>();
        if (agentArgs == null) {
            return values;
        }
        List<String> pairs = splitPairs(agentArgs);
        for (int i = 0; i < pairs.size(); i++) {
            String pair = pairs.get(i);
            if (pair.trim().isEmpty()) {
                continue; // tolerate a trailing or doubled comma
            }
            int eq = pair.indexOf('=');
            String position = "agent argument #" + (i + 1);
            if (eq < 0) {
                problems.add(position, "is not key=value; write e.g. config=/path/agent.properties "
                        + "and separate pairs with ',' (a literal comma is \\,)");
                continue;
            }
            String key = pair.substring(0, eq).trim();
            if (key.isEmpty()) {
                problems.add(position, "has an empty key; write key=value, e.g. clients.billing.hosts=api.example.com");
                continue;
            }
            values.add(new SourcedValue(fullKey(key), pair.substring(eq + 1).trim(), ConfigSource.ARG,
                    "agent argument " + key));
        }
        return values;
    }

    /** {@code oauth.agent.config} for {@code config}; full keys are returned as they are. */
    public static String fullKey(String key) {
        return key.startsWith(KeyNames.PREFIX) ? key : KeyNames.PREFIX + key;
    }

    /** Escapes a pair (or a value) so that {@link #splitPairs} gives it back unchanged. */
    public static String escape(String pair) {
        return pair.replace("\\", "\\\\").replace(",", "\\,");
    }

    /** Splits on unescaped commas and resolves the two escapes. */
    public static List<String> splitPairs(String args) {
        List<String> pairs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && i + 1 < args.length() && (args.charAt(i + 1) == ',' || args.charAt(i + 1) == '\\')) {
                current.append(args.charAt(++i));
            } else if (c == ',') {
                pairs.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pairs.add(current.toString());
        return pairs;
    }
}
