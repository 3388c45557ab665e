package dev.oauthagent.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Test fixture: installs one {@link LibraryInstrumentation} into the test JVM with the agent's real byte-buddy
 * settings (retransforming its targets if they are loaded already), so a test drives the library's real
 * classes through the real advice. {@link #close} restores the original classes.
 */
public final class InstalledInstrumentation implements AutoCloseable {
    private final Instrumentation inst;
    private final ResettableClassFileTransformer transformer;

    private InstalledInstrumentation(Instrumentation inst, ResettableClassFileTransformer transformer) {
        this.inst = inst;
        this.transformer = transformer;
    }

    public static InstalledInstrumentation install(LibraryInstrumentation instrumentation) throws Exception {
        Instrumentation inst = ByteBuddyAgent.install();
        Set<String> targets = new HashSet<>(List.of(instrumentation.targetClasses()));
        instrumentation.prepare(inst, null);
        AgentBuilder builder = instrumentation.register(AgentBuilderSettings.create(inst, targets));
        return new InstalledInstrumentation(inst, builder.installOn(inst));
    }

    @Override
    public void close() {
        transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    }
}
