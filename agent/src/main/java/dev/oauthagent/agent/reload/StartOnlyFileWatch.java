package dev.oauthagent.agent.reload;

import dev.oauthagent.agent.token.auth.FileStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * A secret's file whose value the agent uses only as it was at start (a truststore's or a key's password, the token
 * store's key): looked at on the agent's watch thread, and a change is said once, with what to do, rather than
 * silently ignored. The value itself is never read here.
 */
public final class StartOnlyFileWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StartOnlyFileWatch.class);

    private final String clientName;
    private final String key;
    private final Path file;
    // Touched only by the watch thread.
    private FileStamp stamp;

    public StartOnlyFileWatch(String clientName, String key, Path file) {
        this.clientName = clientName;
        this.key = key;
        this.file = file;
        this.stamp = FileStamp.of(file);
    }

    @Override
    public void run() {
        String warning = check();
        if (warning != null) {
            LOG.warn(warning);
        }
    }

    /** The warning to log once for a change since the last look, or null. */
    String check() {
        FileStamp now = FileStamp.of(file);
        if (now == null || now.equals(stamp)) {
            return null; // a file missing for a moment (mid-swap) is no change yet
        }
        stamp = now;
        return "client '" + clientName + "': " + key + " changed in file " + file + ", but it is read only at start;"
                + " restart the application to apply it (the value read at start stays in use)";
    }
}
