package dev.oauthagent.agent.config;

import java.nio.charset.StandardCharsets;
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

    private Secret(String value, String origin) {
        if (value == null) {
            throw new IllegalArgumentException("secret value must not be null");
        }
        this.value = value;
        this.origin = origin == null ? "unknown source" : origin;
    }

    public static Secret of(String value, String origin) {
        return new Secret(value, origin);
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
