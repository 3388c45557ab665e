package dev.oauthagent.bootstrap;

import java.io.OutputStream;

/**
 * What the agent inserts into logging libraries that open their log files themselves, where no method
 * argument carries the stream (so byte-buddy advice cannot swap it): a call placed on the stream at the point
 * the library hands it to its writer. The inserted bytecode is only the call; whether to scrub is decided here,
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
}
