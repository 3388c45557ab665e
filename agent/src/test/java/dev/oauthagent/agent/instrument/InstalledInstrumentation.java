package dev.oauthagent.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.util.List;

import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Test fixture: installs one {@link LibraryInstrumentation}'s hook points into the test JVM with the agent's
 * real transformer (retransforming its targets if they are loaded already), so a test
 * drives the library's real classes through the real inserted calls. {@link #close} restores the original
 * classes.
 */
public final class InstalledInstrumentation implements AutoCloseable {
    private final Instrumentation inst;
    private final HookPointTransformer transformer;

    private InstalledInstrumentation(Instrumentation inst, HookPointTransformer transformer) {
        this.inst = inst;
        this.transformer = transformer;
    }

    public static InstalledInstrumentation install(LibraryInstrumentation instrumentation) throws Exception {
        Instrumentation inst = ByteBuddyAgent.install();
        instrumentation.prepare(inst, null);
        HookPointTransformer transformer = new HookPointTransformer(
                HookPointTransformer.withoutIt(instrumentation.hookPoints(), instrumentation.withoutIt()));
        inst.addTransformer(transformer, true);
        InstalledInstrumentation installed = new InstalledInstrumentation(inst, transformer);
        installed.retransformLoadedTargets();
        return installed;
    }

    @Override
    public void close() throws Exception {
        inst.removeTransformer(transformer);
        retransformLoadedTargets();
    }

    private void retransformLoadedTargets() throws Exception {
        List<Class<?>> loaded = Instrumenter.loadedTargets(inst, transformer.classNames());
        if (!loaded.isEmpty()) {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
    }
}
