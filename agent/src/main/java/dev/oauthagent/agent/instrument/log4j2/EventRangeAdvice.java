package dev.oauthagent.agent.instrument.log4j2;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of log4j's {@code OutputStreamManager.writeBytes(byte[] data, int offset, int length)}:
 * where a layout without a text encoder (the default {@code AbstractLayout.encode}) writes one whole
 * {@code toByteArray} event on the direct-encoder path. Like {@link EventBytesAdvice}, for a range.
 * May reference bootstrap classes only.
 */
final class EventRangeAdvice {
    private EventRangeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) byte[] data,
                      @Advice.Argument(value = 1, readOnly = false) int offset,
                      @Advice.Argument(value = 2, readOnly = false) int length) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber != null && data != null) {
            byte[] scrubbed = scrubber.scrub(data, offset, length);
            if (scrubbed != null) {
                data = scrubbed;
                offset = 0;
                length = scrubbed.length;
            }
        }
    }
}
