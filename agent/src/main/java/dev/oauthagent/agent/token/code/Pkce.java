package dev.oauthagent.agent.token.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method only. The verifier is 32 random bytes in
 * base64url without padding (43 characters, §4.1); the challenge is BASE64URL(SHA-256(ASCII(verifier))) (§4.2).
 * The {@code plain} method is never offered: it gives no protection when the authorization request is seen.
 *
 * <p>The verifier is a credential until the code is redeemed: {@link #toString()} does not show it.
 */
public final class Pkce {
    public static final String METHOD = "S256";
    private static final int VERIFIER_BYTES = 32;

    private final String verifier;
    private final String challenge;

    private Pkce(String verifier) {
        this.verifier = verifier;
        this.challenge = challengeOf(verifier);
    }

    public static Pkce generate(SecureRandom random) {
        return new Pkce(RandomTokens.base64Url(random, VERIFIER_BYTES));
    }

    /** A known verifier, for the RFC's test vector. */
    static Pkce ofVerifier(String verifier) {
        return new Pkce(verifier);
    }

    /** Goes to the token endpoint only, with the code. */
    public String verifier() {
        return verifier;
    }

    /** Goes in the authorization request. */
    public String challenge() {
        return challenge;
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce{method=" + METHOD + ", challenge=" + challenge + "}";
    }
}
