package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.store.StoredTokenListener;
import dev.oauthagent.agent.token.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/** How the agent sets up a client that acts for a person: its token source, and its login at start. */
public final class UserGrants {
    private static final Logger log = LoggerFactory.getLogger(UserGrants.class);

    private UserGrants() {
    }

    /**
     * The client's token source, with its token store opened and read. A store that cannot be opened is logged
     * and the client runs without it; one that cannot be read is reported by the first token request. Neither
     * stops the application.
     *
     * @param scrubbing the log scrubber, told of every refresh token; null when scrubbing is off
     */
    public static UserGrantTokenSource source(ClientConfig client, TokenEndpointClient endpoint,
            StoredTokenListener scrubbing) {
        UserGrantTokenSource source = new UserGrantTokenSource(client, endpoint, openStore(client, scrubbing),
                scrubbing, Clock.systemUTC());
        source.loadStored();
        return source;
    }

    private static TokenStore openStore(ClientConfig client, StoredTokenListener scrubbing) {
        if (client.tokenStore() == null) {
            return null;
        }
        try {
            return TokenStore.open(client.name(), client.tokenStore(), TokenStore.DEFAULT_LOCK_WAIT, scrubbing);
        } catch (RuntimeException e) {
            // Class name only: whatever failed was handling the store's key.
            log.warn("client '{}': the token store {} cannot be opened ({}); the client's refresh token is kept in "
                    + "memory only. Please report this as a bug.", client.name(), client.tokenStore().path(),
                    e.getClass().getName());
            return null;
        }
    }

    /**
     * Starts {@code login} on a daemon thread when the client logs in by device code and holds no refresh token.
     * An authorization code client never opens a browser at start: its first token request says to run login.
     *
     * @param login    the client's device flow; null when none is available (then nothing starts)
     * @param whenDone run when the login ended (the cache's credentialsChanged)
     * @return whether a login started
     */
    public static boolean startLoginIfNeeded(ClientConfig client, UserGrantTokenSource source, InteractiveLogin login,
            Runnable whenDone) {
        if (login == null || client.grantType() != GrantType.DEVICE_CODE || source.holdsRefreshToken()) {
            return false;
        }
        log.info("client '{}': no refresh token held; starting the device login (instructions on stderr)",
                client.name());
        StartupLogin.start(client.name(), source, login, whenDone);
        return true;
    }
}
