package dev.oauthagent.agent.token;

import java.math.BigDecimal;

/**
 * The fields of a token endpoint response (RFC 6749 §5.1 success, §5.2 error) exactly as the server sent
 * them, after JSON parsing and type checks but before any validation. Null means absent (or JSON null).
 * Holds the plaintext token: never log this object's fields; {@link #toString()} leaves them out.
 */
public final class TokenResponse {
    private final String accessToken;
    private final String tokenType;
    private final BigDecimal expiresIn;
    private final String scope;
    private final String refreshToken;
    private final String idToken;
    private final String error;
    private final String errorDescription;
    private final String errorUri;

    TokenResponse(String accessToken, String tokenType, BigDecimal expiresIn, String scope, String refreshToken,
            String idToken, String error, String errorDescription, String errorUri) {
        this.accessToken = accessToken;
        this.tokenType = tokenType;
        this.expiresIn = expiresIn;
        this.scope = scope;
        this.refreshToken = refreshToken;
        this.idToken = idToken;
        this.error = error;
        this.errorDescription = errorDescription;
        this.errorUri = errorUri;
    }

    public String accessToken() { return accessToken; }
    public String tokenType() { return tokenType; }
    /** As sent: may be fractional, zero, negative or huge; the validator decides. */
    public BigDecimal expiresIn() { return expiresIn; }
    public String scope() { return scope; }
    /** A credential: the agent never uses it, but registers it for scrubbing (RFC 6749 §5.1). */
    public String refreshToken() { return refreshToken; }
    /** A credential (OpenID Connect Core §3.1.3.3): never used, registered for scrubbing like the refresh token. */
    public String idToken() { return idToken; }
    public String error() { return error; }
    public String errorDescription() { return errorDescription; }
    public String errorUri() { return errorUri; }

    @Override
    public String toString() {
        return "TokenResponse{accessToken=" + presence(accessToken) + ", refreshToken=" + presence(refreshToken)
                + ", idToken=" + presence(idToken) + ", tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", error=" + error + "}";
    }

    private static String presence(String credential) {
        return credential == null ? "absent" : "present";
    }
}
