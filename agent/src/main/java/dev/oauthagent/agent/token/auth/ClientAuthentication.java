package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.AssertionAudience;
import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenRequest;
import dev.oauthagent.agent.token.cache.Ticker;

import java.time.Clock;

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

    /**
     * Why this request would be refused whatever the server: a federated assertion past its exp. Null when it may be
     * sent. Asked before each token request; the text completes "client '&lt;name&gt;': ".
     */
    default String unusableNow() {
        return null;
    }

    /** The method configured by {@code client-auth}; a secret from a file is read again when the file changes. */
    static ClientAuthentication forClient(ClientConfig client) {
        return forClient(client, Ticker.system(), SecretListener.NONE);
    }

    /** As above; {@code listener} learns each new value of the secret before it is sent. */
    static ClientAuthentication forClient(ClientConfig client, Ticker ticker, SecretListener listener) {
        if (client.clientAuth() == ClientAuthMethod.CLIENT_ASSERTION) {
            return new FederatedAssertion(client.name(), client.clientId(), client.clientAssertion(),
                    client.clientAssertionType(), Clock.systemUTC(), listener);
        }
        if (client.clientAuth() == ClientAuthMethod.PRIVATE_KEY_JWT) {
            return new JwtClientAuthentication(client.name(), client.clientId(), assertion(client),
                    new CurrentPrivateKey(client.name(), client.privateKey(), client.signingAlgorithm(), ticker),
                    listener);
        }
        if (!client.clientAuth().usesSecret()) {
            // none, and the mutual-TLS methods, whose proof is the certificate in the handshake (TokenTls)
            return new PublicClient(client.clientId());
        }
        if (client.clientSecret() == null) {
            throw new IllegalArgumentException("client '" + client.name() + "': client-secret is required for "
                    + client.clientAuth().configName());
        }
        CurrentSecret secret = new CurrentSecret(client.name(), client.clientId(), client.clientSecret(), ticker,
                listener);
        switch (client.clientAuth()) {
            case CLIENT_SECRET_JWT:
                return new JwtClientAuthentication(client.name(), client.clientId(), assertion(client),
                        new SecretAssertionKey(secret), listener);
            case CLIENT_SECRET_POST:
                return new ClientSecretPost(client.clientId(), secret);
            case CLIENT_SECRET_BASIC:
            default:
                return new ClientSecretBasic(client.clientId(), secret);
        }
    }

    /** The assertion's audience: the token endpoint's URL, or the issuer with client-assertion-audience=issuer. */
    static ClientAssertion assertion(ClientConfig client) {
        String audience = client.assertionAudience() == AssertionAudience.ISSUER && client.issuer() != null
                ? client.issuer().toString() : client.tokenUrl().toString();
        return new ClientAssertion(client.clientId(), audience, client.keyId(), Clock.systemUTC(),
                ClientAssertion.RANDOM);
    }
}
