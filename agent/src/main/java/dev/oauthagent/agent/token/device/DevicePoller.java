package dev.oauthagent.agent.token.device;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.grant.DeviceCodeGrant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Polls the token endpoint with the device code until the person has finished (RFC 8628 §3.4, §3.5).
 *
 * <p>Invariants: never two polls closer than the interval, which {@code slow_down} raises and a failed poll backs
 * off from ({@link PollSchedule}); a poll that failed in transit (no connection, timeout, 5xx, a malformed
 * answer) is followed by another until the code's lifetime is over; no poll is sent after it, so the whole flow
 * ends at {@code expires_in}. {@code access_denied},
 * {@code expired_token} and every terminal refusal end it at once. Waits are cut into slices of a second at
 * most so the progress display counts down, and each slice is interruptible.
 */
final class DevicePoller {
    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final TokenEndpointClient tokens;
    private final ClientMessages messages;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final PollProgress progress;

    DevicePoller(TokenEndpointClient tokens, ClientMessages messages, Ticker ticker, Sleeper sleeper,
            PollProgress progress) {
        this.tokens = tokens;
        this.messages = messages;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /** @param start the ticker reading when the device authorization response arrived */
    AccessToken poll(DeviceAuthorization authorization, long start) throws TokenFetchException, InterruptedException {
        try {
            AccessToken token = pollUntilDone(authorization, start + TimeUnit.SECONDS.toNanos(
                    authorization.expiresInSeconds()));
            progress.finish("signed in");
            return token;
        } catch (InterruptedException e) {
            progress.finish("stopped");
            throw e;
        }
    }

    private AccessToken pollUntilDone(DeviceAuthorization authorization, long end)
            throws TokenFetchException, InterruptedException {
        DeviceCodeGrant grant = new DeviceCodeGrant(authorization.deviceCode());
        PollSchedule schedule = new PollSchedule(authorization.intervalSeconds());
        while (true) {
            waitUntil(Math.min(ticker.read() + TimeUnit.SECONDS.toNanos(schedule.waitSeconds()), end), end,
                    schedule.state());
            if (end - ticker.read() <= 0) {
                progress.finish("the code expired");
                throw expired("the code expired before you finished signing in");
            }
            try {
                return tokens.fetch(grant);
            } catch (TokenFetchException e) {
                reschedule(schedule, withoutDeviceCode(e, authorization.deviceCode()));
            }
        }
    }

    /** Moves the schedule on after a poll that got no token, or ends the flow when the answer is final. */
    private void reschedule(PollSchedule schedule, TokenFetchException e) throws TokenFetchException {
        String code = e.errorCode() == null ? "" : e.errorCode();
        switch (code) {
            case "authorization_pending":
                schedule.pending();
                return;
            case "slow_down":
                schedule.slowDown();
                return;
            case "access_denied":
                progress.finish("the request was denied");
                throw new TokenFetchException(messages.exception("the user denied the request; run login again to"
                        + " sign in."), Kind.TERMINAL, code, e.httpStatus(), -1, null);
            case "expired_token":
                progress.finish("the code expired");
                throw expired("the server says the code expired before you finished signing in");
            default:
                if (e.isTerminal()) {
                    progress.finish("login failed");
                    throw e;
                }
                LOG.debug(messages.log("device flow poll failed, backing off: " + e.getMessage()));
                schedule.failed(e.retryAfterSeconds());
        }
    }

    private void waitUntil(long until, long end, String state) throws InterruptedException {
        long remaining;
        while ((remaining = until - ticker.read()) > 0) {
            progress.update(state, secondsLeft(end));
            sleeper.sleep(Math.min(remaining, SECOND));
        }
        if (Thread.interrupted()) { // the sleep did not see it: the interrupt came during the last poll
            throw new InterruptedException();
        }
        progress.update(state, secondsLeft(end));
    }

    private long secondsLeft(long end) {
        return Math.max(0, TimeUnit.NANOSECONDS.toSeconds(end - ticker.read() + SECOND - 1));
    }

    private TokenFetchException expired(String what) {
        return new TokenFetchException(messages.exception(what + "; run login again."), Kind.TERMINAL,
                "expired_token", -1, -1, null);
    }

    /** A server may echo the request in its error_description; the device code must not reach a message. */
    private static TokenFetchException withoutDeviceCode(TokenFetchException e, String deviceCode) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains(deviceCode)) {
            return e;
        }
        return new TokenFetchException(message.replace(deviceCode, "****"), e.kind(), e.errorCode(),
                e.httpStatus(), e.retryAfterSeconds(), null);
    }
}
