package dev.oauthagent.agent.token.auth.key;

/**
 * Why a private key (or a mutual-TLS certificate) could not be loaded. The message completes "&lt;key&gt; ..." for
 * the configuration key {@link #key()} names, and names the fix; it never holds the key, the password or the
 * file's content.
 */
public final class KeyLoadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String key;

    KeyLoadException(String message) {
        this("private-key", message);
    }

    KeyLoadException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The configuration key to fix: private-key, or client-certificate. */
    public String key() {
        return key;
    }
}
