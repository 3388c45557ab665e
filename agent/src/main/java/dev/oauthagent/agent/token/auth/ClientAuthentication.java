package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenRequest;
import dev.oauthagent.agent.token.cache.Ticker;

/**
 * How the client proves its identity to the token endpoint (RFC 6749 §2.3): it adds credentials to the
 * request's headers or form. One class per method.
 */
public interface ClientAuthentication {

    void applyTo(TokenRequest.Builder request);

    /**
     * Reads the secret's file again at once (after an {@code invalid_client}: a rotation may be why).
     *
     * @return true when the value changed, so that one more request may succeed; false without a file
     */
    default boolean secretChangedOnReread() {
        return false;
    }

    /** The method configured by {@code client-auth}; a secret from a file is read again when the file changes. */
    static ClientAuthentication forClient(ClientConfig client) {
        return forClient(client, Ticker.system(), SecretListener.NONE);
    }

    /** As above; {@code listener} learns each new value of the secret before it is sent. */
    static ClientAuthentication forClient(ClientConfig client, Ticker ticker, SecretListener listener) {
        if (!client.clientAuth().usesSecret()) {
            return new PublicClient(client.clientId());
        }
        if (client.clientSecret() == null) {
            throw new IllegalArgumentException("client '" + client.name() + "': client-secret is required for "
                    + client.clientAuth().configName());
        }
        CurrentSecret secret = new CurrentSecret(client.name(), client.clientId(), client.clientSecret(), ticker,
                listener);
        switch (client.clientAuth()) {
            case CLIENT_SECRET_POST:
                return new ClientSecretPost(client.clientId(), secret);
            case CLIENT_SECRET_BASIC:
            default:
                return new ClientSecretBasic(client.clientId(), secret);
        }
    }
}
