package dev.oauthagent.e2e.scrub;

import java.util.List;

/**
 * The same log4j2 app with direct encoders switched off, as some applications configure it: every event then
 * reaches the appenders as {@code Layout.toByteArray} output, the second path the agent hooks.
 */
class Log4j2ByteArrayPathScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "log4j2-app";
    }

    @Override
    protected List<String> jvmArgs() {
        return List.of("-Dlog4j2.enableDirectEncoders=false");
    }
}
