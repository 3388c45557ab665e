package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.LoadedConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <client> [--config FILE]} arguments of the commands that act on one client ({@code login},
 * {@code logout}): the client's configuration, or the exit status after saying why there is none.
 */
final class NamedClient {
    private final ClientConfig client;
    private final int exitStatus;

    private NamedClient(ClientConfig client, int exitStatus) {
        this.client = client;
        this.exitStatus = exitStatus;
    }

    /** @throws IllegalArgumentException when the client name is missing or an option is unknown (usage) */
    static NamedClient select(String command, List<String> args, CliContext context) {
        String name = null;
        List<String> configArgs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-")) {
                configArgs.add(arg);
                if (arg.equals("--config") && i + 1 < args.size()) {
                    configArgs.add(args.get(++i));
                }
            } else if (name == null) {
                name = arg;
            } else {
                throw new IllegalArgumentException("takes one client name, got '" + name + "' and '" + arg + "'");
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("needs the name of a client, e.g. java -jar oauth-agent.jar " + command
                    + " orders --config agent.properties");
        }
        LoadedConfig loaded = ConfigOption.load(configArgs, context);
        boolean problems = ConfigOption.report(loaded, context);
        for (ClientConfig client : loaded.config().clients()) {
            if (client.name().equals(name)) {
                return new NamedClient(client, Cli.EXIT_OK);
            }
        }
        if (loaded.inactiveClients().contains(name)) {
            context.err().println("oauth-agent " + command + ": client '" + name + "' has configuration problems"
                    + " (printed above); fix them first");
            return new NamedClient(null, Cli.EXIT_BAD_CONFIG);
        }
        List<String> known = new ArrayList<>();
        for (ClientConfig client : loaded.config().clients()) {
            known.add(client.name());
        }
        context.err().println("oauth-agent " + command + ": no client named '" + name + "' is configured"
                + (known.isEmpty() ? "" : "; configured: " + String.join(", ", known))
                + (loaded.config().clients().isEmpty() ? "; pass the agent's configuration with --config FILE" : ""));
        return new NamedClient(null, problems ? Cli.EXIT_BAD_CONFIG : Cli.EXIT_FAILED);
    }

    /** Null when the command cannot go on; then {@link #exitStatus()} says how it ends. */
    ClientConfig client() {
        return client;
    }

    int exitStatus() {
        return exitStatus;
    }
}
