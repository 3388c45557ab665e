package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.FormUrlEncoding;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;
import dev.oauthagent.agent.token.grant.RefreshTokenGrant;
import dev.oauthagent.agent.token.store.StoreUpdate;
import dev.oauthagent.agent.token.store.StoredTokenListener;
import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.agent.token.store.TokenRefresher;
import dev.oauthagent.agent.token.store.TokenStore;
import dev.oauthagent.agent.token.store.TokenStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The access tokens of a client that acts for a person (device code, authorization code, refresh token grants):
 * each one is the refresh token a login yielded, redeemed (RFC 6749 §6).
 *
 * <p>Without a token store the refresh token lives in memory. With one, every refresh runs inside
 * {@link TokenStore#update}: locked against every other JVM using the file, on the record re-read under the lock.
 * If the file holds another refresh token than this source's, another process (or {@code login}) replaced it: this
 * source takes that one, and its access token when one is stored with enough life left, instead of spending a
 * token that is already spent. A rotated refresh token is in memory and in the file before {@link #fetch} returns,
 * so before the cache serves the access token or releases a waiter.
 *
 * <p>A refresh token the server refuses ({@code invalid_grant}) is dropped, from memory and the store, and the
 * failure is terminal: only a new login helps, which its message says how to run. Until one arrives, a fetch
 * fails at once with the same advice without calling the server; with a store, each fetch reads the file again,
 * so a {@code login} run meanwhile is picked up by the cache's next attempt.
 *
 * <p>The first fetch (on the cache's thread, not the agent's start: a passphrase key takes a part of a second to
 * derive) reads the store; a device code client that then holds no refresh token starts its login
 * ({@link StartupLogin}) and fails with "waiting for the login" until it ends.
 *
 * <p>Every refresh token this source holds is told to the log scrubber first: by the store when there is one
 * (it tells of every record), else by this source. Thread-safe: fetches and a login's result are serialised.
 */
public final class UserGrantTokenSource implements TokenSource {
    private static final Logger log = LoggerFactory.getLogger(UserGrantTokenSource.class);

    /** A stored or just obtained access token is served only with this much life left; else a refresh is cheaper. */
    static final Duration MIN_SERVED_LIFETIME = Duration.ofSeconds(30);
    /** Beyond the exchange's time limit, for writing the store after a refresh (at exit, see RefreshInFlight). */
    private static final Duration STORE_WRITE_ALLOWANCE = Duration.ofSeconds(2);

    private final ClientConfig client;
    private final String tokenUrl;
    private final TokenEndpointClient endpoint;
    /** Null: the refresh token lives in memory only. */
    private final TokenStore store;
    /** Null when nothing scrubs; with a store, the store tells it. */
    private final StoredTokenListener scrubbing;
    private final Clock clock;
    private volatile LoginAdvice advice;
    /** Null: no login is run by the agent (the client waits for {@code login}). */
    private final InteractiveLogin startupLogin;
    private final RefreshInFlight inFlight;

    private final Object lock = new Object();
    // Guarded by lock.
    private String refreshToken;
    /** The refresh token this source redeemed last. */
    private String spent;
    /** The refresh token held was not written (the store failed): the file holds nothing, or {@link #spent}. */
    private boolean unsaved;
    /** A token obtained outside a fetch (a login, or one another JVM stored), served by the next fetch. */
    private AccessToken ready;
    private Instant readyExpiresAt;
    private boolean loaded;
    private boolean started;

    private volatile boolean loginRunning;
    /** Run when a login at start ended: the cache asks for a token at once. */
    private volatile Runnable whenLoginEnds = NOTHING;

    /**
     * @param store     the client's token store, or null for a refresh token in memory only
     * @param scrubbing told of every refresh token held when there is no store (the store tells it otherwise); may
     *                  be null
     * @param clock     the wall clock: stored access tokens carry their expiry for other JVMs
     * @param startupLogin the device flow the first fetch runs when a device code client holds no refresh token;
     *                  null when there is none
     */
    public UserGrantTokenSource(ClientConfig client, TokenEndpointClient endpoint, TokenStore store,
            StoredTokenListener scrubbing, Clock clock, InteractiveLogin startupLogin) {
        this.client = client;
        this.tokenUrl = client.tokenUrl().toString();
        this.endpoint = endpoint;
        this.store = store;
        this.scrubbing = scrubbing;
        this.clock = clock;
        this.advice = new LoginAdvice(client.name(), store != null, null);
        this.startupLogin = startupLogin;
        this.inFlight = new RefreshInFlight(client.name(),
                client.connectTimeout().plus(client.readTimeout()).plus(STORE_WRITE_ALLOWANCE));
    }

    /**
     * The agent's properties file, so the login command its advice prints can be pasted as it is; null when the
     * configuration came from system properties or the environment only.
     */
    void adviseWithConfigFile(String configFile) {
        this.advice = new LoginAdvice(client.name(), store != null, configFile);
    }

    /** {@code whenDone} runs when a login at start ended, however it ended (the cache's credentialsChanged). */
    public void whenLoginEnds(Runnable whenDone) {
        this.whenLoginEnds = whenDone;
    }

    /**
     * Reads the store, once: its refresh token, and its access token when one is stored with enough life left.
     * A store that cannot be read is not reported here: the refresh reads it again under its lock and reports why.
     * The first fetch calls this; a caller may call it earlier.
     */
    void loadStored() {
        synchronized (lock) {
            if (loaded) {
                return;
            }
            loaded = true;
            if (store == null) {
                return;
            }
            try {
                TokenRecord record = store.read();
                if (record != null && record.issuedBy(tokenUrl)) {
                    refreshToken = record.refreshToken();
                    readyFromStore(record);
                }
            } catch (TokenStoreException e) {
                log.debug("client '{}': token store not read at start ({}); the refresh reports it",
                        client.name(), e.reason());
            }
        }
    }

    /** Whether a refresh token is held (in memory, or read from the store at start). */
    public boolean holdsRefreshToken() {
        synchronized (lock) {
            return refreshToken != null;
        }
    }

    @Override
    public AccessToken fetch() throws TokenFetchException {
        synchronized (lock) {
            if (!started) {
                started = true;
                loadStored();
                startLoginIfNeeded();
            }
            AccessToken token = takeReady();
            if (token != null) {
                return token;
            }
            if (store == null) {
                return refreshInMemory();
            }
            return refreshInStore();
        }
    }

    /**
     * What a login ended with: served by the next fetch, and its refresh token held and stored. Called by the
     * login's thread; the caller then asks the cache for a token.
     */
    public void loginSucceeded(AccessToken token) {
        synchronized (lock) {
            Instant expiresAt = clock.instant().plusSeconds(token.lifetimeSeconds());
            ready = token;
            readyExpiresAt = expiresAt;
            if (token.refreshToken() == null) {
                log.warn("client '{}': the login gave no refresh token; its access token is used until it expires, "
                        + "then a new login is needed. Allow the refresh_token grant for this client on the "
                        + "authorization server.", client.name());
                return;
            }
            hold(token.refreshToken());
            if (store != null) {
                try {
                    store.write(TokenRecord.of(tokenUrl, token.refreshToken()).withAccessToken(token.value(),
                            expiresAt));
                } catch (TokenStoreException e) {
                    unsaved = true;
                    log.warn("{} The login is used; the next refresh tries to store it again.", e.getMessage());
                }
            }
        }
    }

    /** A device code client without a refresh token logs in at start; an authorization code one never does. */
    private void startLoginIfNeeded() {
        if (startupLogin == null || client.grantType() != GrantType.DEVICE_CODE || refreshToken != null) {
            return;
        }
        log.info("client '{}': no refresh token held; starting the device login (instructions on stderr)",
                client.name());
        loginRunning = true;
        StartupLogin.start(client.name(), this, startupLogin);
    }

    /** Called by the login's thread when it ended, however it ended. */
    void loginEnded() {
        loginRunning = false;
        whenLoginEnds.run();
    }

    private AccessToken refreshInMemory() throws TokenFetchException {
        if (refreshToken == null) {
            throw advice.loginNeeded(loginRunning);
        }
        String redeemed = refreshToken;
        try {
            AccessToken token = request(redeemed);
            spent = redeemed;
            hold(token.refreshToken() != null ? token.refreshToken() : redeemed);
            return token;
        } catch (TokenFetchException e) {
            if (isRefused(e)) {
                spent = redeemed;
                refreshToken = null;
                throw advice.refreshTokenRefused();
            }
            throw e;
        }
    }

    private AccessToken refreshInStore() throws TokenFetchException {
        StoreRefresh refresh = new StoreRefresh();
        inFlight.waitAtExit();
        try {
            store.update(refresh);
        } catch (TokenStoreException e) {
            if (refresh.failure != null) {
                throw refresh.failure;
            }
            if (refresh.token != null) { // redeemed and held, not written: the next refresh writes it
                unsaved = true;
                log.warn("{} The new refresh token is held in this JVM's memory until a write succeeds.",
                        e.getMessage());
                return refresh.token;
            }
            throw new TokenFetchException(e.getMessage(), e.isTransient() ? TokenFetchException.Kind.TRANSIENT
                    : TokenFetchException.Kind.TERMINAL, null, -1, -1, null);
        } finally {
            inFlight.stored();
        }
        if (refresh.failure != null) {
            throw refresh.failure;
        }
        unsaved = false;
        return refresh.token;
    }

    /** The refresh step under the store's lock; runs with this source's lock held. */
    private final class StoreRefresh implements TokenRefresher<TokenFetchException> {
        AccessToken token;
        /** Set with a DELETE: the store must drop the refused token before the failure is thrown. */
        TokenFetchException failure;

        @Override
        public StoreUpdate refresh(TokenRecord current) throws TokenFetchException {
            if (unsaved && refreshToken != null && (current == null || current.hasRefreshToken(spent))) {
                return redeem(refreshToken); // the file missed our last write; this one stores the token
            }
            if (current == null) {
                refreshToken = null; // never logged in, or logged out by another process
                throw advice.loginNeeded(loginRunning);
            }
            if (!current.issuedBy(tokenUrl)) {
                refreshToken = null;
                throw advice.issuedElsewhere(current.tokenEndpoint());
            }
            if (!current.hasRefreshToken(refreshToken)) { // rotated by another JVM, or a new login
                refreshToken = current.refreshToken();
                readyFromStore(current);
                token = takeReady();
                if (token != null) {
                    return StoreUpdate.keep();
                }
            }
            return redeem(current.refreshToken());
        }

        private StoreUpdate redeem(String redeemed) throws TokenFetchException {
            Instant sentAt = clock.instant();
            inFlight.sending(); // from here until the store's update returns, an exit waits for the write
            AccessToken obtained;
            try {
                obtained = request(redeemed);
            } catch (TokenFetchException e) {
                if (!isRefused(e)) {
                    throw e;
                }
                spent = redeemed;
                refreshToken = null;
                failure = advice.refreshTokenRefused();
                return StoreUpdate.delete();
            }
            spent = redeemed;
            String next = obtained.refreshToken() != null ? obtained.refreshToken() : redeemed;
            refreshToken = next;
            token = obtained;
            return StoreUpdate.replace(TokenRecord.of(tokenUrl, next).withAccessToken(obtained.value(),
                    sentAt.plusSeconds(obtained.lifetimeSeconds())));
        }
    }

    /**
     * One refresh request. A server may quote what it was sent in its error description, which the failure's
     * message repeats: the refresh token is taken out of it (the client's sanitizer knows only the secret).
     */
    private AccessToken request(String redeemed) throws TokenFetchException {
        try {
            return endpoint.fetch(new RefreshTokenGrant(redeemed, client.scopes()));
        } catch (TokenFetchException e) {
            String message = e.getMessage();
            String encoded = FormUrlEncoding.encode(redeemed);
            if (message == null || !message.contains(redeemed) && !message.contains(encoded)) {
                throw e;
            }
            throw new TokenFetchException(message.replace(redeemed, "[refresh token]").replace(encoded,
                    "[refresh token]"), e.kind(), e.errorCode(), e.httpStatus(), e.retryAfterSeconds(), null);
        }
    }

    /** {@code invalid_grant} on a refresh: the token expired, was revoked or was spent; only a login helps. */
    private static boolean isRefused(TokenFetchException e) {
        return "invalid_grant".equals(e.errorCode());
    }

    /** Holds {@code token} as the refresh token, telling the scrubber when no store does. */
    private void hold(String token) {
        refreshToken = token;
        if (store == null && scrubbing != null) {
            try {
                scrubbing.storedTokens(client.name(), TokenRecord.of(tokenUrl, token));
            } catch (RuntimeException e) {
                log.warn("client '{}': the log scrubber failed with {} on a refresh token; please report this as a "
                        + "bug.", client.name(), e.getClass().getName());
            }
        }
    }

    private void readyFromStore(TokenRecord record) {
        if (record.accessToken() != null) {
            ready = new AccessToken(record.accessToken(), "Bearer", 0, true, null, record.refreshToken(), null);
            readyExpiresAt = record.accessTokenExpiresAt();
        }
    }

    /** The token obtained outside a fetch, with the life it has left, once; null when none or too little left. */
    private AccessToken takeReady() {
        AccessToken token = ready;
        ready = null;
        if (token == null) {
            return null;
        }
        long left = Duration.between(clock.instant(), readyExpiresAt).getSeconds();
        if (left < MIN_SERVED_LIFETIME.getSeconds()) {
            return null;
        }
        return new AccessToken(token.value(), token.tokenType(), left, true, token.grantedScopes(),
                token.refreshToken(), token.idToken());
    }

    private static final Runnable NOTHING = new Runnable() {
        @Override
        public void run() {
        }
    };

    /** What a shutdown hook does at exit: waits for a refresh in flight to be stored. For tests. */
    boolean awaitRefreshStored() throws InterruptedException {
        return inFlight.awaitStored();
    }

    @Override
    public String toString() {
        return "UserGrantTokenSource{client=" + client.name() + ", grant=" + client.grantType().configName()
                + ", store=" + (store != null) + "}";
    }
}
