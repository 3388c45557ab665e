package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.Secret;

/**
 * Told of a client secret read again from its file with a new value, before the value is first sent: log scrubbing
 * must know it by then, since the token request that carries it may be logged.
 */
public interface SecretListener {
    SecretListener NONE = new SecretListener() {
        @Override
        public void secretRead(String clientName, String clientId, Secret secret) {
        }
    };

    void secretRead(String clientName, String clientId, Secret secret);

    /**
     * A client assertion about to be sent: a bearer credential for {@code lifetimeSeconds}, so log scrubbing keeps it
     * that long.
     */
    default void assertionSigned(String clientName, String assertion, long lifetimeSeconds) {
    }
}
