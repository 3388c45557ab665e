package dev.oauthagent.e2e.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A compact JWS split into its decoded header and claims. Decoding does not verify anything; call
 * {@link #isSignedBy(PublicKey)} for that.
 */
public final class Jwt {
    private final Map<String, Object> header;
    private final Map<String, Object> claims;
    private final String signingInput;
    private final byte[] signature;

    private Jwt(Map<String, Object> header, Map<String, Object> claims, String signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** Splits and decodes; the failure message never repeats the token (it is a credential). */
    public static Jwt decode(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts instead of 3");
        }
        Base64.Decoder base64 = Base64.getUrlDecoder();
        return new Jwt(
                Json.parseObject(new String(base64.decode(parts[0]), StandardCharsets.UTF_8)),
                Json.parseObject(new String(base64.decode(parts[1]), StandardCharsets.UTF_8)),
                parts[0] + "." + parts[1],
                base64.decode(parts[2]));
    }

    public Map<String, Object> header() {
        return header;
    }

    public Map<String, Object> claims() {
        return claims;
    }

    public long longClaim(String name) {
        Object value = claims.get(name);
        if (!(value instanceof Number)) {
            throw new IllegalArgumentException("claim '" + name + "' is not a number: " + value);
        }
        return ((Number) value).longValue();
    }

    public String stringClaim(String name) {
        Object value = claims.get(name);
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("claim '" + name + "' is not a string: " + value);
        }
        return (String) value;
    }

    /** A claim that may be one string or an array of strings (like {@code aud}), as a list. */
    @SuppressWarnings("unchecked")
    public List<String> stringListClaim(String name) {
        Object value = claims.get(name);
        if (value instanceof String) {
            return List.of((String) value);
        }
        if (value instanceof List) {
            return (List<String>) value;
        }
        throw new IllegalArgumentException("claim '" + name + "' is neither a string nor an array: " + value);
    }

    /** Checks an RS256 signature against {@code key}. */
    public boolean isSignedBy(PublicKey key) {
        if (!"RS256".equals(header.get("alg"))) {
            throw new IllegalStateException("only RS256 is checked here, the token says " + header.get("alg"));
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot check the signature: " + e.getMessage(), e);
        }
    }
}
