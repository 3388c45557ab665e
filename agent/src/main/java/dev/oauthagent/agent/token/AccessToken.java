package dev.oauthagent.agent.token;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A validated access token as granted by the token endpoint. The value is reachable only through
 * {@link #value()}; {@link #toString()} shows the fingerprint. When the token expires is the cache's
 * business: it measures the lifetime from the moment it sent the request, on its monotonic clock.
 *
 * <p>Also carries the refresh token and ID token the server may have returned with it. The agent never
 * uses them; they travel with the token only so that the log scrubber learns them together with it.
 */
public final class AccessToken {
    private final String value;
    private final String tokenType;
    private final long lifetimeSeconds;
    private final boolean lifetimeStated;
    private final Set<String> grantedScopes;
    private final String refreshToken;
    private final String idToken;
    private final String fingerprint;
    private final String authorizationHeader;

    /**
     * @param lifetimeSeconds validated lifetime (expires_in after clamping, or the configured default)
     * @param grantedScopes   the scope the server returned, or null when it did not return one
     */
    public AccessToken(String value, String tokenType, long lifetimeSeconds, Set<String> grantedScopes) {
        this(value, tokenType, lifetimeSeconds, grantedScopes, null, null);
    }

    /**
     * @param refreshToken the refresh_token returned with this token, or null
     * @param idToken      the id_token returned with this token, or null
     */
    public AccessToken(String value, String tokenType, long lifetimeSeconds, Set<String> grantedScopes,
            String refreshToken, String idToken) {
        this(value, tokenType, lifetimeSeconds, true, grantedScopes, refreshToken, idToken);
    }

    /**
     * @param lifetimeStated whether the server stated the lifetime (expires_in); false when it is the configured
     *     default-expires-in, so that the token may really live longer
     */
    public AccessToken(String value, String tokenType, long lifetimeSeconds, boolean lifetimeStated,
            Set<String> grantedScopes, String refreshToken, String idToken) {
        this.value = value;
        this.lifetimeStated = lifetimeStated;
        this.refreshToken = refreshToken;
        this.idToken = idToken;
        this.tokenType = tokenType;
        this.lifetimeSeconds = lifetimeSeconds;
        this.grantedScopes = grantedScopes == null ? null
                : Collections.unmodifiableSet(new LinkedHashSet<>(grantedScopes));
        this.fingerprint = Fingerprint.of(value);
        // Built once per token, not per request: the injection path stays allocation-free, and every request
        // carrying this token shares one String, which lets a later hop recognise the agent's own header.
        this.authorizationHeader = "Bearer " + value;
    }

    /**
     * {@code "Bearer " + value}. Always the canonical scheme name whatever case the server used for
     * token_type (RFC 6750 §2.1; some resource servers compare it case-sensitively).
     */
    public String authorizationHeader() {
        return authorizationHeader;
    }

    /** The plaintext token. Call only to build the Authorization header or to register it for scrubbing. */
    public String value() {
        return value;
    }

    /** "Bearer" as the server spelled it. */
    public String tokenType() {
        return tokenType;
    }

    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    /** False when the server gave no expires_in and {@link #lifetimeSeconds()} is the configured assumption. */
    public boolean lifetimeStated() {
        return lifetimeStated;
    }

    /** Null when the response had no scope (RFC 6749 §5.1: then it is the requested scope). */
    public Set<String> grantedScopes() {
        return grantedScopes;
    }

    /** The refresh token the server returned with this one, or null. Plaintext: only for the log scrubber. */
    public String refreshToken() {
        return refreshToken;
    }

    /** The ID token the server returned with this one, or null. Plaintext: only for the log scrubber. */
    public String idToken() {
        return idToken;
    }

    public String fingerprint() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "AccessToken{fingerprint=" + fingerprint + ", lifetime=" + lifetimeSeconds + "s}";
    }
}
