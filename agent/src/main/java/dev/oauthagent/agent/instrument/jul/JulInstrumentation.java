package dev.oauthagent.agent.instrument.jul;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.List;

/**
 * {@code java.util.logging}: one class of the JDK is transformed, {@code java.util.logging.StreamHandler}, at
 * the one method through which every StreamHandler (ConsoleHandler, FileHandler, SocketHandler and the
 * application's own subclasses) gets the stream it writes to: {@code protected synchronized void
 * setOutputStream(OutputStream)}, the same on Java 8 to 25. A call at its start
 * ({@code LogFileAdvice.scrubbing}) swaps the stream for one that scrubs before it writes: ConsoleHandler's
 * captured {@code System.err}, each file a FileHandler opens or rotates to, SocketHandler's socket. The
 * formatted text reaches the stream only through the writer built there, so any Formatter, custom ones
 * included, is covered. Handlers that are not StreamHandlers write wherever they like and are not covered
 * (docs/scrubbing.md).
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
    static final String LOG_FILES = "dev/oauthagent/bootstrap/LogFileAdvice";

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
    public void prepare(Instrumentation inst, Injector injector) {
        // Loaded before the hook: a runtime attach (with -javaagent the start-up gate holds its first load).
        loadedBeforeAgent = isLoaded(inst, TARGET);
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Collections.singletonList(HookPoint.atEntry(TARGET, "setOutputStream", "(Ljava/io/OutputStream;)V")
                .pushArgument(0).replacingArgument(0)
                .calls(LOG_FILES, "scrubbing", "(Ljava/io/OutputStream;)Ljava/io/OutputStream;"));
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

    /** Nothing to switch off here: the inserted call follows {@code Bridge.scrubber()}, which the redactor owns. */
    @Override
    public void disable() {
    }
}
