package dev.oauthagent.agent.instrument.log4j2;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * log4j2 (log4j-core 2.x): every event is scrubbed as a whole, before log4j turns it into bytes for its
 * appender. log4j has two ways from a layout to an appender's stream, and each gets one hook:
 * <ul>
 *   <li>the garbage-free "direct encoder" path (the default): text layouts (PatternLayout, JsonTemplateLayout,
 *   GelfLayout) render the event into a StringBuilder and hand it to the static
 *   {@code TextEncoderHelper.encodeText}, which encodes it straight into the appender's buffer, draining it
 *   as often as needed. The hook rewrites the StringBuilder there, while it still holds the whole event (it is
 *   the layout's own reusable buffer, so what log4j then encodes, or prints if its encoder fails, is the
 *   scrubbed text; a clean event costs one copy to a String);</li>
 *   <li>the byte-array path ({@code log4j2.enableDirectEncoders=false}, and layouts without a direct encoder):
 *   the layout's {@code toByteArray} result reaches {@code OutputStreamManager.write(byte[], boolean)} or, from
 *   the default {@code AbstractLayout.encode}, {@code writeBytes(byte[], int, int)}, again one whole event per
 *   call, and the hook swaps the array (or the range) for its scrubbed copy.</li>
 * </ul>
 * Every file, rolling, random-access and console appender (whatever its {@code direct} or {@code follow}
 * setting) writes through an {@code OutputStreamManager}, and async loggers and appenders end in the same
 * appenders, so these two classes see every event. Why not the bytes on their way out: see
 * docs/decisions/0006-log4j2-scrub-hook.md.
 *
 * <p>The inserted calls ({@code dev.oauthagent.bootstrap.LogLineAdvice}) read {@code Bridge.scrubber()} on every
 * event and do nothing while it holds no redactor; with scrubbing off the class is not instrumented at all.
 */
public final class Log4j2Instrumentation implements LibraryInstrumentation {
    static final String TEXT_ENCODER = "org.apache.logging.log4j.core.layout.TextEncoderHelper";
    static final String OUTPUT_STREAM_MANAGER = "org.apache.logging.log4j.core.appender.OutputStreamManager";
    private static final String DESTINATION = "Lorg/apache/logging/log4j/core/layout/ByteBufferDestination;";
    private static final String LINES = "dev/oauthagent/bootstrap/LogLineAdvice";

    @Override
    public String withoutIt() {
        return "its log lines are not scrubbed (System.out and System.err still are)";
    }

    @Override
    public String name() {
        return "log4j2";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {TEXT_ENCODER, OUTPUT_STREAM_MANAGER};
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        // Nothing to bind: the inserted calls read the redactor from the Bridge.
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(
                HookPoint.atEntry(TEXT_ENCODER, "encodeText", "(Ljava/nio/charset/CharsetEncoder;Ljava/nio/CharBuffer;"
                                + "Ljava/nio/ByteBuffer;Ljava/lang/StringBuilder;" + DESTINATION + ")V")
                        .pushArgument(3).calls(LINES, "scrubInPlace", "(Ljava/lang/StringBuilder;)V"),
                HookPoint.atEntry(OUTPUT_STREAM_MANAGER, "write", "([BZ)V")
                        .pushArgument(0).replacingArgument(0).calls(LINES, "scrubbed", "([B)[B"),
                HookPoint.atEntry(OUTPUT_STREAM_MANAGER, "writeBytes", "([BII)V")
                        .pushArgument(0).pushArgument(1).pushArgument(2).replacingRange(0, 1, 2)
                        .calls(LINES, "scrubbedRange", "([BII)[B"));
    }

    /**
     * Nothing of its own to switch off: the redactor in the Bridge is shared by every logging hook and the
     * agent's own streams, and is removed by the redactor's owner, not by one library's hook.
     */
    @Override
    public void disable() {
    }
}
