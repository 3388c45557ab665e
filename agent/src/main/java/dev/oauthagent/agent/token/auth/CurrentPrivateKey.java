package dev.oauthagent.agent.token.auth;

import dev.oauthagent.agent.config.PrivateKeyConfig;
import dev.oauthagent.agent.token.auth.key.KeyLoadException;
import dev.oauthagent.agent.token.auth.key.PrivateKeyFile;
import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;
import dev.oauthagent.agent.token.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.Key;
import java.security.PrivateKey;

/**
 * private_key_jwt's key as it is now: loaded from its file, and loaded again when the file's {@link FileStamp}
 * changed (a rotated key is used without a restart), looked at on a token request at most once per
 * {@link CurrentSecret#CHECK_INTERVAL_NANOS}, as {@link CurrentSecret} does for a secret's file. A file that cannot
 * be loaded now, or holds a key the configured algorithm cannot sign with, leaves the key loaded before in use and
 * is warned about once until it loads again.
 */
final class CurrentPrivateKey implements AssertionKey {
    private static final Logger LOG = LoggerFactory.getLogger(CurrentPrivateKey.class);

    private final String clientName;
    private final PrivateKeyConfig config;
    private final SigningAlgorithm algorithm;
    private final Ticker ticker;
    // Guarded by this.
    private PrivateKey key;
    private FileStamp stamp;
    private long checkedAt;
    private String lastProblem;

    /** Loads the key now; configuration loaded it once already, so a failure here is a file changed since. */
    CurrentPrivateKey(String clientName, PrivateKeyConfig config, SigningAlgorithm algorithm, Ticker ticker) {
        this.clientName = clientName;
        this.config = config;
        this.algorithm = algorithm;
        this.ticker = ticker;
        this.stamp = FileStamp.of(config.path());
        this.checkedAt = ticker.read();
        try {
            this.key = PrivateKeyFile.load(config.path(), config.passwordChars(), config.alias());
        } catch (KeyLoadException e) {
            throw new IllegalArgumentException("client '" + clientName + "': private-key " + e.getMessage());
        }
    }

    @Override
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public synchronized Key current() {
        if (ticker.read() - checkedAt >= CurrentSecret.CHECK_INTERVAL_NANOS) {
            check(false);
        }
        return key;
    }

    @Override
    public synchronized boolean changedOnReread() {
        PrivateKey before = key;
        check(true);
        return !before.equals(key);
    }

    private void check(boolean force) {
        checkedAt = ticker.read();
        FileStamp now = FileStamp.of(config.path());
        if (!force && now != null && now.equals(stamp)) {
            return;
        }
        PrivateKey fresh;
        try {
            fresh = PrivateKeyFile.load(config.path(), config.passwordChars(), config.alias());
        } catch (KeyLoadException e) {
            problem(e.getMessage());
            return;
        }
        String mismatch = algorithm.mismatch(fresh);
        if (mismatch != null) {
            problem("in " + config.path() + " " + mismatch);
            return;
        }
        stamp = now == null || now.isSettled() ? now : null;
        lastProblem = null;
        if (!fresh.equals(key)) {
            key = fresh;
            LOG.info("client '" + clientName + "': private-key changed in " + config.path() + "; client assertions "
                    + "are signed with the new key from now");
        }
    }

    private void problem(String message) {
        if (!message.equals(lastProblem)) {
            LOG.warn("client '" + clientName + "': private-key " + message + "; the key loaded before stays in use");
            lastProblem = message;
        }
    }

    @Override
    public String toString() {
        return algorithm + " with private-key " + config;
    }
}
