package dev.oauthagent.e2e.scrub;

/**
 * slf4j-simple under the agent ({@code test-apps/slf4j-simple-app}) with {@code org.slf4j.simpleLogger.logFile}
 * set to a file, as an application configures it: the PrintStream slf4j-simple opens over that file is the one
 * the agent wraps.
 */
class Slf4jSimpleScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "slf4j-simple-app";
    }
}
