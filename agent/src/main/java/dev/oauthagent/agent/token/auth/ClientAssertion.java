package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.token.auth.key.JwsSigner;
import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Makes the client assertion of one token request (RFC 7523 §2.2 and §3, OIDC Core §9): a JWT whose issuer and
 * subject are the client id, whose audience is the authorization server, with a unique {@code jti} (128 random bits,
 * so a server that remembers them refuses a replay) and a lifetime of {@link #LIFETIME_SECONDS}. Built per request
 * on the token cache's thread, never on an application's. Thread-safe.
 */
public final class ClientAssertion {
    public static final String TYPE_JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Long enough for a slow request and some clock skew, short enough that a leaked assertion is soon useless. */
    public static final long LIFETIME_SECONDS = 60;

    /** One for the agent: a SecureRandom is thread-safe, and seeding a new one per request would cost. */
    static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String clientId;
    private final String audience;
    private final String keyId;
    private final Clock clock;
    private final SecureRandom random;

    /** @param keyId the {@code kid} header; null to leave it out */
    public ClientAssertion(String clientId, String audience, String keyId, Clock clock, SecureRandom random) {
        this.clientId = clientId;
        this.audience = audience;
        this.keyId = keyId;
        this.clock = clock;
        this.random = random;
    }

    /** A signed assertion and when it expires. */
    public static final class Signed {
        private final String value;
        private final long expiresAt;

        Signed(String value, long expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }

        /** The compact JWS: a bearer credential until it expires. */
        public String value() {
            return value;
        }

        /** The {@code exp} claim, in seconds since the epoch. */
        public long expiresAt() {
            return expiresAt;
        }

        @Override
        public String toString() {
            return "ClientAssertion.Signed{expiresAt=" + expiresAt + "}";
        }
    }

    public Signed sign(SigningAlgorithm algorithm, Key key) throws GeneralSecurityException {
        long now = clock.millis() / 1000;
        long exp = now + LIFETIME_SECONDS;
        JsonObjectWriter header = new JsonObjectWriter().put("alg", algorithm.name()).put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        String claims = new JsonObjectWriter().put("iss", clientId).put("sub", clientId).put("aud", audience)
                .put("jti", jti()).put("iat", now).put("exp", exp).toString();
        String signingInput = base64Url(header.toString()) + "." + base64Url(claims);
        byte[] signature = JwsSigner.sign(algorithm, key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return new Signed(signingInput + "." + BASE64URL.encodeToString(signature), exp);
    }

    private String jti() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private static String base64Url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
