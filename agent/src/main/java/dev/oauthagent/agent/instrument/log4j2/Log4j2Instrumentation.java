package dev.oauthagent.agent.instrument.log4j2;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * log4j2 (log4j-core 2.x): every event is scrubbed as a whole, before log4j turns it into bytes for its
 * appender. log4j has two ways from a layout to an appender's stream, and each gets one hook:
 * <ul>
 *   <li>the garbage-free "direct encoder" path (the default): text layouts (PatternLayout, JsonTemplateLayout,
 *   GelfLayout) render the event into a StringBuilder and hand it to the static
 *   {@code TextEncoderHelper.encodeText}, which encodes it straight into the appender's buffer, draining it
 *   as often as needed. The hook rewrites the StringBuilder there, while it still holds the whole event;</li>
 *   <li>the byte-array path ({@code log4j2.enableDirectEncoders=false}, and layouts without a direct encoder):
 *   the layout's {@code toByteArray} result reaches {@code OutputStreamManager.write(byte[], boolean)} or
 *   {@code writeBytes(byte[], int, int)}, again one whole event per call, and the hook swaps the array.</li>
 * </ul>
 * Every file, rolling, random-access and console appender (whatever its {@code direct} or {@code follow}
 * setting) writes through an {@code OutputStreamManager}, and async loggers and appenders end in the same
 * appenders, so these two classes see every event. Why not the bytes on their way out: see
 * docs/decisions/0006-log4j2-scrub-hook.md.
 *
 * <p>The advice reads {@code Bridge.scrubber()}, installed by the scrubbing set-up before this runs; nothing is transformed
 * when scrubbing is off, and the advice does nothing while the Bridge holds no redactor.
 */
public final class Log4j2Instrumentation implements LibraryInstrumentation {
    static final String TEXT_ENCODER = "org.apache.logging.log4j.core.layout.TextEncoderHelper";
    static final String OUTPUT_STREAM_MANAGER = "org.apache.logging.log4j.core.appender.OutputStreamManager";

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

    /** Set on the start-up thread, read by {@link #register} on the same thread. */
    private boolean scrubbing;

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        // Nothing to bind (the advice reads the redactor from the Bridge), only whether there is one: premain
        // installs it before this runs, or never when scrubbing is off.
        scrubbing = Bridge.scrubber() != null;
    }

    @Override
    public AgentBuilder register(AgentBuilder builder) {
        if (!scrubbing) {
            return builder;
        }
        ClassLoader agentLoader = Log4j2Instrumentation.class.getClassLoader();
        return builder
                .type(named(TEXT_ENCODER)).transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(agentLoader)
                        .advice(named("encodeText").and(isStatic()).and(takesArguments(5))
                                        .and(takesArgument(3, StringBuilder.class)),
                                EventTextAdvice.class.getName()))
                .type(named(OUTPUT_STREAM_MANAGER)).transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(agentLoader)
                        .advice(named("write").and(takesArguments(byte[].class, boolean.class)),
                                EventBytesAdvice.class.getName())
                        .advice(named("writeBytes").and(takesArguments(byte[].class, int.class, int.class)),
                                EventRangeAdvice.class.getName()));
    }

    /**
     * Nothing of its own to switch off: the redactor in the Bridge is shared by every logging hook and the
     * agent's own streams, and is removed by the redactor's owner, not by one library's hook.
     */
    @Override
    public void disable() {
    }
}
