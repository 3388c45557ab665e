package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A login run by the agent at start, for a device code client without a refresh token: on a daemon thread of its
 * own, so that neither the agent nor the application waits for a person. Its instructions go to stderr (the flow
 * prints them). Meanwhile the client's requests follow fail-mode; when it ends, the source has the cache ask for
 * a token at once: the login's token on success, else the failure that says what to do.
 */
final class StartupLogin implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StartupLogin.class);

    private final String clientName;
    private final UserGrantTokenSource source;
    private final InteractiveLogin login;

    private StartupLogin(String clientName, UserGrantTokenSource source, InteractiveLogin login) {
        this.clientName = clientName;
        this.source = source;
        this.login = login;
    }

    /** Starts {@code login} on a daemon thread; the source is told when it ended. */
    static Thread start(String clientName, UserGrantTokenSource source, InteractiveLogin login) {
        Thread thread = new Thread(new StartupLogin(clientName, source, login), "oauth-agent-login-" + clientName);
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
            try {
                source.loginEnded();
            } catch (RuntimeException e) {
                log.warn("client '{}': asking for a token after the login failed with {}; please report it.",
                        clientName, e.getClass().getName());
            }
        }
    }
}
