package dev.oauthagent.e2e.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * log4j2 on its default, garbage-free path (direct encoders): test-apps/log4j2-app logs through three consoles
 * (one {@code direct="true"}, one {@code follow="true"}), a pattern file, a JSON template file, a rolling file and
 * an async random-access file.
 */
class Log4j2ScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "log4j2-app";
    }

    /**
     * {@code follow="true"} writes through whatever {@code System.out} is at the time: its lines (prefixed
     * "follow") must be there, leaks replaced; the contract's checks then cover them with the rest of stdout.
     */
    @Test
    void theFollowingConsoleWritesItsLinesScrubbed() {
        long scrubbedFollowLines = defaultRunOutput("stdout").lines()
                .filter(line -> line.startsWith("follow ") && line.contains("[REDACTED")).count();
        assertThat(scrubbedFollowLines).as("lines of the follow=\"true\" console with a replacement").isPositive();
    }
}
