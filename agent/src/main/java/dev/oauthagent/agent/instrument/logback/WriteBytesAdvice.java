package dev.oauthagent.agent.instrument.logback;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the method through which logback's {@code OutputStreamAppender} writes encoded bytes
 * ({@code writeByteArrayToOutputStreamWithPossibleFlush(byte[])}, or {@code writeBytes(byte[])} in logback 1.2): swaps the encoded line for
 * its scrubbed form. May reference bootstrap classes only. Costs a volatile read and the redactor's scan for a
 * clean line (the redactor returns null and the original array is written). Does nothing while no redactor is
 * installed. A redactor that throws (it must not) gets the line withheld (with the redactor's own marker)
 * rather than written raw; anything
 * else that goes wrong in here is suppressed and the line is written as logback meant to.
 */
final class WriteBytesAdvice {
    private WriteBytesAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) byte[] bytes) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber == null || bytes == null) {
            return;
        }
        byte[] scrubbed;
        try {
            scrubbed = scrubber.scrub(bytes, 0, bytes.length);
        } catch (Throwable t) {
            scrubbed = "[oauth-agent: line withheld: redaction failed]\n".getBytes();
        }
        if (scrubbed != null) {
            bytes = scrubbed;
        }
    }
}
