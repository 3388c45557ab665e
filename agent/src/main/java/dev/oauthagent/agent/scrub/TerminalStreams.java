package dev.oauthagent.agent.scrub;

import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The scrubbing streams a person or a pipe reads as the program runs: {@code System.out}, {@code System.err}
 * and {@code System.console()}'s. Unlike a log file's, what they hold back because it may begin a secret must
 * come out soon ({@link HeldTextTimer}) and must not be lost at exit: after the application's shutdown hooks
 * have run ({@link LastShutdownHook}), each one's flushed text is released, scrubbed.
 */
final class TerminalStreams {
    /** How long the exit release waits for a writer that holds a stream, e.g. one blocked on a full pipe. */
    static final long EXIT_LOCK_WAIT_MILLIS = 1000;

    private final Redactor redactor;
    private final HeldTextTimer timer;
    /** Written when a stream opens (the console's, at any time), read once at exit. */
    private final CopyOnWriteArrayList<ScrubbingOutputStream> streams = new CopyOnWriteArrayList<ScrubbingOutputStream>();

    TerminalStreams(Redactor redactor, HeldTextTimer timer) {
        this.redactor = redactor;
        this.timer = timer;
    }

    /** Registers the release at exit; false if it will run beside the application's hooks rather than after. */
    boolean releaseAtExit(Instrumentation inst) {
        return LastShutdownHook.register(inst, new ExitRelease());
    }

    ScrubbingOutputStream open(OutputStream out) {
        ScrubbingOutputStream stream = new ScrubbingOutputStream(out, redactor, timer);
        streams.add(stream);
        return stream;
    }

    /** A class, not a lambda: created in premain. */
    private final class ExitRelease implements Runnable {
        @Override
        public void run() {
            for (ScrubbingOutputStream stream : streams) {
                stream.releaseFlushed(EXIT_LOCK_WAIT_MILLIS);
            }
        }
    }
}
