package dev.oauthagent.bootstrap;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What the agent inserts into logging libraries at the point where they take the stream they will write
 * every line to (a handler's or log file's stream, as an argument or on its way to a writer): a call that
 * returns the stream to use instead. The inserted bytecode is only the call; whether to scrub is decided here,
 * in Java.
 */
public final class LogFileAdvice {
    private LogFileAdvice() {
    }

    /**
     * A stream that scrubs before it writes to {@code out}, or {@code out} itself when scrubbing is off. Never
     * throws: if the redactor cannot wrap the stream, the file is written as the library meant to.
     */
    public static OutputStream scrubbing(OutputStream out) {
        try {
            LogScrubber scrubber = Bridge.scrubber();
            return scrubber == null || out == null ? out : scrubber.wrap(out);
        } catch (Throwable ignored) {
            return out; // a bug of ours must not cost the application its log file
        }
    }

    /**
     * A PrintStream that scrubs before it writes to {@code out}, or {@code out} itself when scrubbing is off or
     * it cannot be wrapped: for a library that keeps a PrintStream over its log file (slf4j-simple).
     */
    public static PrintStream scrubbing(PrintStream out) {
        try {
            LogScrubber scrubber = Bridge.scrubber();
            if (scrubber == null || out == null) {
                return out;
            }
            OutputStream scrubbing = scrubber.wrap(out);
            return scrubbing == out ? out : new PrintStream(scrubbing);
        } catch (Throwable ignored) {
            return out;
        }
    }

    /**
     * For the stream {@code System.console()} writes to (the JDK opens its own on file descriptor 1, past
     * {@code System.out}): one that scrubs, or {@code out} itself when scrubbing is off. Never throws.
     */
    public static OutputStream terminal(OutputStream out) {
        try {
            LogScrubber scrubber = Bridge.scrubber();
            return scrubber == null || out == null ? out : scrubber.wrapTerminal(out);
        } catch (Throwable ignored) {
            return out; // a bug of ours must not cost the application its console
        }
    }
}
