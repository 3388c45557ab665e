package dev.oauthagent.agent.token.cache;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.oauthagent.agent.config.ClientConfig;

/**
 * When a token becomes due for refresh and when the cache stops serving it. Both are offsets from the
 * moment the token request was SENT (the server's clock starts no later than that, so measuring from the
 * response would overstate the lifetime by the round trip). L is the token's lifetime.
 *
 * <p><b>Expiry</b> = L - skew. The skew absorbs clock drift and the time a request spends in flight after
 * the token was attached, so the resource server never sees a token it considers expired.
 * <ul>
 * <li>Default skew: 60 s, reduced to 10% of L for tokens shorter than 10 min (i.e. min(60 s, L/10)), so
 * that a 2-minute token is not cut in half.</li>
 * <li>Configured skew ({@code expiry-skew}): used as given but capped at L/3, so a token is always usable
 * for two thirds of its life and the default refresh point (at most 60% of L) still comes before expiry.</li>
 * </ul>
 *
 * <p><b>Refresh-due</b>, always at or before expiry:
 * <ul>
 * <li>Default: L/2 plus jitter uniform in [0, min(L/10, 5 min)]: early enough to leave the second half of
 * the lifetime for retries during an outage; jittered so a fleet does not refresh in lockstep.</li>
 * <li>Configured {@code refresh-before} R: at L - R, but no earlier than L/2 (when R exceeds half the
 * lifetime, e.g. refresh-before 5 min with 2-minute tokens, refreshing at L - R would mean refetching
 * continuously) and no later than expiry (an R shorter than the skew would otherwise schedule the refresh
 * after the cache has stopped serving the token; at expiry, callers wait for the refresh).</li>
 * </ul>
 * <p><b>Idle</b>: a client whose token carried no request for two lifetimes (2L) is not refreshed again until
 * its next request. One lifetime of silence is common (a nightly job, a burst every half hour); two say the
 * client may not be used again soon, and each refresh for nobody is load on the authorization server.
 *
 * Lifetimes are capped at 10 years to keep ticker arithmetic far from overflow.
 */
public final class RefreshPolicy {
    static final long DEFAULT_SKEW_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final long MAX_JITTER_NANOS = TimeUnit.MINUTES.toNanos(5);
    static final long MAX_LIFETIME_NANOS = TimeUnit.DAYS.toNanos(3650);
    private static final long NOT_CONFIGURED = -1;

    private final long refreshBeforeNanos;
    private final long expirySkewNanos;

    private RefreshPolicy(long refreshBeforeNanos, long expirySkewNanos) {
        this.refreshBeforeNanos = refreshBeforeNanos;
        this.expirySkewNanos = expirySkewNanos;
    }

    public static RefreshPolicy defaults() {
        return new RefreshPolicy(NOT_CONFIGURED, NOT_CONFIGURED);
    }

    public static RefreshPolicy from(ClientConfig config) {
        return of(config.refreshBefore(), config.expirySkew());
    }

    /** @param refreshBefore null for the default policy; @param expirySkew null for the default skew */
    public static RefreshPolicy of(Duration refreshBefore, Duration expirySkew) {
        return new RefreshPolicy(nanosOrNotConfigured(refreshBefore), nanosOrNotConfigured(expirySkew));
    }

    /** Nanoseconds from sending the request until the cache must stop serving the token; 0 for L = 0. */
    public long expiryOffsetNanos(long lifetimeNanos) {
        long lifetime = bounded(lifetimeNanos);
        return lifetime - skewNanos(lifetime);
    }

    /** Nanoseconds from sending the request until the refresh is due; never after the expiry offset. */
    public long refreshOffsetNanos(long lifetimeNanos, Random random) {
        long lifetime = bounded(lifetimeNanos);
        long wanted = refreshBeforeNanos == NOT_CONFIGURED
                ? lifetime / 2 + Jitter.upTo(random, Math.min(lifetime / 10, MAX_JITTER_NANOS))
                : Math.max(lifetime - refreshBeforeNanos, lifetime / 2);
        return Math.min(wanted, expiryOffsetNanos(lifetime));
    }

    /** Nanoseconds without a request after which the cache stops refreshing: two lifetimes. */
    public long idleAfterNanos(long lifetimeNanos) {
        return 2 * bounded(lifetimeNanos);
    }

    private long skewNanos(long lifetime) {
        return expirySkewNanos == NOT_CONFIGURED
                ? Math.min(DEFAULT_SKEW_NANOS, lifetime / 10)
                : Math.min(expirySkewNanos, lifetime / 3);
    }

    private static long bounded(long lifetimeNanos) {
        return Math.max(0, Math.min(lifetimeNanos, MAX_LIFETIME_NANOS));
    }

    private static long nanosOrNotConfigured(Duration d) {
        if (d == null) {
            return NOT_CONFIGURED;
        }
        if (d.isNegative()) {
            return 0;
        }
        return d.compareTo(Duration.ofNanos(MAX_LIFETIME_NANOS)) > 0 ? MAX_LIFETIME_NANOS : d.toNanos();
    }

    @Override
    public String toString() {
        return "RefreshPolicy{refresh="
                + (refreshBeforeNanos == NOT_CONFIGURED ? "half-life+jitter" : "before " + Duration.ofNanos(refreshBeforeNanos))
                + ", skew=" + (expirySkewNanos == NOT_CONFIGURED ? "default" : Duration.ofNanos(expirySkewNanos).toString())
                + "}";
    }
}
