package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of loading: the configuration to run with (the clients without problems, scrubbing of every
 * secret that could be read), every problem found, and the effective view of the configuration for printing.
 */
public final class LoadedConfig {
    private final AgentConfig config;
    private final EffectiveConfig effective;
    private final List<ConfigProblem> problems;
    private final boolean strict;
    private final List<String> inactiveClients;
    private final List<String> warnings;

    LoadedConfig(AgentConfig config, EffectiveConfig effective, List<ConfigProblem> problems, boolean strict,
            List<String> inactiveClients, List<String> warnings) {
        this.config = config;
        this.effective = effective;
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
        this.strict = strict;
        this.inactiveClients = Collections.unmodifiableList(new ArrayList<>(inactiveClients));
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    /** What runs: {@link AgentConfig#clients()} holds only the clients that no problem stops. */
    public AgentConfig config() {
        return config;
    }

    public EffectiveConfig effective() {
        return effective;
    }

    /** Every problem found, also those of a disabled agent ({@code enabled=false}), which ignores them. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /**
     * {@code strict=true}: any problem must stop the start (the JVM under {@code -javaagent}, the agent alone
     * when attached to a running application). False for a disabled agent, which never stops anything.
     */
    public boolean strict() {
        return strict;
    }

    /** Configured clients that do not run because of a problem, in name order. */
    public List<String> inactiveClients() {
        return inactiveClients;
    }

    /** Things that work but are unsafe, e.g. a secret written on the command line; never a secret value. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * This, when there is no problem; for callers that accept nothing less (validating before an attach).
     *
     * @throws ConfigException listing every problem
     */
    public LoadedConfig requireNoProblems() throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems, effective);
        }
        return this;
    }

    @Override
    public String toString() {
        return "LoadedConfig{" + config + ", problems=" + problems.size() + "}";
    }
}
