package dev.oauthagent.agent.instrument;

import net.bytebuddy.agent.builder.AgentBuilder;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.List;

/** Lets a test in another package install one instrumentation with the production byte-buddy settings. */
public final class AgentBuilderForTests {
    private AgentBuilderForTests() {
    }

    public static AgentBuilder withProductionSettings(Instrumentation inst, LibraryInstrumentation library) {
        return library.register(AgentBuilderSettings.create(inst, new HashSet<>(List.of(library.targetClasses()))));
    }
}
