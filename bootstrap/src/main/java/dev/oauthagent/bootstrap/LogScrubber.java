package dev.oauthagent.bootstrap;

import java.io.OutputStream;

/**
 * What logging hooks call to keep secrets out of a line before it reaches its destination. Implemented by the
 * agent's redactor and installed in {@link Bridge}; lives here because hooks inlined into JDK classes
 * ({@code java.util.logging}, {@code System.out}) can only see bootstrap classes. Implementations never
 * throw: if redaction itself fails, the text is replaced as a whole, never passed on raw. They are
 * thread-safe, and the set of secrets they look for changes as tokens rotate, so a hook must call them for
 * every line rather than cache a result.
 *
 * <p>Hooks reach the installed instance through {@link Bridge#scrubber()} (null: scrubbing is off, write the
 * line as it is). Scrubbing the same text twice is harmless: a replacement is never taken for a secret.
 */
public interface LogScrubber {

    /**
     * The text with every secret replaced; the same instance when there is nothing to replace (so a hook can
     * test {@code result == text} to skip work). Treats the text as complete: nothing is held back.
     */
    String scrub(String text);

    /**
     * The scrubbed form of {@code length} bytes of ASCII-compatible text (UTF-8, ISO-8859-x, US-ASCII)
     * starting at {@code offset}, or null when the range holds no secret and may be written as it is. Treats
     * the range as complete text (a whole line or record); for a stream of writes use {@link #wrap}.
     */
    byte[] scrub(byte[] bytes, int offset, int length);

    /**
     * A sink that scrubs everything written through it before it reaches {@code out}, including a secret
     * split across several writes or flushes: complete lines pass at once, {@code flush()} passes all but the
     * bytes that may still begin a secret, {@code close()} passes everything and closes {@code out}.
     * Synchronized like {@link java.io.PrintStream}. Returns {@code out} itself when it already scrubs (a
     * stream from this method, or the agent's {@code System.out}/{@code System.err}).
     */
    OutputStream wrap(OutputStream out);

    /**
     * As {@link #wrap}, for a stream to the terminal ({@code System.console()}'s): what it holds back because it
     * may begin a secret is also released once the writer has been quiet for a moment, and at exit, as for the
     * agent's {@code System.out}. By default the same as {@link #wrap}.
     */
    default OutputStream wrapTerminal(OutputStream out) {
        return wrap(out);
    }
}
