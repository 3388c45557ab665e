package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The result of loading: the validated configuration and the effective view of it for printing. */
public final class LoadedConfig {
    private final AgentConfig config;
    private final EffectiveConfig effective;
    private final List<ConfigProblem> ignoredProblems;

    LoadedConfig(AgentConfig config, EffectiveConfig effective, List<ConfigProblem> ignoredProblems) {
        this.config = config;
        this.effective = effective;
        this.ignoredProblems = Collections.unmodifiableList(new ArrayList<>(ignoredProblems));
    }

    public AgentConfig config() {
        return config;
    }

    public EffectiveConfig effective() {
        return effective;
    }

    /**
     * Problems found in a disabled agent's configuration ({@code enabled=false}). A disabled agent never
     * fails the application's start, so these are only worth a warning. Always empty when enabled.
     */
    public List<ConfigProblem> ignoredProblems() {
        return ignoredProblems;
    }

    @Override
    public String toString() {
        return "LoadedConfig{" + config + "}";
    }
}
