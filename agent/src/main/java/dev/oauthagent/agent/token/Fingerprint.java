package dev.oauthagent.agent.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A short, non-reversible name for a token: the first 8 hex digits of its SHA-256. Logs and CLI output
 * identify tokens by this, never by value, so operators can still tell two tokens apart.
 */
public final class Fingerprint {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Fingerprint() {
    }

    public static String of(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[8];
            for (int i = 0; i < 4; i++) {
                out[2 * i] = HEX[(d[i] >> 4) & 0xf];
                out[2 * i + 1] = HEX[d[i] & 0xf];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
