package dev.oauthagent.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A secret value (client secret, truststore password) together with where it came from.
 *
 * <p>The value is only reachable through {@link #reveal()}, so that a secret cannot reach a log line,
 * exception message or printed configuration by accident: {@link #toString()} is always masked. The
 * origin ("env var BILLING_SECRET", "file /run/secrets/x", "properties file") is safe to print and is
 * what error messages point the user to.
 */
public final class Secret {
    public static final String MASK = "****";

    private final String value;
    private final String origin;
    /** The file a {@code ${file:/path}} reference named, as written; null for every other origin. */
    private final Path file;

    private Secret(String value, String origin, Path file) {
        if (value == null) {
            throw new IllegalArgumentException("secret value must not be null");
        }
        this.value = value;
        this.origin = origin == null ? "unknown source" : origin;
        this.file = file;
    }

    public static Secret of(String value, String origin) {
        return new Secret(value, origin, null);
    }

    /** A value read from {@code file}; its origin is "file " and the path as the reference wrote it. */
    public static Secret fromFile(String value, Path file) {
        return new Secret(value, "file " + file, file);
    }

    /** The file the value was read from, so that it can be read again when it changes; null when not a file. */
    public Path file() {
        return file;
    }

    /**
     * The file's current content as a new secret, read as at start (regular file, size cap, time limit, one trailing
     * newline dropped).
     *
     * @throws IOException with a message naming the file and the fix, never the value
     * @throws IllegalStateException when this secret did not come from a file
     */
    public Secret reread() throws IOException {
        if (file == null) {
            throw new IllegalStateException("a secret from " + origin + " cannot be read again");
        }
        try {
            return SecretReferences.fromFile(file);
        } catch (InvalidValueException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** The plaintext. Call only where the value is sent to its destination or registered for scrubbing. */
    public String reveal() {
        return value;
    }

    /** Where the value came from, safe to print: "env var X", "file /path", "properties file /p", ... */
    public String origin() {
        return origin;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Secret)) {
            return false;
        }
        // Constant time, so equality checks cannot leak the value through timing.
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative
    }

    @Override
    public String toString() {
        return MASK + " (from " + origin + ")";
    }
}
