package dev.oauthagent.agent.token.cache;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;

/**
 * One client's access token: fetched ahead of need, refreshed before it expires, served lock-free.
 *
 * <p>A token goes FRESH -> REFRESH_DUE -> EXPIRED on the injected {@link Ticker}, with deadlines from the
 * {@link RefreshPolicy} measured from the moment its request was sent. At refresh-due the scheduler thread
 * fetches a replacement; failures are retried per {@link Backoff}. Application threads only ever read
 * ({@link #current()}) or, when there is nothing to read, wait a bounded time for the one fetch in flight
 * ({@link #await(long)}).
 *
 * <p>Invariants (each has a test that tries to break it):
 * <ol>
 * <li>{@link #current()} never returns a token at or after its expiry instant.</li>
 * <li>{@link #current()} takes no lock and allocates nothing: one volatile read of an immutable
 * {@link TokenState} and one ticker comparison. A reader sees a token with its own deadlines or none.</li>
 * <li>At most one token request is in flight. Every request runs as an {@code Attempt} on the scheduler.
 * At most one attempt is pending: a request for "now" joins a pending "now" and supersedes a planned
 * refresh or retry (a sequence number turns a superseded task that already started into a no-op); nothing
 * is scheduled while an attempt runs: its end plans the next.</li>
 * <li>During an outage the last good token is served until its own expiry, never after.</li>
 * <li>After a failure nothing calls the token endpoint before the backoff delay has passed: neither
 * waiting callers nor invalidation. Only {@link #credentialsChanged()} cuts the backoff short.</li>
 * <li>Waits are bounded by the caller's timeout; an interrupted waiter gives up with its flag restored.</li>
 * <li>No token value appears in a log line, exception message or stats; only fingerprints.</li>
 * <li>A client whose token carried no request for {@link RefreshPolicy#idleAfterNanos two lifetimes} is idle:
 * its planned refresh or retry is dropped instead of run, and nothing is planned until a request asks for a
 * token ({@link #forRequest()}); that request then gets the token still held, or waits for a new one like a
 * first request. The mark a request leaves is one volatile read, and a volatile write at most once per
 * {@link #USE_MARK_NANOS}.</li>
 * </ol>
 * Everything except {@link #current()} runs under {@code lock}, held only for bookkeeping, never during a
 * fetch. The state is written only under the lock and published by the volatile write.
 */
public final class TokenCache implements AutoCloseable {
    private static final CountDownLatch ALREADY_DONE = new CountDownLatch(0);

    private final String clientName;
    private final TokenSource source;
    private final RefreshPolicy policy;
    private final Ticker ticker;
    private final RefreshScheduler scheduler;
    private final Random random;
    private final Backoff backoff;
    private final RefreshLog log;
    /** Null when nobody listens. */
    private final TokenListener listener;

    /** How stale the "last used" mark may get: it is written at most this often, however busy the client. */
    static final long USE_MARK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private volatile TokenState state = TokenState.NONE;
    /** When a request last asked for a token, to within {@link #USE_MARK_NANOS}; the start counts as one. */
    private volatile long lastUsed;
    /** A planned attempt was dropped because nobody used the client (see the class comment). */
    private volatile boolean idle;

    private final Object lock = new Object();
    // Guarded by lock.
    private boolean started;
    private boolean closed;
    private boolean running;
    private boolean credentialsChangedWhileRunning;
    /** Opens when the scheduled or running attempt ends; null when none is scheduled. */
    private CountDownLatch nextAttemptDone;
    private RefreshScheduler.Cancellable scheduledTask;
    private long scheduledAt;
    /** The pending task was requested for "now" (a caller is waiting), not planned for later. */
    private boolean scheduledNow;
    private long scheduleSeq;
    private int consecutiveFailures;
    /** The failure that started the current backoff; null when healthy. */
    private TokenFetchException backingOffAfter;
    private String lastError;
    private long fetches;
    private long failures;
    private long refreshes;

    /**
     * The cache owns {@code scheduler}: {@link #close()} closes it. {@code random} drives the refresh and
     * backoff jitter.
     */
    public TokenCache(String clientName, TokenSource source, RefreshPolicy policy, Ticker ticker,
            RefreshScheduler scheduler, Random random) {
        this(clientName, source, policy, ticker, scheduler, random, (TokenListener) null);
    }

