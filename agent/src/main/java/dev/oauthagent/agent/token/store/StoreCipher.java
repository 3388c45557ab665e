package dev.oauthagent.agent.token.store;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/** AES-256-GCM with a 128-bit tag over the record, the whole header (nonce included) as additional data. */
final class StoreCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private StoreCipher() {
    }

    static byte[] seal(DerivedKey key, byte[] header, byte[] nonce, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.key, new GCMParameterSpec(StoreHeader.TAG_BYTES * 8, nonce));
            cipher.updateAAD(header);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding with a 256-bit key is required of every JVM since "
                    + "Java 8 (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * @throws AEADBadTagException when the key is not the one that sealed it, or a byte of the header, nonce,
     *     ciphertext or tag was changed
     */
    static byte[] open(DerivedKey key, byte[] file, int headerLength, byte[] nonce) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.key, new GCMParameterSpec(StoreHeader.TAG_BYTES * 8, nonce));
            cipher.updateAAD(file, 0, headerLength);
            return cipher.doFinal(file, headerLength, file.length - headerLength);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding with a 256-bit key is required of every JVM since "
                    + "Java 8 (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
