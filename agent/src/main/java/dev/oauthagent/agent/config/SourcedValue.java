package dev.oauthagent.agent.config;

/**
 * A raw configuration value with its canonical key and where it came from. {@link #origin} is safe to
 * print ("env var OAUTH_AGENT_LOG_LEVEL", "properties file /etc/agent.properties"); {@link #value} may be a
 * secret and is never printed by this class.
 */
final class SourcedValue {
    /** The canonical {@code oauth.agent.*} key, or for an unrecognised key what the user wrote. */
    final String key;
    final String value;
    final ConfigSource source;
    final String origin;

    SourcedValue(String key, String value, ConfigSource source, String origin) {
        this.key = key;
        this.value = value;
        this.source = source;
        this.origin = origin;
    }

    @Override
    public String toString() {
        return key + " (from " + origin + ")";
    }
}
