package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.token.JsonObjectReader;
import dev.oauthagent.agent.token.MalformedTokenResponseException;

import java.math.BigDecimal;
import java.util.Base64;

/**
 * The {@code exp} claim of a JWT someone else signed, read without checking the signature (the server checks it;
 * the agent only wants to tell an expired assertion from a refused one). Null when the value is not a JWT or has no
 * {@code exp}.
 */
final class JwtExpiry {
    private static final JsonObjectReader CLAIMS = JsonObjectReader.builder()
            .numbers("RFC 7519 §4.1.4 requires a NumericDate", "exp").build();

    private JwtExpiry() {
    }

    /** Seconds since the epoch, or null. */
    static Long of(String jwt) {
        String[] parts = jwt.trim().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            BigDecimal exp = CLAIMS.read(Base64.getUrlDecoder().decode(parts[1])).number("exp");
            return exp == null ? null : exp.longValue();
        } catch (MalformedTokenResponseException | IllegalArgumentException e) {
            return null;
        }
    }
}
