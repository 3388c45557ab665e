package dev.oauthagent.bootstrap;

/**
 * What the agent inserts into logging libraries at the point where one whole line (or event, or record) is
 * handed over: a call that returns the line to write instead, so the inserted bytecode is a call and a store
 * into the method's own argument, and whether and how to scrub is decided here, in Java. Every method returns
 * what it was given when scrubbing is off or the line is clean (a clean line costs the redactor's scan and no
 * allocation), and never throws: when the redactor fails (it must not), the line is withheld, never written raw.
 */
public final class LogLineAdvice {
    private static final String WITHHELD = "[oauth-agent: line withheld: redaction failed]";

    private LogLineAdvice() {
    }

    /** The line to write for {@code line}, a whole encoded line: the same array, or its scrubbed copy. */
    public static byte[] scrubbed(byte[] line) {
        if (line == null) {
            return null;
        }
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber == null) {
            return line;
        }
        try {
            byte[] scrubbed = scrubber.scrub(line, 0, line.length);
            return scrubbed == null ? line : scrubbed;
        } catch (Throwable t) {
            return (WITHHELD + "\n").getBytes();
        }
    }

    /**
     * For a range of {@code bytes} that holds one whole record: {@code bytes} itself when the range may be
     * written as it is, else a new array to write whole (see {@link #offsetAfter} and {@link #lengthAfter}).
     */
    public static byte[] scrubbedRange(byte[] bytes, int offset, int length) {
        if (bytes == null) {
            return null;
        }
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber == null) {
            return bytes;
        }
        try {
            byte[] scrubbed = scrubber.scrub(bytes, offset, length);
            return scrubbed == null ? bytes : scrubbed;
        } catch (Throwable t) {
            return WITHHELD.getBytes();
        }
    }

    /** The offset to write {@code result} from: unchanged when it is the original array, else 0. */
    public static int offsetAfter(byte[] result, byte[] original, int offset) {
        return result == original ? offset : 0;
    }

    /** The length to write of {@code result}: unchanged when it is the original array, else all of it. */
    public static int lengthAfter(byte[] result, byte[] original, int length) {
        return result == original ? length : result.length;
    }

    /**
     * Rewrites a buffer that holds one whole rendered event in place, when it holds a secret: log4j's layouts
     * render into a StringBuilder of their own and encode what it holds afterwards.
     */
    public static void scrubInPlace(StringBuilder event) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber == null || event == null || event.length() == 0) {
            return;
        }
        try {
            String text = event.toString();
            String scrubbed = scrubber.scrub(text);
            if (scrubbed != text) {
                event.setLength(0);
                event.append(scrubbed);
            }
        } catch (Throwable t) {
            event.setLength(0);
            event.append(WITHHELD);
        }
    }
}
