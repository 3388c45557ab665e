package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenRequest;

/**
 * How the client proves its identity to the token endpoint (RFC 6749 §2.3): it adds credentials to the
 * request's headers or form. One class per method.
 */
public interface ClientAuthentication {

    void applyTo(TokenRequest.Builder request);

    /** The method configured by {@code client-auth}. */
    static ClientAuthentication forClient(ClientConfig client) {
        if (!client.clientAuth().usesSecret()) {
            return new PublicClient(client.clientId());
        }
        if (client.clientSecret() == null) {
            throw new IllegalArgumentException("client '" + client.name() + "': client-secret is required for "
                    + client.clientAuth().configName());
        }
        switch (client.clientAuth()) {
            case CLIENT_SECRET_POST:
                return new ClientSecretPost(client.clientId(), client.clientSecret());
            case CLIENT_SECRET_BASIC:
            default:
                return new ClientSecretBasic(client.clientId(), client.clientSecret());
        }
    }
}
