package dev.oauthagent.agent.log;

import java.util.Locale;

/**
 * Sets up the agent's own log output: slf4j-simple, relocated into the agent, writing to stderr with an
 * {@code [oauth-agent]} prefix. Must run before the first logger is created.
 *
 * <p>The property names below read {@code org.slf4j.simpleLogger.*} in source, but the shade plugin
 * relocates these string constants together with slf4j-simple itself, so in the shipped jar they name the
 * agent's private copy: the application's own slf4j-simple settings and ours never affect each other.
 * The prefix is slf4j-simple's date field with a quoted-literal pattern: a constant that looks the same on
 * every line, with no custom logging backend to maintain.
 */
public final class AgentLogging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private AgentLogging() {
    }

    /** @param level error, warn, info or debug */
    public static void configure(String level) {
        set("logFile", "System.err");
        set("defaultLogLevel", level.toLowerCase(Locale.ROOT));
        set("showDateTime", "true");
        set("dateTimeFormat", "'[oauth-agent]'");
        set("showThreadName", "false");
        set("showLogName", "false");
        set("showShortLogName", "false");
        set("levelInBrackets", "false");
        set("cacheOutputStream", "false");
    }

    private static void set(String key, String value) {
        System.setProperty(PREFIX + key, value);
    }
}
