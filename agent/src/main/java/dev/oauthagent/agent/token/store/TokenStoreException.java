package dev.oauthagent.agent.token.store;

/**
 * Why the token store could not be read or written. The message names the client, the file and what to do,
 * never a token, a key or any of the file's content; the caller logs it and applies the client's fail mode.
 * The file is left as it was: a damaged, foreign or unreadable store is never overwritten behind the user's
 * back.
 */
public final class TokenStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for the caller's decision; the message says it to the user. */
    public enum Reason {
        /** The file or its directory cannot be read: missing permission, not a regular file, I/O error. */
        UNREADABLE,
        /** The file is not a token store of this agent (another file, or one too large to be one). */
        FOREIGN,
        /** The file was written by a newer version of the agent, in a format this one does not know. */
        NEWER_FORMAT,
        /** Truncated, altered or damaged: its authentication failed or its structure is broken. */
        DAMAGED,
        /** Encrypted with neither token-store-key nor token-store-key-previous. */
        WRONG_KEY,
        /** The file holds another client's tokens. */
        WRONG_CLIENT,
        /** Another process held the store's lock for longer than the wait allowed; retrying later may work. */
        BUSY,
        /** The store's directory is missing or unsafe (writable by other users). */
        UNSAFE_DIRECTORY,
        /** The new file could not be written (permission, disk full); the old one is unchanged. */
        UNWRITABLE
    }

    private final Reason reason;

    TokenStoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Only for I/O failures, whose exceptions name paths and system errors, never content. */
    TokenStoreException(Reason reason, String message, Throwable ioCause) {
        super(message, ioCause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Whether the same call may succeed later without the user doing anything (only a busy lock). */
    public boolean isTransient() {
        return reason == Reason.BUSY;
    }
}
