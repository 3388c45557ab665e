package dev.oauthagent.agent.config;

/** Where an effective configuration value came from, highest precedence first. */
public enum ConfigSource {
    ARG("arg"),
    SYSPROP("sysprop"),
    ENV("env"),
    FILE("file"),
    DEFAULT("default");

    private final String label;

    ConfigSource(String label) {
        this.label = label;
    }

    /** Short name shown in the effective-configuration table: arg, sysprop, env, file, default. */
    public String label() {
        return label;
    }
}
