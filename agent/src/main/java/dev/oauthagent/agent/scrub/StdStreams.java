package dev.oauthagent.agent.scrub;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Puts scrubbing PrintStreams in place of {@code System.out} and {@code System.err}, in premain, before the
 * application (or its logging framework, which often captures the stream once) can write. The new stream
 * encodes text exactly as the original would: same charset, and autoflush as the JDK's own standard streams
 * have it; the scrubbed bytes go on to the original, so its buffering and file descriptor stay as they were.
 */
final class StdStreams {
    private StdStreams() {
    }

    static void install(Redactor redactor) {
        System.setOut(wrap(System.out, redactor, charsetOf(System.out, "stdout.encoding", "sun.stdout.encoding")));
        System.setErr(wrap(System.err, redactor, charsetOf(System.err, "stderr.encoding", "sun.stderr.encoding")));
    }

    /**
     * The original itself when it already scrubs, or when its charset is not ASCII-compatible (UTF-16, EBCDIC:
     * the byte matcher could not see a secret in it; the logging hooks still scrub text before it gets there).
     */
    static PrintStream wrap(PrintStream original, Redactor redactor, Charset charset) {
        if (original == null || original instanceof ScrubbingPrintStream) {
            return original;
        }
        if (!isAsciiCompatible(charset)) {
            return original;
        }
        try {
            return new ScrubbingPrintStream(new ScrubbingOutputStream(original, redactor), charset.name());
        } catch (java.io.UnsupportedEncodingException e) {
            return original; // cannot happen for a Charset's own name; the application keeps its stream
        }
    }

    /**
     * {@code PrintStream.charset()} on Java 18+ (called reflectively: the agent compiles for Java 8); else the
     * properties the JDK itself reads for the standard streams ({@code stdout.encoding} on 18+,
     * {@code sun.stdout.encoding} on older JDKs with a console); else the default charset, which is what older
     * JDKs use without a console.
     */
    static Charset charsetOf(PrintStream stream, String... encodingProperties) {
        try {
            Method charset = PrintStream.class.getMethod("charset");
            return (Charset) charset.invoke(stream);
        } catch (Exception e) {
            // Java 8 to 17: no PrintStream.charset()
        }
        for (String property : encodingProperties) {
            String name = System.getProperty(property);
            if (name != null && !name.isEmpty()) {
                try {
                    return Charset.forName(name);
                } catch (RuntimeException e) {
                    // an unknown name: the JDK falls back to the default charset too
                }
            }
        }
        return Charset.defaultCharset();
    }

    static boolean isAsciiCompatible(Charset charset) {
        String probe = "Az09 =:/\"\n";
        return Arrays.equals(probe.getBytes(charset), probe.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
