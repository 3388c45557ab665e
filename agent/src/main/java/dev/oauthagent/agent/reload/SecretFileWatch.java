package dev.oauthagent.agent.reload;

import dev.oauthagent.agent.token.auth.FileStamp;
import dev.oauthagent.agent.token.cache.TokenCache;

import java.nio.file.Path;

/**
 * A client secret's file, looked at on the agent's watch thread: when it changes, the client asks for a token at
 * once ({@link TokenCache#credentialsChanged()}), which also ends a backoff after the server refused the old
 * secret. Without it, a server that rotated first and refused the old secret would park the client for the
 * terminal backoff (minutes) even though the new secret arrived seconds later. The token request reads the file
 * itself; this only compares stamps.
 */
public final class SecretFileWatch implements Runnable {
    private final Path file;
    /** Asks the client's cache for a token now: {@link TokenCache#credentialsChanged()}. */
    private final Runnable credentialsChanged;
    // Touched only by the watch thread.
    private FileStamp stamp;

    public SecretFileWatch(Path file, Runnable credentialsChanged) {
        this.file = file;
        this.credentialsChanged = credentialsChanged;
        this.stamp = FileStamp.of(file);
    }

    @Override
    public void run() {
        FileStamp now = FileStamp.of(file);
        if (now != null && !now.equals(stamp)) {
            credentialsChanged.run();
        }
        if (now != null) {
            stamp = now; // a file missing for a moment (mid-swap) is no change; its return with other content is
        }
    }
}
