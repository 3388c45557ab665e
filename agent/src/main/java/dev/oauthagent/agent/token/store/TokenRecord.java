package dev.oauthagent.agent.token.store;

import dev.oauthagent.agent.token.Fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * What the token store keeps for one client, read and written as one: the refresh token, the token endpoint
 * that issued it, and (only when the client's {@code token-store-access-token} is true) the access token with
 * its expiry. Immutable. Tokens are reachable only through their accessors; {@link #toString()} shows
 * fingerprints.
 *
 * <p>The issuing endpoint is kept because a refresh token must go back only to the server that issued it: a
 * grant compares it with its configured token URL ({@link #issuedBy}) before it sends the token anywhere, so
 * that a changed {@code token-url} cannot carry a stored refresh token to another host.
 */
public final class TokenRecord {
    private final String tokenEndpoint;
    private final String refreshToken;
    private final String accessToken;
    private final Instant accessTokenExpiresAt;
    private final Instant savedAt;

    private TokenRecord(String tokenEndpoint, String refreshToken, String accessToken, Instant accessTokenExpiresAt,
            Instant savedAt) {
        if (tokenEndpoint == null || refreshToken == null || refreshToken.isEmpty()) {
            throw new IllegalArgumentException("a token record needs its token endpoint and a refresh token");
        }
        if ((accessToken == null) != (accessTokenExpiresAt == null)) {
            throw new IllegalArgumentException("an access token is stored with its expiry, or neither is");
        }
        this.tokenEndpoint = tokenEndpoint;
        this.refreshToken = refreshToken;
        this.accessToken = accessToken;
        this.accessTokenExpiresAt = accessTokenExpiresAt;
        this.savedAt = savedAt;
    }

    /** A record holding only a refresh token, issued by {@code tokenEndpoint} (the client's token URL). */
    public static TokenRecord of(String tokenEndpoint, String refreshToken) {
        return new TokenRecord(tokenEndpoint, refreshToken, null, null, null);
    }

    /**
     * This record with an access token that expires at {@code expiresAt} (wall clock: another JVM reads it).
     * The store keeps it only when the client asks for it; otherwise it is dropped when written.
     */
    public TokenRecord withAccessToken(String accessToken, Instant expiresAt) {
        return new TokenRecord(tokenEndpoint, refreshToken, accessToken, expiresAt, savedAt);
    }

    TokenRecord withoutAccessToken() {
        return accessToken == null ? this : new TokenRecord(tokenEndpoint, refreshToken, null, null, savedAt);
    }

    TokenRecord savedAt(Instant when) {
        return new TokenRecord(tokenEndpoint, refreshToken, accessToken, accessTokenExpiresAt, when);
    }

    public String tokenEndpoint() {
        return tokenEndpoint;
    }

    /** Whether this record's refresh token was issued by that token endpoint: the only one it may go to. */
    public boolean issuedBy(String tokenEndpoint) {
        return this.tokenEndpoint.equals(tokenEndpoint);
    }

    /** The plaintext refresh token: only to send it to {@link #tokenEndpoint()} or register it for scrubbing. */
    public String refreshToken() {
        return refreshToken;
    }

    /** Whether this record holds that refresh token; in constant time. */
    public boolean hasRefreshToken(String candidate) {
        return candidate != null && MessageDigest.isEqual(refreshToken.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The plaintext access token, or null when none is stored. */
    public String accessToken() {
        return accessToken;
    }

    /** Null when no access token is stored. */
    public Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    /** When the store wrote this record; null for a record not written yet. */
    public Instant savedAt() {
        return savedAt;
    }

    public String refreshTokenFingerprint() {
        return Fingerprint.of(refreshToken);
    }

    @Override
    public String toString() {
        return "TokenRecord{refreshToken=" + refreshTokenFingerprint()
                + (accessToken == null ? "" : ", accessToken=" + Fingerprint.of(accessToken) + ", expiresAt="
                        + accessTokenExpiresAt)
                + ", tokenEndpoint=" + tokenEndpoint + ", savedAt=" + savedAt + "}";
    }
}
