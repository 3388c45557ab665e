package dev.oauthagent.agent.instrument;

import dev.oauthagent.agent.inject.Injector;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;

/**
 * One HTTP client library (or JDK client) the agent decorates. Implementations are small: which classes,
 * which advice, and how to connect the advice's bootstrap hook to the {@link Injector}.
 */
public interface ClientInstrumentation {
    /** For log lines, e.g. "HttpURLConnection". */
    String name();

    /** Binary names of the classes it transforms: the start-up gate watches for these. */
    String[] targetClasses();

    /** Whether this JVM has the client (e.g. java.net.http on Java 11+). */
    default boolean isAvailable() {
        return true;
    }

    /** Binds JDK internals and installs the hook the advice calls. Runs before {@link #register}. */
    void prepare(Instrumentation inst, Injector injector) throws Exception;

    AgentBuilder register(AgentBuilder builder);

    /** Uninstalls the hook: the advice then does nothing. */
    void disable();
}
