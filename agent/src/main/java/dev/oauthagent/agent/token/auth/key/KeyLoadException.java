package dev.oauthagent.agent.token.auth.key;

/**
 * Why a private key could not be loaded. The message completes "private-key ..." and names the fix; it never holds
 * the key, the password or the file's content.
 */
public final class KeyLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyLoadException(String message) {
        super(message);
    }
}
