package dev.oauthagent.bootstrap;

import java.io.OutputStream;

/**
 * What logging hooks call to keep secrets out of a line before it reaches its destination. Implemented by the
 * agent's redactor and installed in {@link Bridge}; lives here because hooks inlined into JDK classes
 * ({@code java.util.logging}, {@code System.out}) can only see bootstrap classes. Implementations never
 * throw: if redaction itself fails, the text is replaced as a whole, never passed on raw.
 */
public interface LogScrubber {

    /** The text with every secret replaced; the same instance when there is nothing to replace. */
    String scrub(String text);

    /**
     * The scrubbed form of {@code length} bytes of ASCII-compatible text (UTF-8, ISO-8859-x, US-ASCII)
     * starting at {@code offset}, or null when the range holds no secret and may be written as it is.
     */
    byte[] scrub(byte[] bytes, int offset, int length);

    /**
     * A sink that scrubs everything written through it before it reaches {@code out}, including a secret
     * split across several writes. Returns {@code out} itself when it already scrubs.
     */
    OutputStream wrap(OutputStream out);
}
