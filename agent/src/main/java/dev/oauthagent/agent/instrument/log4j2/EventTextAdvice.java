package dev.oauthagent.agent.instrument.log4j2;

import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of log4j's {@code TextEncoderHelper.encodeText(encoder, charBuffer, byteBuffer, text,
 * destination)}: the one place where every text layout's direct encoder still holds the whole event as text.
 * The StringBuilder is the layout's own reusable buffer, so rewriting it in place is what log4j then encodes
 * (and what it would print if its encoder failed). A clean event costs one copy to a String and is left
 * untouched. May reference bootstrap classes only.
 */
final class EventTextAdvice {
    private EventTextAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Argument(3) StringBuilder text) {
        LogScrubber scrubber = Bridge.scrubber();
        if (scrubber != null && text != null && text.length() > 0) {
            String event = text.toString();
            String scrubbed = scrubber.scrub(event);
            if (scrubbed != event) {
                text.setLength(0);
                text.append(scrubbed);
            }
        }
    }
}
