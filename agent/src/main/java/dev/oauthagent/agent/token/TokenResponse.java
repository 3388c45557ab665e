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
    private final String error;
    private final String errorDescription;
    private final String errorUri;

    TokenResponse(String accessToken, String tokenType, BigDecimal expiresIn, String scope, String error,
            String errorDescription, String errorUri) {
        this.accessToken = accessToken;
        this.tokenType = tokenType;
        this.expiresIn = expiresIn;
        this.scope = scope;
        this.error = error;
        this.errorDescription = errorDescription;
        this.errorUri = errorUri;
    }

    public String accessToken() { return accessToken; }
    public String tokenType() { return tokenType; }
    /** As sent: may be fractional, zero, negative or huge; the validator decides. */
    public BigDecimal expiresIn() { return expiresIn; }
    public String scope() { return scope; }
    public String error() { return error; }
    public String errorDescription() { return errorDescription; }
    public String errorUri() { return errorUri; }

    @Override
    public String toString() {
        return "TokenResponse{accessToken=" + (accessToken == null ? "absent" : "present")
                + ", tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", error=" + error + "}";
    }
}
