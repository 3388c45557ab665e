package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a response's {@code expires_in} into the lifetime the cache plans with.
 * <ul>
 * <li>missing: the client's {@code default-expires-in}, with one warning per client (not per fetch: the
 * server will keep omitting it);</li>
 * <li>zero, negative or fractional: refused as a malformed response, since planning a refresh on a made-up
 * lifetime would hide a broken server;</li>
 * <li>more than one year: clamped to one year with a warning, so a "never expires" token is still refreshed
 * now and then and an absurd value cannot overflow time arithmetic.</li>
 * </ul>
 * A quoted or otherwise non-numeric value never gets here: the parser refuses it.
 */
final class ExpiresInPolicy {
    static final long MAX_SECONDS = 365L * 24 * 3600;

    private static final Logger LOG = LoggerFactory.getLogger(ExpiresInPolicy.class);

    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final long defaultSeconds;
    private final AtomicBoolean warnedMissing = new AtomicBoolean();

    ExpiresInPolicy(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer) {
        this.messages = messages;
        this.sanitizer = sanitizer;
        this.defaultSeconds = client.defaultExpiresIn().getSeconds();
    }

    /** Called only for an HTTP 200 response. */
    long lifetimeSeconds(BigDecimal expiresIn) throws TokenFetchException {
        if (expiresIn == null) {
            if (warnedMissing.compareAndSet(false, true)) {
                LOG.warn(messages.log(messages.endpoint() + " returned no expires_in; assuming "
                        + defaultSeconds + " s from " + messages.key("default-expires-in")
                        + ". Set it to the real token lifetime if that differs. (Logged once per client.)"));
            }
            return defaultSeconds;
        }
        if (expiresIn.signum() <= 0 || expiresIn.stripTrailingZeros().scale() > 0) {
            throw new TokenFetchException(messages.exception(messages.endpoint()
                    + " returned expires_in " + sanitizer.sanitize(expiresIn.toPlainString())
                    + "; a token lifetime must be a positive whole number of seconds. The token was refused;"
                    + " fix the authorization server's token lifetime setting."), TokenFetchException.Kind.TRANSIENT,
                    null, 200, -1, null);
        }
        if (expiresIn.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            LOG.warn(messages.log(messages.endpoint() + " returned expires_in "
                    + sanitizer.sanitize(expiresIn.toPlainString()) + " s, more than one year; using "
                    + MAX_SECONDS + " s (one year) instead."));
            return MAX_SECONDS;
        }
        return expiresIn.longValueExact();
    }
}
