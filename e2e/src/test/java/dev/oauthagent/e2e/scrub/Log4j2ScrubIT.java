package dev.oauthagent.e2e.scrub;

/**
 * log4j2 on its default, garbage-free path (direct encoders): test-apps/log4j2-app logs through two consoles
 * (one {@code direct="true"}), a pattern file, a JSON template file, a rolling file and an async random-access
 * file.
 */
class Log4j2ScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "log4j2-app";
    }
}
