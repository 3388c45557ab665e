package dev.oauthagent.agent.instrument.slf4jsimple;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.asm.Advice;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Inlined at the start of slf4j-simple's {@code OutputChoice(PrintStream)} constructor, which only the
 * {@code org.slf4j.simpleLogger.logFile=<path>} setting calls, with a PrintStream over the log file. The
 * OutputChoice keeps that stream in a final field for every later line, so wrapping the argument once scrubs
 * the whole file. slf4j-simple flushes after each line, which also flushes a secret held back at a write
 * boundary. May reference bootstrap classes only: slf4j-simple can live in any class loader.
 */
final class FileTargetAdvice {
    private FileTargetAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) PrintStream file) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber != null && file != null) {
            OutputStream scrubbing = scrubber.wrap(file);
            if (scrubbing != file) {
                file = new PrintStream(scrubbing);
            }
        }
    }
}
