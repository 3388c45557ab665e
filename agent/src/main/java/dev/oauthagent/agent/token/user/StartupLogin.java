package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A login run by the agent at start, for a device code client without a refresh token: on a daemon thread of its
 * own, so that neither premain nor the application waits for a person. Its instructions go to stderr (the flow
 * prints them). Meanwhile the client's requests follow fail-mode; when it ends, {@code whenDone} asks the cache
 * for a token at once: the login's token on success, else the failure that says what to do.
 */
public final class StartupLogin implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StartupLogin.class);

    private final String clientName;
    private final UserGrantTokenSource source;
    private final InteractiveLogin login;
    private final Runnable whenDone;

    private StartupLogin(String clientName, UserGrantTokenSource source, InteractiveLogin login, Runnable whenDone) {
        this.clientName = clientName;
        this.source = source;
        this.login = login;
        this.whenDone = whenDone;
    }

    /**
     * Starts {@code login} on a daemon thread, the source telling fetches meanwhile that a login is under way.
     *
     * @param whenDone run when the login ended, however it ended (the cache's credentialsChanged)
     */
    public static Thread start(String clientName, UserGrantTokenSource source, InteractiveLogin login,
            Runnable whenDone) {
        source.loginRunning(true);
        Thread thread = new Thread(new StartupLogin(clientName, source, login, whenDone),
                "oauth-agent-login-" + clientName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            AccessToken token = login.login();
            source.loginSucceeded(token);
            log.info("client '{}': logged in; token {} obtained", clientName, token.fingerprint());
        } catch (TokenFetchException e) {
            log.warn("{} Requests follow fail-mode until a login succeeds.", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.info("client '{}': the login at start-up was interrupted", clientName);
        } catch (Throwable t) {
            // Class name only: a message could quote a server response.
            log.warn("client '{}': the login at start-up failed with {}; please report it.", clientName,
                    t.getClass().getName());
        } finally {
            source.loginRunning(false);
            try {
                whenDone.run();
            } catch (RuntimeException e) {
                log.warn("client '{}': asking for a token after the login failed with {}; please report it.",
                        clientName, e.getClass().getName());
            }
        }
    }
}
