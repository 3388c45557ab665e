package dev.oauthagent.agent.token.auth.key;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Locale;

/**
 * The JWS algorithms (RFC 7518 §3) a client assertion is signed with, each with the JDK algorithm that computes it
 * and the kind of key it needs. PS256 is RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 7518
 * §3.5); the JDK has it from Java 11 and 8u261.
 */
public enum SigningAlgorithm {
    RS256("SHA256withRSA"),
    PS256("RSASSA-PSS"),
    ES256("SHA256withECDSA"),
    /** client_secret_jwt: an HMAC keyed with the client secret. */
    HS256("HmacSHA256");

    /** The order of NIST P-256 (secp256r1), the only curve ES256 allows (RFC 7518 §3.4). */
    private static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final String jcaName;

    SigningAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The JDK's name: a {@code Signature} algorithm, or the {@code Mac} one for HS256. */
    public String jcaName() {
        return jcaName;
    }

    /** The asymmetric algorithms, by their JWS name in any case; null for anything else. */
    public static SigningAlgorithm forPrivateKey(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        for (SigningAlgorithm a : values()) {
            if (a != HS256 && a.name().equals(upper)) {
                return a;
            }
        }
        return null;
    }

    /** What a key implies: RSA → RS256, EC P-256 → ES256; null for a key no algorithm here signs with. */
    public static SigningAlgorithm defaultFor(Key key) {
        if (key instanceof RSAKey) {
            return RS256;
        }
        return isP256(key) ? ES256 : null;
    }

    /**
     * Why {@code key} cannot sign with this algorithm, as the end of a sentence about the key; null when it can.
     */
    public String mismatch(Key key) {
        String kind = describe(key);
        if (this == ES256 && !isP256(key)) {
            return "is " + kind + ", but ES256 needs an EC key on the P-256 curve; use RS256 or PS256 for an RSA "
                    + "key, or a P-256 key (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256)";
        }
        if ((this == RS256 || this == PS256) && !(key instanceof RSAKey)) {
            return "is " + kind + ", but " + name() + " needs an RSA key; use ES256 for a P-256 key, or an RSA key";
        }
        return null;
    }

    /** "an RSA key (2048 bits)", "an EC key (256-bit curve)": what a message may say about a key, nothing secret. */
    public static String describe(Key key) {
        if (key instanceof RSAKey) {
            return "an RSA key (" + ((RSAKey) key).getModulus().bitLength() + " bits)";
        }
        if (key instanceof ECKey) {
            return "an EC key (" + ((ECKey) key).getParams().getOrder().bitLength() + "-bit curve"
                    + (isP256(key) ? ", P-256" : "") + ")";
        }
        return "a " + key.getAlgorithm() + " key";
    }

    private static boolean isP256(Key key) {
        return key instanceof ECKey && P256_ORDER.equals(((ECKey) key).getParams().getOrder())
                && ((ECKey) key).getParams().getCurve().getField().getFieldSize() == 256;
    }
}
