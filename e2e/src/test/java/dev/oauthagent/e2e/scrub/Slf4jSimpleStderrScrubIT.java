package dev.oauthagent.e2e.scrub;

import java.util.List;

/**
 * slf4j-simple on its default destination, System.err, cached when slf4j-simple starts
 * ({@code cacheOutputStream=true}): the stream it keeps is the scrubbing System.err the agent installed in
 * premain, before any application code ran.
 */
class Slf4jSimpleStderrScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "slf4j-simple-app";
    }

    @Override
    protected List<String> jvmArgs() {
        return List.of("-Dorg.slf4j.simpleLogger.logFile=System.err", "-Dorg.slf4j.simpleLogger.cacheOutputStream=true");
    }
}
