package dev.oauthagent.agent.token.auth.key;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import javax.crypto.Mac;

/**
 * Computes a JWS signature (RFC 7515) with the JDK's providers alone. ES256's JWS form is the two 32-byte integers R
 * and S side by side (RFC 7518 §3.4), where the JDK's ECDSA answers an ASN.1 DER sequence: {@link #derToJose}
 * converts it. PS256 is reached by its standard name and parameters, which compiles for Java 8 and runs where the
 * provider has it (Java 11+, 8u261+).
 */
public final class JwsSigner {
    private static final int ES256_PART = 32;

    private JwsSigner() {
    }

    /** The signature of {@code input}, in its JWS form. */
    public static byte[] sign(SigningAlgorithm algorithm, Key key, byte[] input) throws GeneralSecurityException {
        if (algorithm == SigningAlgorithm.HS256) {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(key);
            return mac.doFinal(input);
        }
        Signature signature = Signature.getInstance(algorithm.jcaName());
        if (algorithm == SigningAlgorithm.PS256) {
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        signature.initSign((PrivateKey) key);
        signature.update(input);
        byte[] result = signature.sign();
        return algorithm == SigningAlgorithm.ES256 ? derToJose(result) : result;
    }

    /**
     * Why this JVM cannot sign with {@code algorithm} (PS256 needs Java 11 or 8u261+), or null when it can. A provider
     * lookup, not a test signature: this runs in premain, where a first RSA signature costs some 50 ms of the
     * application's start, and the first token request signs right after anyway.
     */
    public static String cannotSign(SigningAlgorithm algorithm) {
        try {
            if (algorithm == SigningAlgorithm.HS256) {
                Mac.getInstance(algorithm.jcaName());
            } else {
                Signature.getInstance(algorithm.jcaName());
            }
            return null;
        } catch (GeneralSecurityException e) {
            return "this JVM cannot sign " + algorithm + " (" + e.getClass().getSimpleName() + ")"
                    + (algorithm == SigningAlgorithm.PS256 ? "; PS256 needs Java 11 or later, or Java 8u261 or "
                    + "later; use RS256 on an older JVM" : "");
        }
    }

    /** SEQUENCE { INTEGER r, INTEGER s } to r || s, each left-padded to 32 bytes. */
    static byte[] derToJose(byte[] der) throws GeneralSecurityException {
        int offset = 2;
        if (der.length < 8 || der[0] != 0x30) {
            throw new GeneralSecurityException("not a DER ECDSA signature");
        }
        if ((der[1] & 0xFF) == 0x81) {
            offset = 3; // a long-form length; never needed for P-256, allowed by DER
        }
        byte[] jose = new byte[2 * ES256_PART];
        offset = copyInteger(der, offset, jose, 0);
        copyInteger(der, offset, jose, ES256_PART);
        return jose;
    }

    private static int copyInteger(byte[] der, int offset, byte[] out, int outOffset) throws GeneralSecurityException {
        if (offset + 2 > der.length || der[offset] != 0x02) {
            throw new GeneralSecurityException("not a DER ECDSA signature");
        }
        int length = der[offset + 1] & 0xFF;
        int start = offset + 2;
        if (start + length > der.length) {
            throw new GeneralSecurityException("not a DER ECDSA signature");
        }
        int from = start;
        int count = length;
        while (count > ES256_PART && der[from] == 0) { // the sign byte DER adds before a high bit
            from++;
            count--;
        }
        if (count > ES256_PART) {
            throw new GeneralSecurityException("an ECDSA integer longer than 32 bytes: not a P-256 signature");
        }
        System.arraycopy(der, from, out, outOffset + ES256_PART - count, count);
        return start + length;
    }
}
