package dev.oauthagent.agent.token.store;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The token store's messages. Each stands alone (it names the agent, the client and the file) and ends with
 * what to do. None holds a token, a key or a byte of the file: only paths, key origins and counts.
 */
final class StoreMessages {
    private final String clientName;
    private final Path path;
    private final String keys;
    private final String login;

    StoreMessages(String clientName, TokenStoreConfig config) {
        this.clientName = clientName;
        this.path = config.path();
        this.keys = describe("token-store-key", config.key())
                + (config.previousKey() == null ? "" : " nor " + describe("token-store-key-previous",
                        config.previousKey()));
        this.login = "java -jar oauth-agent.jar login " + clientName;
    }

    private static String describe(String key, TokenStoreKey value) {
        return key + " (" + (value.form() == TokenStoreKey.Form.RAW_KEY ? "a key" : "a passphrase") + " from "
                + value.origin() + ")";
    }

    private String store(String text) {
        return "oauth-agent: client '" + clientName + "': token store " + path + " " + text;
    }

    /** The advice for a file the agent will not use and will not overwrite. */
    private String moveAway() {
        return "the agent leaves it as it is: move it away (or delete it) and run " + login
                + " to store a new refresh token";
    }

    TokenStoreException foreign(String detail) {
        return new TokenStoreException(TokenStoreException.Reason.FOREIGN,
                store("is not an oauth-agent token store (" + detail + "); point "
                        + key("token-store") + " at the store's file, or " + moveAway()));
    }

    TokenStoreException newerFormat(int version) {
        return new TokenStoreException(TokenStoreException.Reason.NEWER_FORMAT,
                store("was written by a newer oauth-agent (format version " + version + "); run that version, or "
                        + moveAway()));
    }

    TokenStoreException damaged(String detail) {
        return new TokenStoreException(TokenStoreException.Reason.DAMAGED,
                store("is damaged or was altered (" + detail + "); " + moveAway()));
    }

    TokenStoreException wrongKey() {
        return new TokenStoreException(TokenStoreException.Reason.WRONG_KEY,
                store("was encrypted with another key: neither " + keys + " opens it (or its header was altered); "
                        + "if the key was changed, set " + key("token-store-key-previous") + " to the old one, "
                        + "else " + moveAway()));
    }

    TokenStoreException wrongClient(String owner) {
        return new TokenStoreException(TokenStoreException.Reason.WRONG_CLIENT,
                store("holds the tokens of client '" + owner + "', not of '" + clientName + "'; give each client "
                        + "its own file in " + key("token-store")));
    }

    TokenStoreException notAFile(String what) {
        return new TokenStoreException(TokenStoreException.Reason.UNREADABLE,
                store("is " + what + "; point " + key("token-store") + " at a regular file (it need not exist yet)"));
    }

    TokenStoreException tooLarge(long limit) {
        return foreign("it is larger than " + limit / 1024 + " KiB");
    }

    TokenStoreException unreadable(IOException e) {
        return new TokenStoreException(TokenStoreException.Reason.UNREADABLE,
                store("cannot be read (" + describe(e) + "); it must be readable and writable by the application's "
                        + "user, as must its directory"), e);
    }

    TokenStoreException unwritable(IOException e) {
        return new TokenStoreException(TokenStoreException.Reason.UNWRITABLE,
                store("cannot be written (" + describe(e) + "); the file is unchanged. Its directory "
                        + path.getParent() + " must be writable by the application's user and have free space"), e);
    }

    TokenStoreException noAtomicReplace(IOException e) {
        return new TokenStoreException(TokenStoreException.Reason.UNWRITABLE,
                store("cannot be written: the file system of " + path.getParent() + " cannot replace a file "
                        + "atomically (" + describe(e) + "); put the store on a local file system"), e);
    }

    TokenStoreException directoryMissing() {
        return new TokenStoreException(TokenStoreException.Reason.UNSAFE_DIRECTORY,
                store("cannot be used: its directory " + path.getParent() + " does not exist; create it, for the "
                        + "application's user only (mkdir -m 700 " + path.getParent() + ")"));
    }

    TokenStoreException directoryNotADirectory() {
        return new TokenStoreException(TokenStoreException.Reason.UNSAFE_DIRECTORY,
                store("cannot be used: " + path.getParent() + " is not a directory; fix " + key("token-store")));
    }

    TokenStoreException directoryWritableByOthers() {
        return new TokenStoreException(TokenStoreException.Reason.UNSAFE_DIRECTORY,
                store("is not used: its directory " + path.getParent() + " is writable by every user, who could "
                        + "replace or delete the store and its lock; use a directory only the application's user can "
                        + "write (chmod 700 " + path.getParent() + ")"));
    }

    TokenStoreException busy(Path lockFile, long waitedMillis) {
        return new TokenStoreException(TokenStoreException.Reason.BUSY,
                store("is locked by another process or thread (lock file " + lockFile + ") and was not released "
                        + "within " + waitedMillis + " ms; another JVM sharing the store may be refreshing the token "
                        + "or hang: it is tried again later, and fuser " + lockFile + " shows who holds it"));
    }

    TokenStoreException interrupted(Path lockFile) {
        return new TokenStoreException(TokenStoreException.Reason.BUSY,
                store("was not locked: the thread was interrupted while waiting for lock file " + lockFile));
    }

    /** A warning for the agent's log, which adds its own prefix. */
    String noPosixPermissions() {
        return "client '" + clientName + "': token store " + path + ": the file system of " + path.getParent()
                + " has no POSIX permissions, so the agent cannot create the file readable by its owner only; keep "
                + "it in a directory only the application's user can read";
    }

    private String key(String name) {
        return "oauth.agent.clients." + clientName + "." + name;
    }

    /** The exception's class and its system reason (never file content: I/O messages name paths and errors). */
    private static String describe(IOException e) {
        String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : ": " + reason);
    }
}
