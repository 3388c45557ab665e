package dev.oauthagent.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.List;

/**
 * Lets a test in another package prepare and register one instrumentation with the production byte-buddy
 * settings, as {@link Instrumenter#install} does (with no injector: for hooks that do not decorate requests).
 */
public final class AgentBuilderForTests {
    private AgentBuilderForTests() {
    }

    public static AgentBuilder withProductionSettings(Instrumentation inst, LibraryInstrumentation library)
            throws Exception {
        library.prepare(inst, null);
        return library.register(AgentBuilderSettings.create(inst, new HashSet<>(List.of(library.targetClasses()))));
    }
}
