package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.token.TokenFetchException;

/**
 * The failures of a user grant that only a person can end, each saying what to run. {@code LOGIN_NEEDED}, which
 * is terminal: the cache then tries again only rarely ({@code Backoff}, every 5 minutes, or at once when a login
 * at start ends), and without a refresh token a try calls no server.
 */
final class LoginAdvice {
    private final String clientName;
    private final boolean stored;
    /** The properties file the agent was started with; null when it had none or it is not known. */
    private final String configFile;

    LoginAdvice(String clientName, boolean stored, String configFile) {
        this.clientName = clientName;
        this.stored = stored;
        this.configFile = configFile;
    }

    /**
     * The command that logs this client in and stores its refresh token, with the agent's own configuration file
     * so it can be pasted as it is. Without a file the configuration came from system properties or the
     * environment, which the command reads as well.
     */
    String command() {
        String login = "java -jar oauth-agent.jar login " + clientName;
        return configFile == null ? login + " (with the same oauth.agent.* system properties or environment)"
                : login + " --config " + ShellWord.quote(configFile);
    }

    /** No refresh token is held. */
    TokenFetchException loginNeeded(boolean loginRunning) {
        if (loginRunning) {
            return terminal("waiting for the login started at start-up: follow the instructions it printed on "
                    + "stderr. Requests follow fail-mode until it is done.");
        }
        return terminal("no refresh token is held" + (stored ? " (the token store holds none)" : "")
                + ": a login is needed. " + howToLogIn());
    }

    /** The server answered invalid_grant to a refresh. */
    TokenFetchException refreshTokenRefused() {
        return terminal("the authorization server refused the refresh token (invalid_grant: it expired, was revoked "
                + "or was used already); it was dropped" + (stored ? " from memory and the token store" : "")
                + ". A new login is needed. " + howToLogIn());
    }

    /** The stored refresh token belongs to another token endpoint: it is never sent to this one. */
    TokenFetchException issuedElsewhere(String storedEndpoint) {
        return terminal("the token store holds a refresh token of token endpoint " + storedEndpoint + ", not of "
                + "token-url, and sends it nowhere else; a new login is needed. " + howToLogIn());
    }

    private String howToLogIn() {
        String run = "Run " + command();
        return stored ? run + "; the agent picks the login up from the token store within 5 minutes."
                : run + " with token-store set, or restart the application: without token-store a login cannot "
                        + "reach a running application.";
    }

    private TokenFetchException terminal(String text) {
        return new TokenFetchException("oauth-agent: client '" + clientName + "': " + text,
                TokenFetchException.Kind.LOGIN_NEEDED, null, -1, -1, null);
    }
}
