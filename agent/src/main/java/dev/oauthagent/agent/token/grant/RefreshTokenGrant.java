package dev.oauthagent.agent.token.grant;

import dev.oauthagent.agent.token.Fingerprint;
import dev.oauthagent.agent.token.TokenRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Redeeming a refresh token (RFC 6749 §6): {@code grant_type=refresh_token}, the token, and {@code scope} only when
 * the client configures scopes (without it the server grants the scope of the original login, which is what a
 * client without configured scopes asked for then).
 */
public final class RefreshTokenGrant implements Grant {
    private final String refreshToken;
    private final List<String> scopes;

    /** @param scopes the configured scopes, possibly empty (then no scope parameter) */
    public RefreshTokenGrant(String refreshToken, List<String> scopes) {
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw new IllegalArgumentException("a refresh token grant needs a refresh token");
        }
        this.refreshToken = refreshToken;
        this.scopes = Collections.unmodifiableList(new ArrayList<>(scopes));
    }

    @Override
    public void addTo(TokenRequest.Builder request) {
        request.formParameter("grant_type", "refresh_token");
        request.formParameter("refresh_token", refreshToken);
        if (!scopes.isEmpty()) {
            request.formParameter("scope", String.join(" ", scopes));
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenGrant{refreshToken=" + Fingerprint.of(refreshToken) + ", scopes=" + scopes + "}";
    }
}
