package dev.oauthagent.agent.config;

/** What a matched request does when no token can be had within wait-timeout. */
public enum FailMode {
    /** Fail that request with an IOException before a byte leaves the JVM (default). */
    CLOSED,
    /** Send the request without an Authorization header. */
    OPEN;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FailMode fromConfigValue(String value) {
        for (FailMode m : values()) {
            if (m.configName().equals(value)) {
                return m;
            }
        }
        return null;
    }
}
