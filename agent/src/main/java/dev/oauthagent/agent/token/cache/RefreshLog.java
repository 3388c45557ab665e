package dev.oauthagent.agent.token.cache;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.Sentences;
import dev.oauthagent.agent.token.TokenFetchException;

/**
 * What a token cache tells the operator. Tokens appear only as fingerprints; failure messages are
 * {@code TokenFetchException} messages, which are safe by contract.
 *
 * <p>Failures are rate-limited by state, not by time: the first failure of each kind in a streak is a
 * warning, repeats are debug. The kinds are "terminal", "transient while still serving a token" and
 * "transient with nothing to serve", so an operator sees the outage begin, sees when it starts to hurt
 * (the last good token expired), and sees a terminal error once, not every 5 minutes. Warnings start over
 * after a success or a credential change. Called with the cache's lock held, so the state needs no
 * synchronisation of its own.
 */
final class RefreshLog {
    private final Logger log;
    private final String client;
    /** The failure kind already warned about in the current streak; null when healthy. */
    private String warned;

    RefreshLog(Logger log, String client) {
        this.log = log;
        this.client = client;
    }

    /** @param routine a scheduled refresh after which nothing noteworthy changed: logged at debug */
    void obtained(AccessToken token, boolean routine, int failedAttempts, long refreshInNanos) {
        warned = null;
        if (routine) {
            log.debug("client '{}': token {} refreshed, lifetime {}s, refresh in {}s", client, token.fingerprint(),
                    token.lifetimeSeconds(), seconds(refreshInNanos));
        } else if (failedAttempts > 0) {
            log.info("client '{}': token {} obtained after {} failed attempt(s), lifetime {}s, refresh in {}s", client,
                    token.fingerprint(), failedAttempts, token.lifetimeSeconds(), seconds(refreshInNanos));
        } else {
            log.info("client '{}': token {} obtained, lifetime {}s, refresh in {}s", client, token.fingerprint(),
                    token.lifetimeSeconds(), seconds(refreshInNanos));
        }
    }

    /**
     * @param served      the token still being served, or null
     * @param servedNanos how much longer it will be served
     */
    void failed(TokenFetchException failure, AccessToken served, long servedNanos, long retryInNanos) {
        String kind = failure.isTerminal() ? "terminal" : served != null ? "serving" : "none";
        // The message names the agent and the client already; the line does, too. One sentence per part:
        // the failure's own text may or may not end with a full stop (Sentences).
        String reason = Sentences.end(TokenUnavailableException.withoutPrefix(client, failure.getMessage()));
        String serving = served == null ? "No token to serve"
                : "Still serving token " + served.fingerprint() + " for " + seconds(servedNanos) + "s";
        if (kind.equals(warned)) {
            log.debug("client '{}': token request failed again: {} {}; {}.", client, reason, serving,
                    retryIn(retryInNanos));
            return;
        }
        warned = kind;
        if (failure.kind() == TokenFetchException.Kind.LOGIN_NEEDED) {
            // The reason says what to run and when the agent notices; "retrying" would promise what cannot help.
            log.warn("client '{}': no token until a login: {} {}. (Logged once; repeats are at debug level.)", client,
                    reason, serving);
        } else if (failure.isTerminal()) {
            log.warn("client '{}': token request rejected: {} {}. Retrying only every {} min, or at once when"
                    + " the credentials change. (Logged once; repeats are at debug level.)", client, reason, serving,
                    TimeUnit.NANOSECONDS.toMinutes(Backoff.TERMINAL_NANOS));
        } else {
            log.warn("client '{}': token request failed: {} {}; {}.", client, reason, serving, retryIn(retryInNanos));
        }
    }

    /** "retrying now" for no delay; else whole seconds rounded up, so a short backoff never reads "in 0s". */
    private static String retryIn(long nanos) {
        if (nanos <= 0) {
            return "retrying now";
        }
        long seconds = (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
        return "next attempt in " + seconds + "s";
    }

    /** Called without the lock: it touches no state. */
    void listenerFailed(String errorClass) {
        log.warn("client '{}': the token listener (log scrubbing) failed with {}; the token is served anyway, but "
                + "log lines may not be scrubbed of it. Please report this as a bug.", client, errorClass);
    }

    void invalidated(AccessToken token) {
        log.debug("client '{}': token {} invalidated by the caller", client, token.fingerprint());
    }

    void credentialsChanged() {
        warned = null;
        log.info("client '{}': credentials changed; requesting a new token now", client);
    }

    void idle(long unusedNanos) {
        log.info("client '{}': no request for {}s (two token lifetimes); not refreshing its token until a request"
                + " needs it", client, seconds(unusedNanos));
    }

    void woke(long unusedNanos) {
        log.info("client '{}': a request after {}s without any; requesting a token again", client,
                seconds(unusedNanos));
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(Math.max(0, nanos));
    }
}
