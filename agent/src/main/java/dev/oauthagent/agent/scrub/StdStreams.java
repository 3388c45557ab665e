package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.instrument.ModuleAccess;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Puts scrubbing PrintStreams in place of {@code System.out} and {@code System.err}, in premain, before the
 * application (or its logging framework, which often captures the stream once) can write. The new stream
 * encodes text exactly as the original would: in the charset the JDK chose for the original (read from it, not
 * worked out again), with autoflush as the JDK's own standard streams have it; the scrubbed bytes go on to the
 * original, so its buffering and file descriptor stay as they were.
 *
 * <p>Text held back because it may begin a secret is released once the program has been quiet for a moment
 * and at exit, after the application's shutdown hooks ({@link TerminalStreams}).
 */
final class StdStreams {
    private StdStreams() {
    }

    /**
     * Wraps both streams, unless the release at exit cannot be registered (the JVM is already shutting down):
     * then they are left as they are, since text they held back could be lost.
     */
    static void install(TerminalStreams terminals, Instrumentation inst) {
        try {
            terminals.releaseAtExit(inst);
        } catch (RuntimeException shuttingDown) {
            return;
        }
        openPrintStreamInternals(inst);
        System.setOut(wrap(System.out, charsetOf(System.out, "sun.stdout.encoding"), terminals));
        System.setErr(wrap(System.err, charsetOf(System.err, "sun.stderr.encoding"), terminals));
    }

    /**
     * The original itself when it already scrubs, or when its charset is not ASCII-compatible (UTF-16, EBCDIC:
     * the byte matcher could not see a secret in it; the logging hooks still scrub text before it gets there).
     */
    static PrintStream wrap(PrintStream original, Charset charset, TerminalStreams terminals) {
        if (original == null || original instanceof ScrubbingPrintStream) {
            return original;
        }
        if (!isAsciiCompatible(charset)) {
            return original;
        }
        try {
            return new ScrubbingPrintStream(terminals.open(original), charset.name());
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
}
