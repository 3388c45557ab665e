package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.TokenRequest;
import dev.oauthagent.agent.token.cache.Ticker;

/**
 * {@code client_secret_post}: client id and secret as form parameters (RFC 6749 §2.3.1). The spec prefers
 * Basic; some servers accept only this.
 */
public final class ClientSecretPost implements ClientAuthentication {
    private final String clientId;
    private final CurrentSecret clientSecret;

    public ClientSecretPost(String clientId, Secret clientSecret) {
        this(clientId, new CurrentSecret(null, clientId, clientSecret, Ticker.system(), SecretListener.NONE));
    }

    ClientSecretPost(String clientId, CurrentSecret clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public boolean secretChangedOnReread() {
        return clientSecret.changedOnReread();
    }

    @Override
    public void applyTo(TokenRequest.Builder request) {
        request.formParameter("client_id", clientId);
        request.formParameter("client_secret", clientSecret.get().reveal());
    }

    @Override
    public String toString() {
        return "ClientSecretPost{clientId=" + clientId + ", clientSecret=" + clientSecret + "}";
    }
}
