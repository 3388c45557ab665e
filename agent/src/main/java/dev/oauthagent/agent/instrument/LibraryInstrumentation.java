package dev.oauthagent.agent.instrument;

import dev.oauthagent.agent.inject.Injector;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.List;

/**
 * One library (or JDK API) the agent hooks: an HTTP client it decorates with tokens, or a logging framework
 * whose output it scrubs. Implementations are small: which classes, which advice, and how to connect the
 * advice's bootstrap hook to the agent ({@link Injector} for HTTP clients; logging hooks read
 * {@code Bridge.scrubber()}, installed by the redactor, and ignore the injector).
 *
 * <p>Implementations are loaded in premain (for {@link #targetClasses}), before the bootstrap classes are boot
 * classes, so they must not hand one of their own types where a bootstrap type is expected (say, a hop object
 * to {@code Bridge.installUrlConnection}): verifying that call loads the bootstrap interface, which fails then.
 * Such calls live in the classes they hand over ({@code UrlConnectionHop.install}), loaded on the start-up thread.
 */
public interface LibraryInstrumentation {
    /** For log lines, e.g. "HttpURLConnection" or "logback". */
    String name();

    /** Binary names of the classes it transforms: the start-up gate watches for these. */
    String[] targetClasses();

    /** What the application loses when this cannot be instrumented, for the error line. */
    default String withoutIt() {
        return "its requests get no token";
    }

    /** Whether this JVM has the client (e.g. java.net.http on Java 11+). */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Whether {@code loader} (null: the boot loader) can see {@code className}, without initialising it: for
     * {@link #isAvailable} of a JDK module that a runtime image may leave out.
     */
    static boolean hasClass(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** Binds JDK internals and installs the hook the advice calls. Runs before {@link #register}. */
    void prepare(Instrumentation inst, Injector injector) throws Exception;

    /**
     * The calls to insert into the target classes, for instrumentations that hook a few known methods: applied
     * by a plain class file transformer ({@link HookPoint}), which costs a fraction of byte-buddy's set-up. An
     * instrumentation with hook points is not offered to {@link #register}.
     */
    default List<HookPoint> hookPoints() {
        return Collections.emptyList();
    }

    /**
     * Byte-buddy's way, for instrumentations without {@link #hookPoints}: adds type matchers and advice to the
     * builder. The builder (and byte-buddy's few hundred milliseconds of set-up) is only created when at least
     * one available instrumentation uses this.
     */
    default AgentBuilder register(AgentBuilder builder) {
        return builder;
    }

    /**
     * Runs once the transformation is in place, already-loaded targets included: for objects the library made
     * before that (after a runtime attach) and that the advice will never see. Nothing by default.
     */
    default void afterInstall(Instrumentation inst) throws Exception {
    }

    /** Uninstalls the hook: the advice then does nothing. */
    void disable();
}
