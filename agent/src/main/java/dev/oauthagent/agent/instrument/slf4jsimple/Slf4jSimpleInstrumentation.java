package dev.oauthagent.agent.instrument.slf4jsimple;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * slf4j-simple's log file. Every line goes to {@code OutputChoice.getTargetPrintStream()}: {@code System.err}
 * or {@code System.out} (read on each line or cached at start-up, already scrubbing streams once the redactor
 * replaced them in premain) or, with {@code org.slf4j.simpleLogger.logFile=<path>}, a PrintStream over the
 * file, given to the {@code OutputChoice(PrintStream)} constructor: that one is wrapped. The class is
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

    /**
     * {@code OutputChoice(PrintStream)}: package-private, called only for a log file. A method, not a constant:
     * this class is initialised in premain, where byte-buddy's matchers would cost start-up time.
     */
    static ElementMatcher<MethodDescription> fileConstructor() {
        return isConstructor().and(takesArguments(PrintStream.class));
    }

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

    /** Whether the redactor was installed (oauth.agent.scrub.enabled): without it, slf4j-simple is left as it is. */
    private volatile boolean scrubbing;

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        // Nothing to bind: the advice reads Bridge.scrubber(), and application class loaders see boot classes.
        scrubbing = Bridge.scrubber() != null; // installed on the start-up thread before this runs
    }

    @Override
    public AgentBuilder register(AgentBuilder builder) {
        if (!scrubbing) {
            return builder;
        }
        return builder.type(namedOneOf(TARGET_2, TARGET_1_7)).transform(new AgentBuilder.Transformer.ForAdvice()
                .include(Slf4jSimpleInstrumentation.class.getClassLoader())
                .advice(fileConstructor(), FileTargetAdvice.class.getName()));
    }

    /** The binary name of the application's {@code org.slf4j.<pkg>.<simpleName>}, safe from relocation. */
    private static String applicationClass(String pkg, String simpleName) {
        StringBuilder name = new StringBuilder("org");
        return name.append('.').append("slf4j").append('.').append(pkg).append('.').append(simpleName).toString();
    }

    /** Nothing to switch off here: the advice follows {@code Bridge.scrubber()}, which the redactor owns. */
    @Override
    public void disable() {
    }
}
