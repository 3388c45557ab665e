package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.config.ProblemReport;
import java.util.List;

/**
 * The {@code --config FILE} option shared by the commands that read the configuration, and how they print
 * what the agent would say about it at start. Without the option the configuration comes from where the
 * agent itself would find it: system properties ({@code -Doauth.agent.config}), environment variables
 * ({@code OAUTH_AGENT_CONFIG}).
 */
final class ConfigOption {
    private ConfigOption() {
    }

    /** @throws IllegalArgumentException for an option the command does not know */
    static LoadedConfig load(List<String> args, CliContext context) {
        String file = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--config") && i + 1 < args.size()) {
                file = args.get(++i);
            } else if (arg.startsWith("--config=")) {
                file = arg.substring("--config=".length());
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "' (expected --config FILE)");
            }
        }
        return file == null ? ConfigLoader.load(null, context.systemProperties(), context.env())
                : ConfigLoader.loadWithFile(file, "option --config", context.systemProperties(), context.env());
    }

    /** The configuration's problems and warnings, as the agent would print them at start; true if any problem. */
    static boolean report(LoadedConfig loaded, CliContext context) {
        for (String warning : loaded.warnings()) {
            context.err().println("oauth-agent: warning: " + warning);
        }
        for (String line : ProblemReport.lines(loaded)) {
            context.err().println(line);
        }
        return !loaded.problems().isEmpty();
    }
}
