package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A client secret as it is now. A literal or an env var is fixed for the life of the JVM; a secret from a file is
 * read again when the file changed, so that a rotated secret is used from the next token request without a
 * restart (docs/decisions/0025). Whether it changed is looked up only when a token request asks for the secret,
 * which runs on the token cache's thread, never on an application's: at most once per {@link #CHECK_INTERVAL_NANOS}
 * the file's {@link FileStamp} is compared with the one of the last read, and only a different stamp reads the
 * file. A file that cannot be read, or reads empty (a writer that truncates before it writes), leaves the value
 * read before in use and is warned about once until it reads again.
 */
public final class CurrentSecret {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentSecret.class);
    /** How often a busy client looks at the file; token requests are minutes apart, retries seconds. */
    static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String key;
    private final String clientName;
    private final String clientId;
    private final Ticker ticker;
    private final SecretListener listener;
    // Guarded by this: the cache's thread asks, but a revocation or a login may ask from another.
    private Secret current;
    /** The stamp of the last read; null before the first check, so that the first request reads the file. */
    private FileStamp stamp;
    private boolean checked;
    private long checkedAt;
    private String lastProblem;

    CurrentSecret(String clientName, String clientId, Secret secret, Ticker ticker, SecretListener listener) {
        this("client-secret", clientName, clientId, secret, ticker, listener);
    }

    /**
     * @param key      the client key the secret is the value of, as the log lines name it
     * @param clientId the user name a Basic value pairs the secret with, so the scrubber knows that form too
     */
    public CurrentSecret(String key, String clientName, String clientId, Secret secret, Ticker ticker,
            SecretListener listener) {
        this.key = key;
        this.clientName = clientName;
        this.clientId = clientId;
        this.current = secret;
        this.ticker = ticker;
        this.listener = listener;
    }

    /** The value to send now; looks at the file first when the last look is {@link #CHECK_INTERVAL_NANOS} old. */
    public synchronized Secret get() {
        if (current.file() != null && (!checked || ticker.read() - checkedAt >= CHECK_INTERVAL_NANOS)) {
            check(false);
        }
        return current;
    }

    /**
     * The next {@link #get()} looks at the file whatever the interval: the value was refused (a proxy's 407), and a
     * rotation may have replaced it by then.
     */
    public synchronized void lookAgainNextTime() {
        checked = false;
    }

    /**
     * Looks at the file now, whatever the interval: the server refused the secret, and a rotation may be why.
     *
     * @return true when the value changed, so that a request with it may succeed where the last one failed
     */
    synchronized boolean changedOnReread() {
        if (current.file() == null) {
            return false;
        }
        Secret before = current;
        check(true);
        return !before.equals(current);
    }

    /** @param force read even when the stamp is the same: a rewrite in place within the clock's tick keeps it */
    private void check(boolean force) {
        checked = true;
        checkedAt = ticker.read();
        FileStamp now = FileStamp.of(current.file()); // before the read: a change in between is seen next time
        if (!force && now != null && now.equals(stamp)) {
            return;
        }
        Secret fresh;
        try {
            fresh = current.reread();
        } catch (IOException e) {
            problem(e.getMessage() + "; the value read before stays in use");
            return;
        }
        if (fresh.isEmpty()) {
            problem("refers to " + current.origin() + ", which is empty now; the value read before stays in use "
                    + "until the file holds a value");
            return;
        }
        stamp = now == null || now.isSettled() ? now : null; // a file just written may change again, same stamp
        if (lastProblem != null) {
            LOG.info(log(key + " can be read again from " + current.origin()));
            lastProblem = null;
        }
        if (!fresh.equals(current)) {
            listener.secretRead(clientName, clientId, fresh); // before anyone can send, and so log, the value
            current = fresh;
            LOG.info(log(key + " changed in " + fresh.origin() + "; token requests use the new value from now"));
        }
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            LOG.warn(log(key + " " + message));
            lastProblem = message;
        }
    }

    private String log(String text) {
        return "client '" + clientName + "': " + text;
    }

    @Override
    public synchronized String toString() {
        return current.toString();
    }
}
