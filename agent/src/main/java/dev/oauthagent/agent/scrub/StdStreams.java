package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.instrument.ModuleAccess;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts scrubbing PrintStreams in place of {@code System.out} and {@code System.err}, in premain, before the
 * application (or its logging framework, which often captures the stream once) can write. The new stream
 * encodes text exactly as the original would: in the charset the JDK chose for the original (read from it, not
 * worked out again), with autoflush as the JDK's own standard streams have it; the scrubbed bytes go on to the
 * original, so its buffering and file descriptor stay as they were.
 *
 * <p>Text held back because it may begin a secret is released once the program has been quiet for a moment
 * ({@link DaemonHeldTextTimer}) and at exit, after the application's shutdown hooks ({@link LastShutdownHook}).
 */
final class StdStreams {
    /** How long the exit release waits for a writer that holds a stream, e.g. one blocked on a full pipe. */
    static final long EXIT_LOCK_WAIT_MILLIS = 1000;

    private StdStreams() {
    }

    static void install(Redactor redactor, Instrumentation inst) {
        openPrintStreamInternals(inst);
        HeldTextTimer timer = new DaemonHeldTextTimer();
        PrintStream out = wrap(System.out, redactor, charsetOf(System.out, "sun.stdout.encoding"), timer);
        PrintStream err = wrap(System.err, redactor, charsetOf(System.err, "sun.stderr.encoding"), timer);
        ExitRelease atExit = new ExitRelease();
        atExit.add(System.out, out);
        atExit.add(System.err, err);
        if (atExit.isEmpty()) {
            return;
        }
        try {
            LastShutdownHook.register(inst, atExit);
        } catch (RuntimeException shuttingDown) {
            return; // too late to release anything at exit: leave the application's streams as they are
        }
        System.setOut(out);
        System.setErr(err);
    }

    /**
     * The original itself when it already scrubs, or when its charset is not ASCII-compatible (UTF-16, EBCDIC:
     * the byte matcher could not see a secret in it; the logging hooks still scrub text before it gets there).
     */
    static PrintStream wrap(PrintStream original, Redactor redactor, Charset charset, HeldTextTimer timer) {
        if (original == null || original instanceof ScrubbingPrintStream) {
            return original;
        }
        if (!isAsciiCompatible(charset)) {
            return original;
        }
        try {
            return new ScrubbingPrintStream(new ScrubbingOutputStream(original, redactor, timer), charset.name());
        } catch (java.io.UnsupportedEncodingException e) {
            return original; // cannot happen for a Charset's own name; the application keeps its stream
        }
    }

    /**
     * The charset the JDK encodes {@code stream}'s text in: {@code PrintStream.charset()} on Java 18+ (called
     * reflectively: the agent compiles for Java 8); on Java 8 to 17 the encoding of the stream's own writer (a
     * private field, readable once {@link #openPrintStreamInternals} has run); failing both, the rule of
     * Java 8 to 17 for the standard streams: {@code legacyProperty} ({@code sun.stdout.encoding}) if it names a
     * supported charset, else the default charset. ({@code stdout.encoding} exists only from Java 19, where
     * {@code charset()} answers.)
     */
    static Charset charsetOf(PrintStream stream, String legacyProperty) {
        try {
            Method charset = PrintStream.class.getMethod("charset");
            return (Charset) charset.invoke(stream);
        } catch (Exception e) {
            // Java 8 to 17: no PrintStream.charset()
        }
        try {
            Field charOut = PrintStream.class.getDeclaredField("charOut");
            charOut.setAccessible(true);
            return Charset.forName(((OutputStreamWriter) charOut.get(stream)).getEncoding());
        } catch (Exception e) {
            // java.io not open to the agent (no Instrumentation), or a JDK without that field
        }
        return legacyCharset(legacyProperty);
    }

    /** Java 8 to 17's rule for a standard stream: {@code legacyProperty} if it names a charset, else the default. */
    static Charset legacyCharset(String legacyProperty) {
        String name = System.getProperty(legacyProperty);
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (RuntimeException e) {
                // an unknown name: the JDK falls back to the default charset too
            }
        }
        return Charset.defaultCharset();
    }

    static boolean isAsciiCompatible(Charset charset) {
        String probe = "Az09 =:/\"\n";
        return Arrays.equals(probe.getBytes(charset), probe.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** On Java 9 to 17, lets {@link #charsetOf} read the writer of a PrintStream; nothing on other versions. */
    static void openPrintStreamInternals(Instrumentation inst) {
        if (inst == null) {
            return;
        }
        try {
            PrintStream.class.getMethod("charset");
        } catch (NoSuchMethodException java8To17) {
            try {
                ModuleAccess.openPackageOf(inst, PrintStream.class, StdStreams.class);
            } catch (Exception e) {
                // charsetOf falls back to the JDK's rule
            }
        }
    }

    /** At exit, after the application's hooks: everything the program printed and flushed comes out, scrubbed. */
    private static final class ExitRelease implements Runnable {
        private final List<ScrubbingPrintStream> streams = new ArrayList<ScrubbingPrintStream>();

        /** Only a stream wrapped now: one that was already scrubbing has its release registered. */
        void add(PrintStream original, PrintStream replacement) {
            if (replacement != original && replacement instanceof ScrubbingPrintStream) {
                streams.add((ScrubbingPrintStream) replacement);
            }
        }

        boolean isEmpty() {
            return streams.isEmpty();
        }

        @Override
        public void run() {
            for (ScrubbingPrintStream stream : streams) {
                stream.releaseFlushed(EXIT_LOCK_WAIT_MILLIS);
            }
        }
    }
}
