package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.ClientMessages;

import java.time.Instant;

/**
 * The token's {@code exp} against this machine's clock and against the lifetime the agent plans with
 * ({@code expires_in}, or {@code default-expires-in} when the server gave none). A token that expires before
 * the agent expects is sent expired, and refused, until the API's 401 makes the agent fetch a new one.
 */
final class ExpiryClaimCheck {
    /** Differences smaller than this are clock resolution and processing time, not a wrong lifetime. */
    private static final long TOLERANCE_SECONDS = 60;

    private final ClientMessages messages;

    ExpiryClaimCheck(ClientConfig client) {
        this.messages = new ClientMessages(client);
    }

    Finding check(JwtClaims claims, AccessToken token, Instant now) {
        Long exp = claims.expiresAt();
        if (exp == null) {
            return Finding.ok("token-expiry", "the token has no exp claim; the agent renews it after "
                    + token.lifetimeSeconds() + " s");
        }
        String at = Instant.ofEpochSecond(exp).toString();
        long left = exp - now.getEpochSecond();
        if (left <= 0) {
            return Finding.fail("token-expired", "the token expired at " + at + ", " + -left + " s before this"
                    + " machine's clock says it is now, though just issued", "if a clock-skew finding shows the"
                    + " clocks differ, set them right; else the authorization server issues expired tokens: check"
                    + " its token lifetime setting");
        }
        long lives = claims.issuedAt() != null ? exp - claims.issuedAt() : left;
        long planned = token.lifetimeSeconds();
        if (lives + Math.max(TOLERANCE_SECONDS, planned / 10) < planned) {
            return Finding.warn("token-expiry-mismatch", "the token lives " + lives + " s (exp " + at + "), but the"
                    + " agent plans with " + planned + " s from " + (token.lifetimeStated() ? "expires_in"
                    : messages.key("default-expires-in")) + ": requests carry it expired and are refused (401)"
                    + " until the agent fetches a new one", token.lifetimeStated()
                    ? "correct the token lifetime the authorization server states in expires_in; meanwhile set "
                            + messages.key("refresh-before") + " to at least " + (planned - lives + TOLERANCE_SECONDS) + "s"
                    : "set " + messages.key("default-expires-in") + " to " + lives + "s");
        }
        return Finding.ok("token-expiry", "the token expires at " + at + ", in " + left + " s");
    }

    /**
     * A finding when the token's {@code nbf} lies beyond the tolerance after its {@code iat} (or, without one,
     * after this machine's now): an API refuses it until then. Null otherwise: nothing worth a line.
     */
    Finding notYetValid(JwtClaims claims, Instant now) {
        Long nbf = claims.notBefore();
        long from = claims.issuedAt() != null ? claims.issuedAt() : now.getEpochSecond();
        if (nbf == null || nbf - from <= TOLERANCE_SECONDS) {
            return null;
        }
        return Finding.warn("token-not-yet-valid", "the token is valid only from " + Instant.ofEpochSecond(nbf)
                + " (nbf), " + (nbf - from) + " s after " + (claims.issuedAt() != null ? "it was issued (iat)"
                : "this machine's clock says it is now") + ": until then an API refuses it", "if a clock-skew"
                + " finding shows the clocks differ, set them right; else the authorization server dates nbf"
                + " ahead: check its token settings");
    }
}
