package dev.oauthagent.agent.token.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The plaintext start of a token store file, authenticated as the AES-GCM additional data: whoever changes a
 * byte of it (the version, the key derivation, the client, the nonce) makes the file fail to open. Layout,
 * big-endian:
 * <pre>
 *   8  magic "OAGENTTS"
 *   1  format version (1)
 *   1  key derivation: 1 = raw key, 2 = PBKDF2-HMAC-SHA256 passphrase
 *   4  PBKDF2 iterations (0 for a raw key)
 *   1  salt length n (0 for a raw key), then n bytes of salt
 *   8  key id: which key encrypted the file, so that a wrong key is told from a damaged file
 *   1  client name length m, then m bytes of the client's name (US-ASCII)
 *  12  AES-GCM nonce, random per write
 * </pre>
 * followed by the ciphertext and its 16-byte tag.
 */
final class StoreHeader {
    static final byte[] MAGIC = "OAGENTTS".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int KDF_RAW = 1;
    static final int KDF_PBKDF2 = 2;
    static final int KEY_ID_BYTES = 8;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    static final int MIN_SALT_BYTES = 16;
    static final int MAX_SALT_BYTES = 64;
    /** A header asking for more would stall the reader for minutes: a damaged or hostile file. */
    static final int MAX_ITERATIONS = 10_000_000;

    final int kdf;
    final int iterations;
    final byte[] salt;
    final byte[] keyId;
    final String clientName;
    final byte[] nonce;

    StoreHeader(int kdf, int iterations, byte[] salt, byte[] keyId, String clientName, byte[] nonce) {
        this.kdf = kdf;
        this.iterations = iterations;
        this.salt = salt;
        this.keyId = keyId;
        this.clientName = clientName;
        this.nonce = nonce;
    }

    /** A header and where the ciphertext starts in the file it was read from. */
    static final class Parsed {
        final StoreHeader header;
        final int length;

        Parsed(StoreHeader header, int length) {
            this.header = header;
            this.length = length;
        }
    }

    byte[] encode() {
        byte[] name = clientName.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            out.writeByte(kdf);
            out.writeInt(iterations);
            out.writeByte(salt.length);
            out.write(salt);
            out.write(keyId);
            out.writeByte(name.length);
            out.write(name);
            out.write(nonce);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The header at the start of {@code file}. Every field is checked against what this version writes or can
     * read, so that a damaged header is reported as such and never makes the reader derive a key for minutes.
     */
    static Parsed parse(byte[] file, StoreMessages messages) throws TokenStoreException {
        if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw messages.foreign("it does not start with the store's marker");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        try {
            int version = in.get() & 0xff;
            if (version > VERSION) {
                throw messages.newerFormat(version);
            }
            if (version != VERSION) {
                throw messages.damaged("format version " + version + " does not exist");
            }
            int kdf = in.get() & 0xff;
            int iterations = in.getInt();
            byte[] salt = bytes(in, in.get() & 0xff);
            checkKeyDerivation(kdf, iterations, salt.length, messages);
            byte[] keyId = bytes(in, KEY_ID_BYTES);
            String clientName = new String(bytes(in, in.get() & 0xff), StandardCharsets.US_ASCII);
            byte[] nonce = bytes(in, NONCE_BYTES);
            if (in.remaining() < TAG_BYTES) {
                throw messages.damaged("it is truncated: it ends before its authentication tag");
            }
            return new Parsed(new StoreHeader(kdf, iterations, salt, keyId, clientName, nonce), in.position());
        } catch (java.nio.BufferUnderflowException e) {
            throw messages.damaged("it is truncated: it ends inside its header");
        }
    }

    private static void checkKeyDerivation(int kdf, int iterations, int saltLength, StoreMessages messages)
            throws TokenStoreException {
        if (kdf == KDF_RAW) {
            if (iterations != 0 || saltLength != 0) {
                throw messages.damaged("its header has a salt or iteration count for a raw key");
            }
        } else if (kdf == KDF_PBKDF2) {
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw messages.damaged("its header asks for " + Integer.toUnsignedString(iterations)
                        + " PBKDF2 iterations, outside 1 to " + MAX_ITERATIONS);
            }
            if (saltLength < MIN_SALT_BYTES || saltLength > MAX_SALT_BYTES) {
                throw messages.damaged("its header has a " + saltLength + "-byte salt");
            }
        } else {
            throw messages.damaged("its header names key derivation " + kdf + ", which does not exist");
        }
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }
}
