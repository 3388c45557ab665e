package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.AgentArguments;
import dev.oauthagent.agent.config.ConfigException;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.LoadedConfig;
import java.util.List;

/**
 * The {@code --config FILE} option shared by the commands that read the configuration. Without it the
 * configuration comes from where the agent itself would find it: system properties
 * ({@code -Doauth.agent.config}), environment variables ({@code OAUTH_AGENT_CONFIG}).
 */
final class ConfigOption {
    private ConfigOption() {
    }

    /** @throws IllegalArgumentException for an option the command does not know */
    static LoadedConfig load(List<String> args, CliContext context) throws ConfigException {
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
        String agentArgs = file == null ? null : "config=" + AgentArguments.escape(file);
        return ConfigLoader.load(agentArgs, context.systemProperties(), context.env());
    }
}
