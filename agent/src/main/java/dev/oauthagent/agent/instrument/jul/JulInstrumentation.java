package dev.oauthagent.agent.instrument.jul;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.agent.instrument.ModuleAccess;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code java.util.logging}: one class of the JDK is transformed, {@code java.util.logging.StreamHandler}, at
 * the one method through which every StreamHandler (ConsoleHandler, FileHandler, SocketHandler and the
 * application's own subclasses) gets the stream it writes to. Handlers that are not StreamHandlers write
 * wherever they like and are not covered (docs/scrubbing.md).
 *
 * <p>Scrubs through {@code Bridge.scrubber()}; nothing is transformed when scrubbing is off
 * ({@code oauth.agent.scrub.enabled=false}).
 */
public final class JulInstrumentation implements LibraryInstrumentation {
    /** Created on first use, on the start-up thread: this class is loaded in premain, before logging is set up. */
    private static final class Log {
        static final Logger log = LoggerFactory.getLogger(JulInstrumentation.class);
    }

    static final String TARGET = "java.util.logging.StreamHandler";

    /**
     * {@code protected synchronized void setOutputStream(OutputStream)}, the same on Java 8 to 25. A method, not
     * a constant: this class is initialised in premain, where byte-buddy's matchers would cost start-up time.
     */
    static ElementMatcher<MethodDescription> setOutputStream() {
        return named("setOutputStream").and(takesArguments(OutputStream.class));
    }

    /** Whether the redactor was installed (oauth.agent.scrub.enabled): without it, StreamHandler is left as it is. */
    private volatile boolean scrubbing;
    private volatile boolean loadedBeforeAgent;

    @Override
    public String withoutIt() {
        return "its log lines are not scrubbed (System.out and System.err still are)";
    }

    @Override
    public String name() {
        return "java.util.logging";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {TARGET};
    }

    /** False on a runtime image built without the java.logging module. Loads Handler, not the target. */
    @Override
    public boolean isAvailable() {
        return LibraryInstrumentation.hasClass("java.util.logging.Handler", null);
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) throws Exception {
        scrubbing = Bridge.scrubber() != null; // installed on the start-up thread before this runs
        if (!scrubbing) {
            return;
        }
        // The advice is inlined into java.logging, which must be able to read the bootstrap classes' module.
        ModuleAccess.addReads(inst, Class.forName("java.util.logging.Handler", false, null), Bridge.class);
        // Loaded now, before byte-buddy: a runtime attach (with -javaagent the start-up gate holds its first load).
        loadedBeforeAgent = isLoaded(inst, TARGET);
    }

    /**
     * After a runtime attach, handlers made before the hook keep their raw stream: they get a scrubbing one.
     * Never with -javaagent: JUL is then not loaded yet, and asking LogManager for its loggers would read the
     * logging configuration before the application's main could set it up.
     */
    @Override
    public void afterInstall(Instrumentation inst) throws Exception {
        LogScrubber scrubber = Bridge.scrubber();
        if (loadedBeforeAgent && scrubber != null) {
            int changed = ExistingStreamHandlers.bind(inst).scrubRegistered(scrubber);
            Log.log.debug("java.util.logging: {} handler(s) made before the agent started now scrub", changed);
        }
    }

    private static boolean isLoaded(Instrumentation inst, String name) {
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AgentBuilder register(AgentBuilder builder) {
        if (!scrubbing) {
            return builder;
        }
        return builder.type(named(TARGET)).transform(new AgentBuilder.Transformer.ForAdvice()
                .include(JulInstrumentation.class.getClassLoader())
                .advice(setOutputStream(), SetOutputStreamAdvice.class.getName()));
    }

    /** Nothing to switch off here: the advice follows {@code Bridge.scrubber()}, which the redactor owns. */
    @Override
    public void disable() {
    }
}
