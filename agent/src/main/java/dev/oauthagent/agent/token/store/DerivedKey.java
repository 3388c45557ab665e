package dev.oauthagent.agent.token.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key ready for the cipher, with how it was made (the header's key derivation fields) and its key
 * id. The id is a truncated SHA-256 of the key under a label of its own: it tells which configured key wrote a
 * file without revealing anything about it, and for a passphrase it can only be computed after the full
 * PBKDF2 run, so it is no shortcut for guessing.
 */
final class DerivedKey {
    private static final byte[] ID_LABEL = "oauth-agent token store key id\0".getBytes(StandardCharsets.US_ASCII);

    final int kdf;
    final int iterations;
    final byte[] salt;
    final byte[] keyId;
    final SecretKey key;

    DerivedKey(int kdf, int iterations, byte[] salt, byte[] keyBytes) {
        this.kdf = kdf;
        this.iterations = iterations;
        this.salt = salt;
        this.keyId = idOf(keyBytes);
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    boolean matches(StoreHeader header) {
        return header.kdf == kdf && header.iterations == iterations && Arrays.equals(header.salt, salt)
                && MessageDigest.isEqual(header.keyId, keyId);
    }

    private static byte[] idOf(byte[] keyBytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            return Arrays.copyOf(sha256.digest(keyBytes), StoreHeader.KEY_ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "DerivedKey{kdf=" + kdf + ", iterations=" + iterations + "}"; // never the key, nor its id
    }
}
