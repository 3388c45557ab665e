package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.token.TokenRequest;

import java.security.GeneralSecurityException;

/**
 * {@code private_key_jwt} and {@code client_secret_jwt} (RFC 7523 §2.2, OIDC Core §9): a freshly signed client
 * assertion in the form of every token request, with the client id beside it (RFC 6749 §3.2.1 allows it, and some
 * servers look the client up by it). The log scrubbing learns each assertion before it is sent: it is a bearer
 * credential until its {@code exp}.
 */
final class JwtClientAuthentication implements ClientAuthentication {
    private final String clientName;
    private final String clientId;
    private final ClientAssertion assertion;
    private final AssertionKey key;
    private final SecretListener listener;

    JwtClientAuthentication(String clientName, String clientId, ClientAssertion assertion, AssertionKey key,
            SecretListener listener) {
        this.clientName = clientName;
        this.clientId = clientId;
        this.assertion = assertion;
        this.key = key;
        this.listener = listener;
    }

    @Override
    public void applyTo(TokenRequest.Builder request) {
        ClientAssertion.Signed signed;
        try {
            signed = assertion.sign(key.algorithm(), key.current());
        } catch (GeneralSecurityException e) {
            // Configuration signed with this key at start; only a provider gone wrong since gets here.
            throw new IllegalStateException("client '" + clientName + "': signing the client assertion with "
                    + key.algorithm() + " failed (" + e.getClass().getSimpleName() + ")");
        }
        listener.assertionSigned(clientName, signed.value(), ClientAssertion.LIFETIME_SECONDS);
        request.formParameter("client_id", clientId);
        request.formParameter("client_assertion_type", ClientAssertion.TYPE_JWT_BEARER);
        request.maskedFormParameter("client_assertion", signed.value());
    }

    @Override
    public boolean secretChangedOnReread() {
        return key.changedOnReread();
    }

    @Override
    public String toString() {
        return "JwtClientAuthentication{clientId=" + clientId + ", " + key + "}";
    }
}
