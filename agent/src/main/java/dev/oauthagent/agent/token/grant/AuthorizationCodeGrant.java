package dev.oauthagent.agent.token.grant;

import dev.oauthagent.agent.token.TokenRequest;

/**
 * Redeems an authorization code (RFC 6749 §4.1.3) with its PKCE verifier (RFC 7636 §4.5):
 * {@code grant_type=authorization_code}, {@code code}, {@code redirect_uri} (the very string the authorization
 * request carried: servers compare it exactly) and {@code code_verifier}.
 *
 * <p>{@code client_id} is left to the client authentication: Basic and post carry it already, and the public
 * client's {@code none} method adds it. Adding it here too would send it twice with client_secret_post, which
 * servers refuse. {@link TokenRequest#toString()} masks the code and the verifier.
 */
public final class AuthorizationCodeGrant implements Grant {
    private final String code;
    private final String redirectUri;
    private final String codeVerifier;

    public AuthorizationCodeGrant(String code, String redirectUri, String codeVerifier) {
        this.code = code;
        this.redirectUri = redirectUri;
        this.codeVerifier = codeVerifier;
    }

    @Override
    public void addTo(TokenRequest.Builder request) {
        request.formParameter("grant_type", "authorization_code");
        request.formParameter("code", code);
        request.formParameter("redirect_uri", redirectUri);
        request.formParameter("code_verifier", codeVerifier);
    }

    @Override
    public String toString() {
        return "AuthorizationCodeGrant{redirectUri=" + redirectUri + "}";
    }
}
