package dev.oauthagent.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One thing wrong with the configuration: the key (as the user wrote it, or the canonical
 * {@code oauth.agent.*} key), a message that says what is wrong and how to fix it, and what the problem keeps
 * from running (see {@link ProblemList} for the policy). Messages never contain a secret value.
 */
public final class ConfigProblem {
    /** What a problem turns off. Log scrubbing is never among it: see {@link ProblemList}. */
    public enum Reach {
        /** The key falls back to its default; nothing else is turned off. */
        NOTHING,
        /** The clients of {@link #clients()} do not run. */
        CLIENTS,
        /** No client runs: the problem could concern any of them. */
        EVERY_CLIENT
    }

    private final String key;
    private final String message;
    private final Reach reach;
    private final List<String> clients;

    ConfigProblem(String key, String message, Reach reach, List<String> clients) {
        this.key = key;
        this.message = message;
        this.reach = reach;
        this.clients = Collections.unmodifiableList(new ArrayList<>(clients));
    }

    public String key() {
        return key;
    }

    public String message() {
        return message;
    }

    public Reach reach() {
        return reach;
    }

    /** The clients that do not run because of this problem when {@link #reach()} is CLIENTS; else empty. */
    public List<String> clients() {
        return clients;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConfigProblem)) {
            return false;
        }
        ConfigProblem other = (ConfigProblem) o;
        return key.equals(other.key) && message.equals(other.message);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + message.hashCode();
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
