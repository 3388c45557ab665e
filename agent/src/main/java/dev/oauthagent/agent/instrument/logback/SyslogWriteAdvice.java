package dev.oauthagent.agent.instrument.logback;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of logback's {@code SyslogOutputStream.write(byte[], int, int)}: the syslog appender
 * writes each laid-out event (and each stack-trace line) in one call before flushing it as a datagram, so
 * scrubbing each write sees whole lines. Same rules as {@link WriteBytesAdvice}.
 */
final class SyslogWriteAdvice {
    private SyslogWriteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) byte[] bytes,
                      @Advice.Argument(value = 1, readOnly = false) int offset,
                      @Advice.Argument(value = 2, readOnly = false) int length) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber == null || bytes == null) {
            return;
        }
        byte[] scrubbed;
        try {
            scrubbed = scrubber.scrub(bytes, offset, length);
        } catch (Throwable t) {
            scrubbed = "[oauth-agent: line withheld: redaction failed]".getBytes();
        }
        if (scrubbed != null) {
            bytes = scrubbed;
            offset = 0;
            length = scrubbed.length;
        }
    }
}
