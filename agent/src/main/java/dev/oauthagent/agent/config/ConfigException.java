package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The configuration is invalid. Carries every problem found, so a user fixes them all in one round, and
 * the effective configuration as far as it could be read (secrets masked), for {@code config} output.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;
    private final transient EffectiveConfig effective;

    public ConfigException(List<ConfigProblem> problems, EffectiveConfig effective) {
        super(describe(problems));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
        this.effective = effective;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** The configuration as read despite the problems; may be null when nothing could be read. */
    public EffectiveConfig effective() {
        return effective;
    }

    static String describe(List<ConfigProblem> problems) {
        int n = problems.size();
        StringBuilder sb = new StringBuilder("oauth-agent: invalid configuration (")
                .append(n).append(n == 1 ? " problem):" : " problems):");
        for (ConfigProblem p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p.key()).append(": ").append(p.message());
        }
        return sb.toString();
    }
}
