package dev.oauthagent.agent.instrument.jul;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.asm.Advice;

import java.io.OutputStream;

/**
 * Inlined at the start of {@code java.util.logging.StreamHandler.setOutputStream(OutputStream)}: the stream
 * every {@code StreamHandler} writes to (ConsoleHandler's captured {@code System.err}, each file a FileHandler
 * opens or rotates to, SocketHandler's socket) is swapped for one that scrubs before it writes. The formatted
 * text reaches the stream only through the writer built here, so any Formatter, custom ones included, is
 * covered. May reference bootstrap classes only.
 */
final class SetOutputStreamAdvice {
    private SetOutputStreamAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) OutputStream out) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber != null && out != null) {
            out = scrubber.wrap(out);
        }
    }
}
