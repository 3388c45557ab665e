package dev.oauthagent.e2e.scrub;

import java.util.List;

/**
 * Tomcat JULI under the agent ({@code test-apps/juli-app}): java.util.logging under Tomcat's
 * ClassLoaderLogManager, with a {@code FileHandler} writing {@code catalina.<date>.log} and an
 * {@code AsyncFileHandler} writing {@code localhost.<date>.log}. Neither is a StreamHandler; both open their
 * file in {@code FileHandler.openWriter}, the hooked method.
 */
class JuliScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "juli-app";
    }

    @Override
    protected List<String> jvmArgs() {
        return List.of("-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager");
    }
}
