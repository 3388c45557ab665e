package dev.oauthagent.agent.cli;

import java.io.PrintStream;
import java.util.Map;

/** What a command may touch: its output streams and snapshots of the environment, so tests can pass their own. */
final class CliContext {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> systemProperties;
    private final Map<String, String> env;
    private final boolean terminal;

    CliContext(PrintStream out, PrintStream err, Map<String, String> systemProperties, Map<String, String> env) {
        this(out, err, systemProperties, env, false);
    }

    /** @param terminal whether a person watches the output on a terminal (then progress may update in place) */
    CliContext(PrintStream out, PrintStream err, Map<String, String> systemProperties, Map<String, String> env,
            boolean terminal) {
        this.out = out;
        this.err = err;
        this.systemProperties = systemProperties;
        this.env = env;
        this.terminal = terminal;
    }

    PrintStream out() { return out; }
    PrintStream err() { return err; }
    Map<String, String> systemProperties() { return systemProperties; }
    Map<String, String> env() { return env; }
    boolean terminal() { return terminal; }
}
