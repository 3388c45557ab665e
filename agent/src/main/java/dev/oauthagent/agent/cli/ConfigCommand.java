package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.ConfigException;
import java.util.List;

/** Prints the effective configuration, where each value came from, secrets masked. */
final class ConfigCommand implements Command {
    @Override
    public String name() {
        return "config";
    }

    @Override
    public String summary() {
        return "config [--config FILE]  print the effective configuration and each value's source (secrets masked)";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        try {
            context.out().print(ConfigOption.load(args, context).effective().render());
            return Cli.EXIT_OK;
        } catch (ConfigException e) {
            context.err().println(e.getMessage());
            // What could be read despite the errors helps to find where a wrong value came from.
            context.out().print(e.effective().render());
            return Cli.EXIT_BAD_CONFIG;
        }
    }
}