    /** As above, telling {@code listener} (may be null) of every token obtained before serving it. */
    public TokenCache(String clientName, TokenSource source, RefreshPolicy policy, Ticker ticker,
            RefreshScheduler scheduler, Random random, TokenListener listener) {
        this(clientName, source, policy, ticker, scheduler, random, LoggerFactory.getLogger(TokenCache.class),
                listener);
    }

    TokenCache(String clientName, TokenSource source, RefreshPolicy policy, Ticker ticker,
            RefreshScheduler scheduler, Random random, Logger logger) {
        this(clientName, source, policy, ticker, scheduler, random, logger, null);
    }

    TokenCache(String clientName, TokenSource source, RefreshPolicy policy, Ticker ticker,
            RefreshScheduler scheduler, Random random, Logger logger, TokenListener listener) {
        this.clientName = clientName;
        this.source = source;
        this.policy = policy;
        this.ticker = ticker;
        this.scheduler = scheduler;
        this.random = random;
        this.backoff = new Backoff(random);
        this.log = new RefreshLog(logger, clientName);
        this.listener = listener;
        this.lastUsed = ticker.read();
    }

    /** Production wiring: the client's policy, the system ticker, a refresh thread of its own. */
    public static TokenCache create(ClientConfig config, TokenSource source) {
        return create(config, source, null);
    }

    /** {@link #create(ClientConfig, TokenSource)}, telling {@code listener} (may be null) of every token obtained. */
    public static TokenCache create(ClientConfig config, TokenSource source, TokenListener listener) {
        return new TokenCache(config.name(), source, RefreshPolicy.from(config), Ticker.system(),
                DaemonScheduler.forClient(config.name()), new Random(), listener);
    }

    /** Requests the first token on the scheduler thread and returns at once. Idempotent. */
    public void start() {
        synchronized (lock) {
            if (!started) {
                requestNow();
            }
        }
    }

    /** The token while it may be served (fresh or refresh-due), else null. Lock-free, allocation-free. */
    public AccessToken current() {
        TokenState s = state;
        return s.isServable(ticker.read()) ? s.token : null;
    }

    /**
     * {@link #current()} for a request about to carry the token: marks the client used, and wakes it if it was
     * idle (a new token is requested at once; this request gets the one still held, if any, or waits for the
     * new one through {@link #await}). Lock-free and allocation-free unless it wakes the client.
     */
    public AccessToken forRequest() {
        long now = ticker.read();
        long previous = lastUsed;
        if (now - previous >= USE_MARK_NANOS) {
            lastUsed = now;
            if (idle) { // read after the write: see goIdleIfUnused
                wake(now - previous);
            }
        }
        TokenState s = state;
        return s.isServable(now) ? s.token : null;
    }

