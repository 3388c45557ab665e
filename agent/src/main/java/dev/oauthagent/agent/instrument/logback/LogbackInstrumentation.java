package dev.oauthagent.agent.instrument.logback;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * logback, 1.2 to 1.6: every line any logback appender writes passes through the agent's redactor
 * ({@code Bridge.scrubber()}) before it reaches its destination. Two classes of logback-core get a call to
 * {@code dev.oauthagent.bootstrap.LogLineAdvice} at the start of one method, which swaps the method's byte
 * argument for its scrubbed copy when it holds a secret:
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
 * sends them as datagrams, bypassing {@code OutputStreamAppender}. It writes each laid-out event (and each
 * stack-trace line) in one call before flushing it, so each write is scrubbed as a whole.</li>
 * </ul>
 * Hooking the encoded bytes rather than a layout's string means each line is scanned once, after every
 * converter (message, MDC, exception, JSON escaping) has run.
 */
public final class LogbackInstrumentation implements LibraryInstrumentation {
    static final String APPENDER = "ch.qos.logback.core.OutputStreamAppender";
    static final String SYSLOG_STREAM = "ch.qos.logback.core.net.SyslogOutputStream";
    /** Where it exists, the one method every write ends in, prudent-mode file writes included. */
    static final String STREAM_WRITE = "writeByteArrayToOutputStreamWithPossibleFlush";
    private static final String LINES = "dev/oauthagent/bootstrap/LogLineAdvice";
    private static final String BYTES_ONLY = "([B)V";

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
        // Nothing to bind: the inserted calls read the redactor the scrubbing set-up installs in the Bridge.
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(
                HookPoint.atEntry(APPENDER, STREAM_WRITE, BYTES_ONLY).optional()
                        .pushArgument(0).replacingArgument(0).calls(LINES, "scrubbed", "([B)[B"),
                HookPoint.atEntry(APPENDER, "writeBytes", BYTES_ONLY).unlessClassDeclares(STREAM_WRITE, BYTES_ONLY)
                        .pushArgument(0).replacingArgument(0).calls(LINES, "scrubbed", "([B)[B"),
                HookPoint.atEntry(SYSLOG_STREAM, "write", "([BII)V")
                        .pushArgument(0).pushArgument(1).pushArgument(2).replacingRange(0, 1, 2)
                        .calls(LINES, "scrubbedRange", "([BII)[B"));
    }

    @Override
    public void disable() {
        // The redactor is switched off as a whole by the scrubbing set-up (Bridge.installScrubber(null)).
    }
}
