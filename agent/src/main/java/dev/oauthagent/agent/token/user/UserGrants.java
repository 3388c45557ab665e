package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.store.StoredTokenListener;
import dev.oauthagent.agent.token.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Paths;
import java.time.Clock;

/** How the agent sets up the token source of a client that acts for a person. */
public final class UserGrants {
    private static final Logger log = LoggerFactory.getLogger(UserGrants.class);

    private UserGrants() {
    }

    /**
     * The client's token source, with its token store opened (read by the first fetch). A store that cannot be
     * opened is logged and the client runs without it; one that cannot be read is reported by the first token
     * request. Neither stops the application.
     *
     * @param scrubbing    the log scrubber, told of every refresh token; null when scrubbing is off
     * @param startupLogin the device flow a device code client without a refresh token runs at its first fetch;
     *                     null when there is none (an authorization code client never logs in by itself)
     * @param configFile   the agent's properties file, named in the login command the client's errors advise; null
     *                     when the configuration came from system properties or the environment only
     */
    public static UserGrantTokenSource source(ClientConfig client, TokenEndpointClient endpoint,
            StoredTokenListener scrubbing, InteractiveLogin startupLogin, String configFile) {
        UserGrantTokenSource source = new UserGrantTokenSource(client, endpoint, openStore(client, scrubbing),
                scrubbing, Clock.systemUTC(), startupLogin);
        source.adviseWithConfigFile(configFile == null ? null : Paths.get(configFile).toAbsolutePath().toString());
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
}
