package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.token.TokenRequest;

/**
 * {@code tls_client_auth} and {@code self_signed_tls_client_auth} (RFC 8705 §2): the client proves itself by its
 * certificate in the TLS handshake, which the agent's own TLS set-up for this client's authorization server
 * presents; the form carries only the {@code client_id} (§2, required there) and no secret.
 */
final class MutualTlsClient implements ClientAuthentication {
    private final String clientId;

    MutualTlsClient(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public void applyTo(TokenRequest.Builder request) {
        request.formParameter("client_id", clientId);
    }

    @Override
    public String toString() {
        return "MutualTlsClient{clientId=" + clientId + "}";
    }
}