    /**
     * {@link #current()} if there is a token; otherwise waits up to {@code timeoutNanos} for the one token
     * request in flight, starting it if none is. While backing off after a failure it does not request
     * early: it waits only if the planned retry is due within the timeout, else fails at once, so an outage
     * costs callers no waiting that could not succeed.
     */
    public AccessToken await(long timeoutNanos) throws TokenUnavailableException {
        AccessToken token = current();
        if (token != null) {
            return token;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        for (;;) {
            long remaining = deadline - System.nanoTime();
            CountDownLatch attempt = attemptToWaitFor(remaining);
            if (attempt == null) {
                throw unavailable("no token request is planned within the wait timeout");
            }
            try {
                if (!attempt.await(remaining, TimeUnit.NANOSECONDS)) {
                    throw unavailable("the token endpoint did not answer within the wait timeout ("
                            + TimeUnit.NANOSECONDS.toMillis(Math.max(0, timeoutNanos)) + " ms)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenUnavailableException(clientName, "interrupted while waiting for a token");
            }
            token = current();
            if (token != null) {
                return token;
            }
        }
    }

    /**
     * Evicts {@code token} if, and only if, it is the token held (the resource server rejected it), and
     * requests a new one unless backing off. Returns whether it evicted. A stale token is a no-op, so many
     * threads reporting the same rejected token cause one refetch.
     */
    public boolean invalidate(AccessToken token) {
        synchronized (lock) {
            if (token == null || state.token != token) {
                return false;
            }
            state = TokenState.NONE;
            log.invalidated(token);
            if (backingOffAfter == null) {
                requestNow();
            }
            return true;
        }
    }

    /** The credentials changed (e.g. the secret file was rotated): forget the backoff and request now. */
    public void credentialsChanged() {
        synchronized (lock) {
            log.credentialsChanged();
            resetBackoff();
            if (running) {
                credentialsChangedWhileRunning = true; // that request may carry the old secret
            } else {
                requestNow();
            }
        }
    }

    /**
     * Whole seconds until the token held expires (its expiry less the skew, as served): 0 once expired, -1 when
     * none is held. Lock-free, for metrics.
     */
    public long secondsUntilExpiry() {
        TokenState s = state;
        if (s.token == null) {
            return -1;
        }
        return TimeUnit.NANOSECONDS.toSeconds(Math.max(0, s.expiresAt - ticker.read()));
    }

    public TokenCacheStats stats() {
        synchronized (lock) {
            TokenState s = state;
            return new TokenCacheStats(clientName, s.freshness(ticker.read()),
                    s.token == null ? null : s.token.fingerprint(), fetches, failures, refreshes,
                    consecutiveFailures, lastError);
        }
    }

    /** Cancels planned requests, wakes waiters and closes the scheduler. The token held stays servable. */
    @Override
    public void close() {
        CountDownLatch abandoned = null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (scheduledTask != null) {
                scheduledTask.cancel();
                scheduledTask = null;
            }
            if (!running) { // a running attempt opens its own latch when it ends
                abandoned = nextAttemptDone;
                nextAttemptDone = null;
            }
        }
        if (abandoned != null) {
            abandoned.countDown();
        }
        scheduler.close();
    }

    /** Null when no request can end within {@code remainingNanos}; an open latch when a token is there. */
    private CountDownLatch attemptToWaitFor(long remainingNanos) {
        synchronized (lock) {
            long now = ticker.read();
            if (closed) {
                return null;
            }
            if (state.isServable(now)) {
                return ALREADY_DONE;
            }
            if (!running) {
                if (backingOffAfter == null) {
                    requestNow();
                } else if (scheduledAt - now > remainingNanos) {
                    return null;
                }
            }
            return nextAttemptDone;
        }
    }

    /**
     * Requests a token now: joins an immediate request already pending, supersedes a planned one (refresh
     * or retry). Deciding by kind, not by comparing due times, keeps this independent of whether the
     * scheduler has caught up with the ticker. Caller holds lock.
     */
    private void requestNow() {
        if (closed || running || (scheduledTask != null && scheduledNow)) {
            return; // a running attempt schedules its successor when it ends
        }
        if (scheduledTask != null) {
            scheduledTask.cancel();
            scheduledTask = null;
        }
        plan(0);
    }

    /** Plans the next attempt; nothing may be pending or running. Caller holds lock. */
    private void plan(long delayNanos) {
        if (closed) {
            return;
        }
        started = true;
        idle = false; // something asked for a token without passing forRequest's mark first (e.g. invalidate)
        if (nextAttemptDone == null) {
            nextAttemptDone = new CountDownLatch(1);
        }
        scheduledAt = ticker.read() + delayNanos;
        scheduledNow = delayNanos <= 0;
        scheduledTask = scheduler.schedule(new Attempt(++scheduleSeq), delayNanos);
    }

    private void runAttempt(long seq) {
        synchronized (lock) {
            if (closed || running || seq != scheduleSeq || scheduledTask == null) {
                return; // superseded, closed, or already run
            }
            scheduledTask = null;
            if (!scheduledNow && goIdleIfUnused()) {
                return;
            }
            running = true;
        }
        long sentAt = ticker.read(); // the server's lifetime clock starts no earlier than this
        AccessToken token = null;
        TokenFetchException failure = null;
        try {
            token = source.fetch();
            if (token == null) {
                failure = TokenFetchException.transientFailure("the token source returned no token", null);
            } else {
                notifyListener(token); // before the token is served: see TokenListener
            }
        } catch (TokenFetchException e) {
            failure = e;
        } catch (Throwable t) {
            // Class name only: a message could quote a server response.
            failure = TokenFetchException.transientFailure(
                    "internal error while requesting a token (" + t.getClass().getName() + "); please report it", null);
        }
        CountDownLatch done;
        synchronized (lock) {
            running = false;
            done = nextAttemptDone;
            nextAttemptDone = null;
            fetches++;
            if (failure == null) {
                failure = install(token, sentAt);
            }
            if (failure != null) {
                recordFailure(failure);
            }
            if (credentialsChangedWhileRunning) {
                credentialsChangedWhileRunning = false;
                resetBackoff();
                requestNow();
            }
        }
        if (done != null) {
            done.countDown();
        }
    }

    /**
     * At a planned refresh or retry: whether no request came for two lifetimes of the token held (or last held),
     * in which case the attempt is dropped and the cache idles until {@link #forRequest()} wakes it. A client that
     * never had a token keeps retrying: it has no lifetime to judge by. Caller holds lock.
     *
     * <p>{@code idle} is written before {@code lastUsed} is read, and forRequest writes {@code lastUsed} before it
     * reads {@code idle} (both volatile): a request racing with this either is seen here or sees the idle flag.
     */
    private boolean goIdleIfUnused() {
        AccessToken held = state.token;
        if (held == null) {
            return false;
        }
        long idleAfter = policy.idleAfterNanos(TimeUnit.SECONDS.toNanos(held.lifetimeSeconds()));
        idle = true;
        long unused = ticker.read() - lastUsed;
        if (unused < idleAfter) {
            idle = false;
            return false;
        }
        log.idle(unused);
        CountDownLatch done = nextAttemptDone; // nobody should wait for a planned attempt of an unused client
        nextAttemptDone = null;
        if (done != null) {
            done.countDown(); // a waiter finds no token and requests one
        }
        return true;
    }

    /** A request after a silence while idle: asks for a token now. */
    private void wake(long unusedNanos) {
        synchronized (lock) {
            if (!idle || closed) {
                return;
            }
            idle = false;
            log.woke(unusedNanos);
            requestNow(); // any backoff had passed: the client went idle at a planned attempt's due time
        }
    }

    private void notifyListener(AccessToken token) {
        if (listener == null) {
            return;
        }
        try {
            listener.tokenObtained(clientName, token);
        } catch (Throwable t) {
            // The listener's failure must not cost the application its token. Class name only: see runAttempt.
            log.listenerFailed(t.getClass().getName());
        }
    }

    /** Serves {@code token} and plans its refresh; returns a failure if it expired before it arrived. */
    private TokenFetchException install(AccessToken token, long sentAt) {
        long now = ticker.read();
        long lifetime = TimeUnit.SECONDS.toNanos(token.lifetimeSeconds());
        long expiresAt = sentAt + policy.expiryOffsetNanos(lifetime);
        if (now - expiresAt >= 0) {
            return TokenFetchException.transientFailure("the token endpoint granted a token with a lifetime of "
                    + token.lifetimeSeconds() + " s that had expired (less the expiry skew) when the response"
                    + " arrived " + TimeUnit.NANOSECONDS.toMillis(now - sentAt) + " ms after the request;"
                    + " check expires_in on the server", null);
        }
        long refreshAt = sentAt + policy.refreshOffsetNanos(lifetime, random);
        boolean replacing = state.isServable(now);
        state = new TokenState(token, refreshAt, expiresAt);
        if (replacing) {
            refreshes++;
        }
        log.obtained(token, replacing && consecutiveFailures == 0, consecutiveFailures, refreshAt - now);
        consecutiveFailures = 0;
        backingOffAfter = null;
        plan(Math.max(0, refreshAt - now));
        return null;
    }

    private void recordFailure(TokenFetchException failure) {
        failures++;
        lastError = failure.getMessage();
        backingOffAfter = failure;
        long delay = backoff.delayNanos(consecutiveFailures, failure);
        consecutiveFailures++;
        long now = ticker.read();
        TokenState s = state;
        log.failed(failure, s.isServable(now) ? s.token : null, s.expiresAt - now, delay);
        plan(delay);
    }

    private void resetBackoff() {
        consecutiveFailures = 0;
        backingOffAfter = null;
    }

    private TokenUnavailableException unavailable(String reasonWhenHealthy) {
        synchronized (lock) {
            if (!closed && backingOffAfter != null) {
                return TokenUnavailableException.afterLoggedFailure(clientName, backingOffAfter.getMessage());
            }
            return new TokenUnavailableException(clientName, closed ? "the token cache is closed" : reasonWhenHealthy);
        }
    }

    /** A scheduled token request; stale once a newer one is scheduled. */
    private final class Attempt implements Runnable {
        private final long seq;

        Attempt(long seq) {
            this.seq = seq;
        }

        @Override
        public void run() {
            runAttempt(seq);
        }
    }

    @Override
    public String toString() {
        return "TokenCache{client=" + clientName + ", " + policy + "}";
    }
}
