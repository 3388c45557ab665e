package dev.oauthagent.agent.token.store;

import dev.oauthagent.agent.config.TokenStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;

/**
 * One client's encrypted token store: a file holding its {@link TokenRecord}, encrypted with AES-256-GCM
 * under the configured key ({@link StoreHeader} describes the format).
 *
 * <p>The grants use it in three ways:
 * <ul>
 *   <li>{@link #read()} at start, for the refresh token a login stored;</li>
 *   <li>{@link #update} for every refresh: it locks the store against every other JVM using the file, re-reads
 *       the record under the lock, runs the grant's {@link TokenRefresher} on it and writes what it returns,
 *       then unlocks. Two JVMs therefore never spend the same single-use refresh token: the second one finds
 *       the token the first one stored and uses it instead;</li>
 *   <li>{@link #write} after a login and {@link #delete()} at logout.</li>
 * </ul>
 *
 * <p>A file this store cannot open (damaged, foreign, another key, another client) is reported with a
 * {@link TokenStoreException} that says what to do, and is never overwritten: {@link #update} and
 * {@link #write} refuse to replace it; only {@link #delete()} removes it. A file read with
 * {@code token-store-key-previous} is rewritten under the current key by the next {@link #update} or
 * {@link #write}. Thread-safe.
 */
public final class TokenStore {
    private static final Logger log = LoggerFactory.getLogger(TokenStore.class);

    /** A refresh holds the lock for one token request; this is well above connect plus read timeout. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);
    /** A store file holds a record of a few kilobytes; anything this large is some other file. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final String clientName;
    private final boolean keepAccessToken;
    private final long lockWaitNanos;
    private final StoredTokenListener listener;
    private final StoreFiles files;
    private final StoreKeys keys;
    private final StoreMessages messages;
    private final SecureRandom random;
    private final Clock clock;

    TokenStore(String clientName, TokenStoreConfig config, Duration lockWait, StoredTokenListener listener,
            int writeIterations, SecureRandom random, Clock clock) {
        this.clientName = clientName;
        this.keepAccessToken = config.keepAccessToken();
        this.lockWaitNanos = lockWait.toNanos();
        this.listener = listener;
        this.messages = new StoreMessages(clientName, config);
        this.files = new StoreFiles(config.path(), messages);
        this.keys = new StoreKeys(config.key(), config.previousKey(), writeIterations, random);
        this.random = random;
        this.clock = clock;
        if (!files.ownerOnlyPossible()) {
            log.warn(messages.noPosixPermissions());
        }
    }

    /**
     * @param lockWait how long {@link #update}, {@link #write} and {@link #delete} wait for another process
     *                 holding the store; {@link #DEFAULT_LOCK_WAIT} unless the caller knows better
     * @param listener told of every record read or written (the log scrubber); may be null
     */
    public static TokenStore open(String clientName, TokenStoreConfig config, Duration lockWait,
            StoredTokenListener listener) {
        return new TokenStore(clientName, config, lockWait, listener, StoreKeys.ITERATIONS, new SecureRandom(),
                Clock.systemUTC());
    }

    /** The stored record, or null when there is none (no file yet). Takes no lock: a write replaces the file whole. */
    public TokenRecord read() throws TokenStoreException {
        files.checkDirectory();
        Loaded loaded = load();
        return loaded == null ? null : loaded.record;
    }

    /**
     * Locks the store, re-reads it, runs {@code refresher} on what it holds and stores what it decides, then
     * unlocks. Whatever the refresher throws passes through, and leaves the file as it was.
     *
     * @return the record stored when this returns; null when there is none
     * @throws TokenStoreException the store cannot be read or written, or stayed locked longer than the wait
     */
    public <X extends Exception> TokenRecord update(TokenRefresher<X> refresher) throws TokenStoreException, X {
        files.checkDirectory();
        try (StoreLock ignored = StoreLock.acquire(files, lockWaitNanos, messages)) {
            Loaded loaded = load();
            TokenRecord current = loaded == null ? null : loaded.record;
            StoreUpdate update = refresher.refresh(current);
            switch (update.action()) {
                case REPLACE:
                    return store(update.record());
                case DELETE:
                    files.delete();
                    return null;
                default:
                    return loaded != null && loaded.underPreviousKey ? store(current) : current;
            }
        }
    }

