package dev.oauthagent.agent.token;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * The Retry-After header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date in any of its three formats,
 * turned into seconds from now, capped at one hour so a broken or hostile server cannot park a client for
 * days.
 */
final class RetryAfter {
    static final long MAX_SECONDS = 3600;

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss zzz")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .appendPattern("EEE MMM ppd HH:mm:ss yyyy")
            .toFormatter(Locale.US)
            .withZone(java.time.ZoneOffset.UTC);

    private RetryAfter() {
    }

    /** Seconds to wait, 0..3600; -1 when the header is absent or unreadable. */
    static long seconds(String header, Clock clock) {
        if (header == null || header.trim().isEmpty()) {
            return -1;
        }
        String value = header.trim();
        if (isDigits(value)) {
            return value.length() > 6 ? MAX_SECONDS : Math.min(Long.parseLong(value), MAX_SECONDS);
        }
        ZonedDateTime date = parseDate(value);
        if (date == null) {
            return -1;
        }
        long seconds = Duration.between(clock.instant(), date.toInstant()).getSeconds();
        return Math.max(0, Math.min(seconds, MAX_SECONDS));
    }

    private static ZonedDateTime parseDate(String value) {
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
            try {
                return ZonedDateTime.parse(value, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
