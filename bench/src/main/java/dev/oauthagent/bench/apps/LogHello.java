package dev.oauthagent.bench.apps;

import org.slf4j.LoggerFactory;

/**
 * An application that logs through logback first thing (logback's default console set-up, no configuration
 * file) and exits: with scrubbing on, logback's appender waits at the agent's start-up gate until the
 * logging hooks are installed, which {@link Hello} never shows.
 */
public final class LogHello {
    private LogHello() {
    }

    public static void main(String[] args) {
        LoggerFactory.getLogger(LogHello.class).info("hello");
    }
}