    /** Stores {@code record} (after a login), under the lock; refuses to replace a file it cannot open. */
    public TokenRecord write(TokenRecord record) throws TokenStoreException {
        return update(new Replace(record));
    }

    /** Deletes the store (logout), whatever it holds, under the lock. @return whether there was a file */
    public boolean delete() throws TokenStoreException {
        files.checkDirectory();
        try (StoreLock ignored = StoreLock.acquire(files, lockWaitNanos, messages)) {
            return files.delete();
        }
    }

    private TokenRecord store(TokenRecord record) throws TokenStoreException {
        TokenRecord stored = (keepAccessToken ? record : record.withoutAccessToken()).savedAt(clock.instant());
        tell(stored); // before the file holds it: from then on another JVM may read and use it
        DerivedKey key = keys.forWriting();
        byte[] nonce = new byte[StoreHeader.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = new StoreHeader(key.kdf, key.iterations, key.salt, key.keyId, clientName, nonce).encode();
        byte[] plaintext = RecordCodec.encode(stored);
        byte[] sealed;
        try {
            sealed = StoreCipher.seal(key, header, nonce, plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        byte[] file = Arrays.copyOf(header, header.length + sealed.length);
        System.arraycopy(sealed, 0, file, header.length, sealed.length);
        files.replace(file);
        return stored;
    }

    private Loaded load() throws TokenStoreException {
        byte[] file = files.read(MAX_FILE_BYTES);
        if (file == null) {
            return null;
        }
        StoreHeader.Parsed parsed = StoreHeader.parse(file, messages);
        StoreHeader header = parsed.header;
        if (!header.clientName.equals(clientName)) {
            throw isClientName(header.clientName) ? messages.wrongClient(header.clientName)
                    : messages.damaged("its header names no valid client");
        }
        StoreKeys.Match match = keys.forReading(header);
        if (match == null) {
            throw messages.wrongKey();
        }
        byte[] plaintext;
        try {
            plaintext = StoreCipher.open(match.key, file, parsed.length, header.nonce);
        } catch (AEADBadTagException e) {
            throw messages.damaged("its authentication failed");
        }
        try {
            TokenRecord record = RecordCodec.decode(plaintext);
            tell(record);
            return new Loaded(record, match.previous);
        } catch (IOException e) {
            throw messages.damaged("its record cannot be read");
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Client names as configuration allows them; anything else in a header is damage, and is not printed. */
    private static boolean isClientName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private void tell(TokenRecord record) {
        if (listener == null) {
            return;
        }
        try {
            listener.storedTokens(clientName, record);
        } catch (RuntimeException e) {
            // Class name only: a message could quote what the listener was handling.
            log.warn("client '{}': the token store listener (log scrubbing) failed with {}; stored tokens may be "
                    + "caught only by the fallback patterns. Please report this as a bug.", clientName,
                    e.getClass().getName());
        }
    }

    @Override
    public String toString() {
        return "TokenStore{client=" + clientName + ", file=" + files.path() + ", keys=" + keys + "}";
    }

    private static final class Loaded {
        final TokenRecord record;
        final boolean underPreviousKey;

        Loaded(TokenRecord record, boolean underPreviousKey) {
            this.record = record;
            this.underPreviousKey = underPreviousKey;
        }
    }

    /** {@link #write}'s refresher: a class, so that its one job has a name. */
    private static final class Replace implements TokenRefresher<RuntimeException> {
        private final TokenRecord record;

        Replace(TokenRecord record) {
            this.record = record;
        }

        @Override
        public StoreUpdate refresh(TokenRecord current) {
            return StoreUpdate.replace(record);
        }
    }
}
