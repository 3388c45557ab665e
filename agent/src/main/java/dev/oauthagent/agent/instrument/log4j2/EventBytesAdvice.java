package dev.oauthagent.agent.instrument.log4j2;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of log4j's {@code OutputStreamManager.write(byte[] bytes, boolean immediateFlush)}, where
 * the byte-array path ({@code Layout.toByteArray}) hands over one whole event. A secret in it swaps the array
 * for its scrubbed copy; a clean event costs one scan and no allocation. May reference bootstrap classes only.
 */
final class EventBytesAdvice {
    private EventBytesAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(value = 0, readOnly = false) byte[] bytes) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber != null && bytes != null) {
            byte[] scrubbed = scrubber.scrub(bytes, 0, bytes.length);
            if (scrubbed != null) {
                bytes = scrubbed;
            }
        }
    }
}
