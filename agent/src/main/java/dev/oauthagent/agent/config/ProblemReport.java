package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The text that tells a user what is wrong with the configuration and what runs anyway: the same at the JVM's
 * start and in the {@code check} and {@code config} commands.
 */
public final class ProblemReport {
    private ProblemReport() {
    }

    /**
     * Every problem, one per line under a header, then one line saying what they turn off; empty when there is
     * no problem.
     */
    public static List<String> lines(LoadedConfig loaded) {
        List<String> lines = new ArrayList<>();
        if (loaded.problems().isEmpty()) {
            return lines;
        }
        lines.add(ConfigException.describe(loaded.problems()));
        lines.add("oauth-agent: " + outcome(loaded));
        return lines;
    }

    private static String outcome(LoadedConfig loaded) {
        AgentConfig config = loaded.config();
        if (!config.enabled()) {
            return "enabled=false: the agent does nothing, so these problems are ignored.";
        }
        List<String> active = new ArrayList<>();
        for (ClientConfig client : config.clients()) {
            active.add(client.name());
        }
        String scrubbing = config.scrub().enabled()
                ? " Log scrubbing is on" + (loaded.inactiveClients().isEmpty() ? "." : ", also for the secrets of "
                        + "the inactive clients.")
                : " Log scrubbing is off (scrub.enabled=false).";
        // Also without any client configured: an unreadable properties file may have held some.
        if (stopsEveryClient(loaded.problems())) {
            return "no client is active: a problem above is not tied to one client and could concern any of them, "
                    + "so no token is fetched or sent." + scrubbing;
        }
        if (loaded.inactiveClients().isEmpty()) {
            return "these problems turn nothing off: each key above takes its default or is ignored." + scrubbing;
        }
        return "client(s) " + quoted(loaded.inactiveClients()) + " NOT active because of these problems; "
                + (active.isEmpty() ? "no client is active." : "active: " + quoted(active) + ".") + scrubbing;
    }

    private static boolean stopsEveryClient(List<ConfigProblem> problems) {
        for (ConfigProblem p : problems) {
            if (p.reach() == ConfigProblem.Reach.EVERY_CLIENT) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append(sb.length() == 0 ? "'" : ", '").append(name).append('\'');
        }
        return sb.toString();
    }
}
