package dev.oauthagent.agent.config;

/**
 * One thing wrong with the configuration: the key (as the user wrote it, or the canonical
 * {@code oauth.agent.*} key) and a message that says what is wrong and how to fix it. Messages never
 * contain a secret value.
 */
public final class ConfigProblem {
    private final String key;
    private final String message;

    public ConfigProblem(String key, String message) {
        this.key = key;
        this.message = message;
    }

    public String key() {
        return key;
    }

    public String message() {
        return message;
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
