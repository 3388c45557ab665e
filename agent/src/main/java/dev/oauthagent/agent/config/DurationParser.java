package dev.oauthagent.agent.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as people write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 30} (seconds), {@code PT30S}. */
final class DurationParser {
    /** Timeouts reach the JDK as int milliseconds; a larger value would overflow into nonsense. */
    static final Duration MAX = Duration.ofMillis(Integer.MAX_VALUE);

    static final String ACCEPTED_FORMS = "use a whole number with unit ms, s, m or h (500ms, 30s, 5m, 1h), "
            + "a plain number of seconds (30), or ISO-8601 (PT30S)";

    private DurationParser() {
    }

    static Duration parse(String text) throws InvalidValueException {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d = t.startsWith("p") || t.startsWith("-p") || t.startsWith("+p") ? iso(text) : withUnit(text, t);
        if (d.isNegative()) {
            throw new InvalidValueException("'" + text + "' is negative; a duration must be 0 or more");
        }
        if (d.compareTo(MAX) > 0) {
            throw new InvalidValueException("'" + text + "' is too long; the maximum is 24 days (" + MAX.toMillis()
                    + "ms)");
        }
        return d;
    }

    private static Duration iso(String text) throws InvalidValueException {
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw notADuration(text);
        }
    }

    private static Duration withUnit(String text, String t) throws InvalidValueException {
        if (t.startsWith("-")) {
            throw new InvalidValueException("'" + text + "' is negative; a duration must be 0 or more");
        }
        // A number, optional white space, an optional unit: scanned by hand rather than with a regular
        // expression, since this runs in premain (docs/performance.md).
        int digitsEnd = 0;
        while (digitsEnd < t.length() && t.charAt(digitsEnd) >= '0' && t.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        int unitStart = digitsEnd;
        while (unitStart < t.length() && TextValues.isWhitespace(t.charAt(unitStart))) {
            unitStart++;
        }
        String unit = t.substring(unitStart);
        if (digitsEnd == 0 || !isUnit(unit)) {
            throw notADuration(text);
        }
        long amount;
        try {
            amount = Long.parseLong(t.substring(0, digitsEnd));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("'" + text + "' is too long; the maximum is 24 days");
        }
        try {
            switch (unit) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default: // s, or none
                    return Duration.ofSeconds(amount);
            }
        } catch (ArithmeticException e) {
            throw new InvalidValueException("'" + text + "' is too long; the maximum is 24 days");
        }
    }

    private static boolean isUnit(String unit) {
        return unit.isEmpty() || unit.equals("ms") || unit.equals("s") || unit.equals("m") || unit.equals("h");
    }

    private static InvalidValueException notADuration(String text) {
        return new InvalidValueException("'" + text + "' is not a duration; " + ACCEPTED_FORMS);
    }

    /** How a duration is shown back to the user. */
    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
