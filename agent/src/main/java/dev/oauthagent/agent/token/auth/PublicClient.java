package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.token.TokenRequest;

/**
 * {@code none}: a public client (RFC 6749 §2.1, a program that cannot keep a secret) identifies itself with its
 * {@code client_id} in the form and nothing else (§3.2.1). Only user grants allow it: their proof is the user's
 * login, bound to this program by PKCE or the device code.
 *
 * <p>The form of the mutual-TLS methods too ({@code tls_client_auth}, {@code self_signed_tls_client_auth}, RFC 8705
 * §2): the {@code client_id} and no secret, the proof being the client certificate the agent's own TLS set-up
 * presents in the handshake.
 */
public final class PublicClient implements ClientAuthentication {
    private final String clientId;

    public PublicClient(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public void applyTo(TokenRequest.Builder request) {
        request.formParameter("client_id", clientId);
    }

    @Override
    public String toString() {
        return "PublicClient{clientId=" + clientId + "}";
    }
}
