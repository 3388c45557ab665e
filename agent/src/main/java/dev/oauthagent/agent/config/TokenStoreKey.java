package dev.oauthagent.agent.config;

import java.util.Base64;

/**
 * A key of the encrypted token store as configured in {@code token-store-key} or
 * {@code token-store-key-previous}: either a raw AES-256 key, written in base64 (what
 * {@code openssl rand -base64 32} prints), or a passphrase, written as {@code passphrase:<text>}, from which the
 * store derives its key. A value that is neither is refused, so that a key pasted with a character missing is
 * never taken for a weak passphrase (docs/decisions/0019-token-store-key-or-passphrase.md).
 *
 * <p>{@link #toString()} names the form and the origin, never the value.
 */
public final class TokenStoreKey {
    /** How the store gets its AES key from this value. */
    public enum Form {
        /** 32 bytes, used as they are. */
        RAW_KEY,
        /** Stretched with PBKDF2-HMAC-SHA256 and a random salt. */
        PASSPHRASE
    }

    public static final String PASSPHRASE_PREFIX = "passphrase:";
    public static final int KEY_BYTES = 32;
    /** The store's key is attackable offline, so a passphrase must be long; a raw key is better still. */
    public static final int MIN_PASSPHRASE_LENGTH = 12;

    private final Form form;
    private final byte[] rawKey;
    private final char[] passphrase;
    private final Secret secret;

    private TokenStoreKey(Form form, byte[] rawKey, char[] passphrase, Secret secret) {
        this.form = form;
        this.rawKey = rawKey;
        this.passphrase = passphrase;
        this.secret = secret;
    }

    /**
     * The key a resolved value holds. Messages name the value's origin and never repeat the value, not even
     * in part: a mistyped key is still most of a key.
     */
    static TokenStoreKey parse(Secret value) throws InvalidValueException {
        String text = value.reveal();
        String from = " (the value of " + value.origin() + ")";
        if (text.startsWith(PASSPHRASE_PREFIX)) {
            String passphrase = text.substring(PASSPHRASE_PREFIX.length());
            if (passphrase.length() < MIN_PASSPHRASE_LENGTH) {
                throw new InvalidValueException("holds a passphrase shorter than " + MIN_PASSPHRASE_LENGTH
                        + " characters" + from + "; use a longer one, or better a random key from "
                        + "openssl rand -base64 32");
            }
            return new TokenStoreKey(Form.PASSPHRASE, null, passphrase.toCharArray(), value);
        }
        byte[] key = decodeKey(text.trim());
        if (key == null) {
            throw new InvalidValueException("is neither a base64-encoded 32-byte key nor a passphrase" + from
                    + "; write a key as printed by openssl rand -base64 32, or a passphrase as "
                    + PASSPHRASE_PREFIX + "<at least " + MIN_PASSPHRASE_LENGTH + " characters>");
        }
        if (key.length != KEY_BYTES) {
            throw new InvalidValueException("decodes to " + key.length + " bytes" + from + ", but an AES-256 key "
                    + "is " + KEY_BYTES + " bytes; make one with openssl rand -base64 32");
        }
        return new TokenStoreKey(Form.RAW_KEY, key, null, value);
    }

    /** A raw key given in code (tests, tools); {@code origin} is what messages name as its source. */
    public static TokenStoreKey ofRawKey(byte[] key, String origin) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        String base64 = Base64.getEncoder().encodeToString(key);
        return new TokenStoreKey(Form.RAW_KEY, key.clone(), null, Secret.of(base64, origin));
    }

    /** A passphrase given in code (tests, tools); {@code origin} is what messages name as its source. */
    public static TokenStoreKey ofPassphrase(String passphrase, String origin) {
        if (passphrase.length() < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("a passphrase has at least " + MIN_PASSPHRASE_LENGTH + " characters");
        }
        return new TokenStoreKey(Form.PASSPHRASE, null, passphrase.toCharArray(),
                Secret.of(PASSPHRASE_PREFIX + passphrase, origin));
    }

    /** Standard or URL-safe base64, padded or not; null when the text is neither. */
    private static byte[] decodeKey(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrlSafe) {
                return null;
            }
        }
    }

    /** The passphrase part of a configured value, or null when it is not one: what log scrubbing must hide. */
    public static String passphraseOf(Secret value) {
        String text = value.reveal();
        return text.startsWith(PASSPHRASE_PREFIX) ? text.substring(PASSPHRASE_PREFIX.length()) : null;
    }

    public Form form() {
        return form;
    }

    /** Where the value came from ("env var X", "file /p"), safe to print. */
    public String origin() {
        return secret.origin();
    }

    /** The configured value, for log scrubbing. */
    public Secret secret() {
        return secret;
    }

    /** A copy of the 32 key bytes of a {@link Form#RAW_KEY}; only for the token store's cipher. */
    public byte[] rawKey() {
        if (form != Form.RAW_KEY) {
            throw new IllegalStateException("not a raw key");
        }
        return rawKey.clone();
    }

    /** A copy of the passphrase of a {@link Form#PASSPHRASE}; only for the token store's key derivation. */
    public char[] passphrase() {
        if (form != Form.PASSPHRASE) {
            throw new IllegalStateException("not a passphrase");
        }
        return passphrase.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TokenStoreKey)) {
            return false;
        }
        TokenStoreKey other = (TokenStoreKey) o;
        return form == other.form && secret.equals(other.secret);
    }

    @Override
    public int hashCode() {
        return form.hashCode(); // the value stays out of hash codes, as in Secret
    }

    @Override
    public String toString() {
        return (form == Form.RAW_KEY ? "raw key" : "passphrase") + " " + Secret.MASK + " (from " + origin() + ")";
    }
}
