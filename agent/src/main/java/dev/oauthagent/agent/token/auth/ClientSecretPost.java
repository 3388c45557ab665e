package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.TokenRequest;

/**
 * {@code client_secret_post}: client id and secret as form parameters (RFC 6749 §2.3.1). The spec prefers
 * Basic; some servers accept only this.
 */
public final class ClientSecretPost implements ClientAuthentication {
    private final String clientId;
    private final Secret clientSecret;

    public ClientSecretPost(String clientId, Secret clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    @Override
    public void applyTo(TokenRequest.Builder request) {
        request.formParameter("client_id", clientId);
        request.formParameter("client_secret", clientSecret.reveal());
    }

    @Override
    public String toString() {
        return "ClientSecretPost{clientId=" + clientId + ", clientSecret=" + clientSecret + "}";
    }
}
