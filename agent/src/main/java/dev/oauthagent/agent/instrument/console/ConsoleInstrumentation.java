package dev.oauthagent.agent.instrument.console;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * {@code System.console()}: its {@code printf}, {@code format}, {@code writer()} and the prompts of
 * {@code readLine}/{@code readPassword} do not go through {@code System.out}. The JDK's built-in console opens
 * its own {@code new FileOutputStream(FileDescriptor.out)} and builds its one writer over it, in a constructor:
 * {@code java.io.Console()} up to Java 21 (read in the JDK 17 class file), {@code
 * jdk.internal.io.JdkConsoleImpl(Charset, Charset)} on Java 25 (read in Temurin 25's), whose {@code Console} is
 * a proxy to it. That stream is handed to {@code LogFileAdvice.terminal}, which wraps it like {@code System.out}
 * (text held back is released after a quiet moment and at exit). The console exists only when stdin and stdout
 * are terminals. Not covered: the console of {@code jdk.internal.le} ({@code -Djdk.console=jdk.internal.le}, the
 * default on Java 22 to 24), which writes through its own terminal code (docs/scrubbing.md).
 *
 * <p>Both points are optional: each JDK has one of the two constructors. Nothing is transformed when scrubbing
 * is off.
 */
public final class ConsoleInstrumentation implements LibraryInstrumentation {
    static final String BUILT_IN_CONSOLE = "java.io.Console";
    static final String JDK_CONSOLE = "jdk.internal.io.JdkConsoleImpl";

    @Override
    public String withoutIt() {
        return "System.console() output is not scrubbed (System.out and System.err still are)";
    }

    @Override
    public String name() {
        return "System.console()";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {BUILT_IN_CONSOLE, JDK_CONSOLE};
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        // Nothing to bind: the inserted call reads the redactor the scrubbing set-up installs in the Bridge.
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(
                HookPoint.rewritingIfPresent(BUILT_IN_CONSOLE, "<init>", "()V", new ConsoleStreamWrapping()),
                HookPoint.rewritingIfPresent(JDK_CONSOLE, "<init>",
                        "(Ljava/nio/charset/Charset;Ljava/nio/charset/Charset;)V", new ConsoleStreamWrapping()));
    }

    /** Nothing to switch off here: the inserted call follows {@code Bridge.scrubber()}, which the redactor owns. */
    @Override
    public void disable() {
    }
}
