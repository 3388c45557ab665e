package dev.oauthagent.agent.instrument.logback;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * logback, 1.2 to 1.6: every line any logback appender writes passes through the agent's redactor
 * ({@code Bridge.scrubber()}) before it reaches its destination. Two classes of logback-core are transformed:
 * <ul>
 * <li>{@code OutputStreamAppender}, the base of {@code ConsoleAppender}, {@code FileAppender},
 * {@code RollingFileAppender} and most custom appenders, at the one method that writes what the encoder
 * produced (every event, and the encoder's header and footer) to the stream, whatever the encoder: pattern,
 * logback's JSON encoder, logstash-logback-encoder, a custom one. Where the class declares
 * {@code writeByteArrayToOutputStreamWithPossibleFlush(byte[])} (1.5 and 1.6 do) that is the method: prudent-mode
 * {@code FileAppender} calls it directly, bypassing {@code writeBytes}. logback 1.2 has no such method and
 * funnels everything, prudent mode included, through {@code writeBytes(byte[])}. Exactly one of the two is
 * hooked in any version, so a line is scanned once.</li>
 * <li>{@code SyslogOutputStream.write(byte[], int, int)}: the syslog appender lays events out itself and
 * sends them as datagrams, bypassing {@code OutputStreamAppender}.</li>
 * </ul>
 * Hooking the encoded bytes rather than a layout's string means each line is scanned once, after every
 * converter (message, MDC, exception, JSON escaping) has run.
 *
 * <p>The classes are loaded by the application's class loader, which sees the bootstrap {@code Bridge} as any
 * loader does; when logback sits on the module path, its named module gets a read edge to the bootstrap
 * classes before the advice runs.
 */
public final class LogbackInstrumentation implements LibraryInstrumentation {
    static final String APPENDER = "ch.qos.logback.core.OutputStreamAppender";
    static final String SYSLOG_STREAM = "ch.qos.logback.core.net.SyslogOutputStream";
    /** Where it exists, the one method every write ends in, prudent-mode file writes included. */
    static final String STREAM_WRITE = "writeByteArrayToOutputStreamWithPossibleFlush";

    private volatile Instrumentation inst;

    @Override
    public String withoutIt() {
        return "its log lines are not scrubbed (System.out and System.err still are)";
    }

    @Override
    public String name() {
        return "logback";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {APPENDER, SYSLOG_STREAM};
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        // Nothing to bind: the advice reads the redactor the scrubbing set-up installs in the Bridge.
        this.inst = inst;
    }

    @Override
    public AgentBuilder register(AgentBuilder builder) {
        return builder
                .type(named(APPENDER).and(declaresMethod(named(STREAM_WRITE))))
                .transform(advice(named(STREAM_WRITE).and(takesArguments(byte[].class)), WriteBytesAdvice.class))
                .assureReadEdgeTo(inst, Bridge.class)
                .type(named(APPENDER).and(not(declaresMethod(named(STREAM_WRITE)))))
                .transform(advice(named("writeBytes").and(isPrivate()).and(takesArguments(byte[].class)),
                        WriteBytesAdvice.class))
                .assureReadEdgeTo(inst, Bridge.class)
                .type(named(SYSLOG_STREAM))
                .transform(advice(named("write").and(isPublic()).and(takesArguments(byte[].class, int.class, int.class)),
                        SyslogWriteAdvice.class))
                .assureReadEdgeTo(inst, Bridge.class);
    }

    private static AgentBuilder.Transformer advice(ElementMatcher<? super MethodDescription> method, Class<?> advice) {
        return new AgentBuilder.Transformer.ForAdvice()
                .include(LogbackInstrumentation.class.getClassLoader())
                .advice(method, advice.getName());
    }

    @Override
    public void disable() {
        // The redactor is switched off as a whole by the scrubbing set-up (Bridge.installScrubber(null)).
    }
}
