package dev.oauthagent.agent.instrument.slf4jsimple;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;

import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.List;

/**
 * slf4j-simple's log file. Every line goes to {@code OutputChoice.getTargetPrintStream()}: {@code System.err}
 * or {@code System.out} (read on each line or cached at start-up, already scrubbing streams once the redactor
 * replaced them in premain) or, with {@code org.slf4j.simpleLogger.logFile=<path>}, a PrintStream over the
 * file, given to the package-private {@code OutputChoice(PrintStream)} constructor, which only the
 * {@code logFile} setting calls. A call at its start ({@code LogFileAdvice.scrubbing}) swaps that stream for a
 * scrubbing one; OutputChoice keeps it in a final field for every later line, and slf4j-simple flushes after
 * each line, which also flushes a secret held back at a write boundary. The class is
 * {@code org.slf4j.simple.OutputChoice} in 2.0.x and {@code org.slf4j.impl.OutputChoice} in 1.7.x, with the
 * same constructor. The agent's own, relocated slf4j-simple has another name and is not touched.
 */
public final class Slf4jSimpleInstrumentation implements LibraryInstrumentation {
    /*
     * Joined at run time, never written as one literal: the shade plugin relocates every string constant that
     * starts with org.slf4j (the agent's own copy moves to dev.oauthagent.agent.shaded.slf4j), which would point
     * the hook at the agent's slf4j-simple instead of the application's.
     */
    static final String TARGET_2 = applicationClass("simple", "OutputChoice");
    static final String TARGET_1_7 = applicationClass("impl", "OutputChoice");

    @Override
    public String withoutIt() {
        return "its log lines are not scrubbed (System.out and System.err still are)";
    }

    @Override
    public String name() {
        return "slf4j-simple";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {TARGET_2, TARGET_1_7};
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        // Nothing to bind: the inserted call reads Bridge.scrubber(), and application class loaders see boot classes.
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Arrays.asList(fileConstructor(TARGET_2), fileConstructor(TARGET_1_7));
    }

    private static HookPoint fileConstructor(String outputChoice) {
        return HookPoint.atEntry(outputChoice, "<init>", "(Ljava/io/PrintStream;)V")
                .pushArgument(0).replacingArgument(0)
                .calls("dev/oauthagent/bootstrap/LogFileAdvice", "scrubbing", "(Ljava/io/PrintStream;)Ljava/io/PrintStream;");
    }

    /** The binary name of the application's {@code org.slf4j.<pkg>.<simpleName>}, safe from relocation. */
    private static String applicationClass(String pkg, String simpleName) {
        StringBuilder name = new StringBuilder("org");
        return name.append('.').append("slf4j").append('.').append(pkg).append('.').append(simpleName).toString();
    }

    /** Nothing to switch off here: the inserted call follows {@code Bridge.scrubber()}, which the redactor owns. */
    @Override
    public void disable() {
    }
}
