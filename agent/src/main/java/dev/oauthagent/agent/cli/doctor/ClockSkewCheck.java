package dev.oauthagent.agent.cli.doctor;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Compares this machine's clock with the authorization server's, from the {@code Date} header of its token
 * response or, when it sent none, from the token's {@code iat}. Both have whole seconds only and were written
 * while the request was under way, so only the difference beyond that second and the round trip is counted:
 * what is reported is a lower bound, never noise.
 *
 * <p>Thresholds: JWT validators allow 60 s (Spring Security, Nimbus) to 5 min (Microsoft.IdentityModel) of skew.
 * Over 30 s warns, since the tightest of them is then half used up; over 5 min fails, since none of them
 * accepts that by default: tokens look not yet valid, or expired early, and signed client assertions are refused.
 */
final class ClockSkewCheck {
    static final Duration WARN_OVER = Duration.ofSeconds(30);
    static final Duration FAIL_OVER = Duration.ofMinutes(5);
    private static final String FIX = "synchronise this machine's clock, and the authorization server's, with NTP"
            + " (`timedatectl status` shows whether NTP is active; `chronyc tracking` shows the offset); a JWT"
            + " validator allows 60 s to 5 min of difference at most";

    /**
     * @param reading the token response's timing, or null when none was recorded
     * @param claims  the token's claims, or null for an opaque token
     */
    Finding check(ServerDate.Reading reading, JwtClaims claims) {
        if (reading == null) {
            return Finding.ok("clock", "the clocks were not compared: no answer was timed");
        }
        Instant serverTime = httpDate(reading.date());
        String source = "its Date header";
        if (serverTime == null && claims != null && claims.issuedAt() != null) {
            serverTime = Instant.ofEpochSecond(claims.issuedAt());
            source = "the token's iat";
        }
        if (serverTime == null) {
            return Finding.ok("clock", "the clocks were not compared: the token response had no Date header and"
                    + " the token no iat");
        }
        long offset = provableOffsetMillis(serverTime, reading.sent(), reading.received());
        long roundTrip = Duration.between(reading.sent(), reading.received()).toMillis();
        String measured = " (by " + source + ", beyond its 1 s resolution and the " + roundTrip
                + " ms round trip)";
        long seconds = Math.abs(offset) / 1000;
        if (seconds <= WARN_OVER.getSeconds()) {
            return Finding.ok("clock", "this machine's clock and the authorization server's differ by "
                    + seconds + " s" + measured);
        }
        String summary = "this machine's clock is " + seconds + " s " + (offset > 0 ? "behind" : "ahead of")
                + " the authorization server's" + measured + "; tokens look " + (offset > 0 ? "not yet valid"
                : "expired early") + " to a validator on one clock that checks them against the other";
        return seconds > FAIL_OVER.getSeconds() ? Finding.fail("clock-skew", summary, FIX)
                : Finding.warn("clock-skew", summary, FIX);
    }

    /**
     * How far the server's clock is provably ahead (positive) or behind (negative) this one; 0 when the
     * difference fits in the uncertainty. The server read its clock at some moment between {@code sent} and
     * {@code received} here, and {@code serverTime} is that reading cut to the second.
     */
    static long provableOffsetMillis(Instant serverTime, Instant sent, Instant received) {
        long earliest = serverTime.toEpochMilli();
        long latest = earliest + 999;
        if (earliest > received.toEpochMilli()) {
            return earliest - received.toEpochMilli();
        }
        if (latest < sent.toEpochMilli()) {
            return latest - sent.toEpochMilli();
        }
        return 0;
    }

    /** An RFC 7231 §7.1.1.1 date (the only form servers send now), or null when absent or unreadable. */
    private static Instant httpDate(String date) {
        if (date == null) {
            return null;
        }
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date.trim()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
