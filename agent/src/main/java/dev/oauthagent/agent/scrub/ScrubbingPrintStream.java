package dev.oauthagent.agent.scrub;

import java.io.PrintStream;
import java.io.UnsupportedEncodingException;

/**
 * {@code System.out} or {@code System.err} as the agent installs them: a PrintStream over a
 * {@link ScrubbingOutputStream}. A class of its own so that {@link Redactor#wrap} recognises it and does not
 * scrub the same bytes twice when a logging hook wraps {@code System.out}.
 */
final class ScrubbingPrintStream extends PrintStream {
    ScrubbingPrintStream(ScrubbingOutputStream out, String charsetName) throws UnsupportedEncodingException {
        super(out, true, charsetName);
    }
}
