package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.token.JsonObjectReader;
import dev.oauthagent.agent.token.MalformedTokenResponseException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The claims of a JWT access token that {@code check} compares with the configuration (RFC 7519 §4.1, RFC 9068),
 * decoded from the token's payload. The signature is not verified: the key is the API's business, and check
 * only reads what the token says about itself to explain a refusal before the API gives one.
 *
 * <p>Holds claim values only, never the token.
 */
final class JwtClaims {
    private static final JsonObjectReader READER = JsonObjectReader.builder()
            .strings("RFC 7519 requires a string", "iss")
            // RFC 9068 makes scope a space-separated string; Spring Authorization Server writes an array.
            .lists("a string or an array of strings is required", "aud", "scope", "scp")
            .numbers("RFC 7519 requires a NumericDate (seconds since 1970)", "exp", "iat", "nbf")
            .build();

    /** What a token turned out to be. */
    enum Form { JWT, ENCRYPTED, OPAQUE }

    private final String issuer;
    private final List<String> audience;
    private final Set<String> scopes;
    private final Long expiresAt;
    private final Long issuedAt;
    private final Long notBefore;

    private JwtClaims(JsonObjectReader.Fields fields) {
        this.issuer = fields.string("iss");
        this.audience = fields.list("aud");
        this.scopes = scopes(fields.list("scope"), fields.list("scp"));
        this.expiresAt = seconds(fields.number("exp"));
        this.issuedAt = seconds(fields.number("iat"));
        this.notBefore = seconds(fields.number("nbf"));
    }

    /** A compact JWS (three parts) or JWE (five) has a JSON object for a header; anything else is opaque. */
    static Form formOf(String token) {
        String[] parts = token.split("\\.", -1);
        if ((parts.length != 3 && parts.length != 5) || !isJsonObject(decode(parts[0]))) {
            return Form.OPAQUE;
        }
        return parts.length == 5 ? Form.ENCRYPTED : Form.JWT;
    }

    /**
     * The claims of a token whose {@link #formOf} is {@link Form#JWT}.
     *
     * @throws MalformedTokenResponseException the payload is not a JSON object, or a claim has the wrong type; the
     *     message names the claim, never its value
     */
    static JwtClaims of(String token) throws MalformedTokenResponseException {
        String[] parts = token.split("\\.", -1);
        byte[] payload = parts.length == 3 ? decode(parts[1]) : null;
        if (payload == null) {
            throw new MalformedTokenResponseException("its payload is not base64url");
        }
        return new JwtClaims(READER.read(payload));
    }

    /** Null when absent. */
    String issuer() {
        return issuer;
    }

    /** Null when absent; a single string reads as a list of one. */
    List<String> audience() {
        return audience;
    }

    /** From {@code scope} or else {@code scp}, each a space-separated string or an array; null when neither. */
    Set<String> scopes() {
        return scopes;
    }

    /** Seconds since 1970, or null when absent. */
    Long expiresAt() {
        return expiresAt;
    }

    Long issuedAt() {
        return issuedAt;
    }

    Long notBefore() {
        return notBefore;
    }

    private static Set<String> scopes(List<String> scope, List<String> scp) {
        if (scope == null && scp == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String field : scope != null ? scope : scp) {
            Collections.addAll(words, field.split(" "));
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String word : words) {
            if (!word.isEmpty()) {
                scopes.add(word);
            }
        }
        return scopes;
    }

    /** A fractional NumericDate (allowed by RFC 7519 §2) is cut to whole seconds. */
    private static Long seconds(BigDecimal value) {
        return value == null ? null : value.longValue();
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isJsonObject(byte[] bytes) {
        if (bytes == null) {
            return false;
        }
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        return text.startsWith("{") && text.endsWith("}");
    }
}
