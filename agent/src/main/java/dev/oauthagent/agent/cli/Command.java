package dev.oauthagent.agent.cli;

import java.util.List;

/** One {@code java -jar oauth-agent.jar <name>} command. */
interface Command {
    String name();

    /** One line for the usage text. */
    String summary();

    /** @return the process exit status */
    int run(List<String> args, CliContext context);
}
