package dev.oauthagent.agent.token.store;

import dev.oauthagent.agent.config.TokenStoreKey;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedList;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The configured keys of one store, turned into AES keys: the current one writes, the current and the previous
 * one read. A passphrase is stretched with PBKDF2-HMAC-SHA256 at {@link #ITERATIONS} iterations (OWASP's
 * recommendation for that function) and a random 16-byte salt kept in the file's header.
 *
 * <p>A derivation takes a good part of a second by design, so derived keys are remembered (a few, by salt and
 * count), and a passphrase's salt is reused for later writes of this process: every write still gets a fresh
 * random nonce, which is what AES-GCM needs, and a refresh does not pay for a new derivation each time.
 */
final class StoreKeys {
    /** PBKDF2-HMAC-SHA256 iterations for a passphrase (OWASP Password Storage Cheat Sheet, 2023). */
    static final int ITERATIONS = 600_000;
    static final int SALT_BYTES = 16;
    private static final int REMEMBERED = 4;

    private final TokenStoreKey current;
    private final TokenStoreKey previous;
    private final int writeIterations;
    private final SecureRandom random;
    /** Guarded by this; newest first. */
    private final LinkedList<Remembered> derived = new LinkedList<>();
    /** Guarded by this: the current passphrase's key that writes, once made. */
    private DerivedKey writing;

    /** @param previous null when there is none */
    StoreKeys(TokenStoreKey current, TokenStoreKey previous, int writeIterations, SecureRandom random) {
        this.current = current;
        this.previous = previous;
        this.writeIterations = writeIterations;
        this.random = random;
    }

    /** The key a write uses: always the current one. */
    synchronized DerivedKey forWriting() {
        if (current.form() == TokenStoreKey.Form.RAW_KEY) {
            return raw(current);
        }
        if (writing == null) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            writing = derive(current, salt, writeIterations);
        }
        return writing;
    }

    /** The configured key that wrote a file with this header, or null when neither did. */
    synchronized Match forReading(StoreHeader header) {
        DerivedKey fromCurrent = candidate(current, header);
        if (fromCurrent != null && fromCurrent.matches(header)) {
            if (current.form() == TokenStoreKey.Form.PASSPHRASE && header.iterations == writeIterations) {
                writing = fromCurrent; // the file's salt serves later writes: no second derivation
            }
            return new Match(fromCurrent, false);
        }
        DerivedKey fromPrevious = previous == null ? null : candidate(previous, header);
        if (fromPrevious != null && fromPrevious.matches(header)) {
            return new Match(fromPrevious, true);
        }
        return null;
    }

    /** A key read the file; {@link #previous} says whether it was token-store-key-previous. */
    static final class Match {
        final DerivedKey key;
        final boolean previous;

        Match(DerivedKey key, boolean previous) {
            this.key = key;
            this.previous = previous;
        }
    }

    /** The key of {@code configured} in the header's derivation, or null when their kinds differ. */
    private DerivedKey candidate(TokenStoreKey configured, StoreHeader header) {
        if (configured.form() == TokenStoreKey.Form.RAW_KEY) {
            return header.kdf == StoreHeader.KDF_RAW ? raw(configured) : null;
        }
        return header.kdf == StoreHeader.KDF_PBKDF2 ? derive(configured, header.salt, header.iterations) : null;
    }

    private static DerivedKey raw(TokenStoreKey key) {
        return new DerivedKey(StoreHeader.KDF_RAW, 0, new byte[0], key.rawKey());
    }

    private DerivedKey derive(TokenStoreKey passphrase, byte[] salt, int iterations) {
        for (Remembered r : derived) {
            if (r.source == passphrase && r.key.iterations == iterations && Arrays.equals(r.key.salt, salt)) {
                return r.key;
            }
        }
        char[] chars = passphrase.passphrase();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
        try {
            byte[] keyBytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            DerivedKey key = new DerivedKey(StoreHeader.KDF_PBKDF2, iterations, salt.clone(), keyBytes);
            Arrays.fill(keyBytes, (byte) 0);
            remember(new Remembered(passphrase, key));
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every JVM since Java 8", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private void remember(Remembered r) {
        derived.addFirst(r);
        for (Iterator<Remembered> it = derived.listIterator(Math.min(REMEMBERED, derived.size())); it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }

    private static final class Remembered {
        final TokenStoreKey source;
        final DerivedKey key;

        Remembered(TokenStoreKey source, DerivedKey key) {
            this.source = source;
            this.key = key;
        }
    }

    @Override
    public String toString() {
        return "StoreKeys{current=" + current + ", previous=" + previous + "}";
    }
}
