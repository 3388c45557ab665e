package dev.oauthagent.agent.scrub;

/**
 * What a secret is replaced with: the configured marker ({@code [REDACTED]}), optionally with the secret's
 * fingerprint inside its closing bracket ({@code [REDACTED:1a2b3c4d]}) so operators can tell which token a line
 * carried without seeing it.
 */
final class Replacement {
    static final String DEFAULT = "[REDACTED]";

    private final String marker;
    private final boolean fingerprint;
    private final String stem;

    Replacement(String marker, boolean fingerprint) {
        this.marker = marker;
        this.fingerprint = fingerprint;
        this.stem = marker.endsWith("]") ? marker.substring(0, marker.length() - 1) : marker;
    }

    boolean withFingerprint() {
        return fingerprint;
    }

    /** The start every replacement shares: a value that begins with it was redacted already. */
    String stem() {
        return stem;
    }

    /** @param fingerprint the secret's fingerprint, ignored unless fingerprints are on */
    String text(String fingerprint) {
        if (!this.fingerprint) {
            return marker;
        }
        return marker.endsWith("]") ? stem + ":" + fingerprint + "]" : marker + ":" + fingerprint;
    }
}
