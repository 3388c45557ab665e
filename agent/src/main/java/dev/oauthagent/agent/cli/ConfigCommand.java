package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.LoadedConfig;
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
        LoadedConfig loaded = ConfigOption.load(args, context);
        boolean problems = ConfigOption.report(loaded, context);
        // With problems too: what could be read helps to find where a wrong value came from.
        context.out().print(loaded.effective().render());
        return problems ? Cli.EXIT_BAD_CONFIG : Cli.EXIT_OK;
    }
}
