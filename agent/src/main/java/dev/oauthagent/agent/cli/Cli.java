package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.token.user.StandardLoginFlows;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code java -jar oauth-agent.jar <command> [options]}. */
public final class Cli {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_CONFIG = 2;
    static final int EXIT_USAGE = 64;

    private static final List<Command> COMMANDS = Arrays.<Command>asList(
            new CheckCommand(), new ConfigCommand(), new AttachCommand(),
            new LoginCommand(new StandardLoginFlows(), Clock.systemUTC()), new LogoutCommand(), new VersionCommand());

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new CliContext(System.out, System.err, systemProperties(), System.getenv(),
                System.console() != null)));
    }

    static int run(String[] args, CliContext context) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(args.length == 0 ? context.err() : context.out());
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        for (Command command : COMMANDS) {
            if (command.name().equals(args[0])) {
                try {
                    return command.run(Arrays.asList(args).subList(1, args.length), context);
                } catch (IllegalArgumentException e) {
                    context.err().println("oauth-agent " + command.name() + ": " + e.getMessage());
                    return EXIT_USAGE;
                }
            }
        }
        context.err().println("oauth-agent: unknown command '" + args[0] + "'");
        usage(context.err());
        return EXIT_USAGE;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar oauth-agent.jar <command> [options]");
        for (Command command : COMMANDS) {
            out.println("  " + command.summary());
        }
        out.println("As an agent: java -javaagent:oauth-agent.jar=config=agent.properties -jar app.jar");
    }

    static Map<String, String> systemProperties() {
        Map<String, String> snapshot = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            snapshot.put(name, System.getProperty(name));
        }
        return snapshot;
    }
}
