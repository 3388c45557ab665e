package dev.oauthagent.e2e.scrub;

/**
 * java.util.logging under the agent ({@code test-apps/jul-app}): the root logger's ConsoleHandler on stderr,
 * FileHandlers with SimpleFormatter and XMLFormatter, and a rotating FileHandler with the application's own
 * Formatter whose later files are opened by rotation. All reach their stream through
 * {@code StreamHandler.setOutputStream}, the one hooked method.
 */
class JulScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "jul-app";
    }
}
