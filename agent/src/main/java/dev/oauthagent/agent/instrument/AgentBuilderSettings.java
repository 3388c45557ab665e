package dev.oauthagent.agent.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The byte-buddy settings every instrumentation is installed with. Kept out of {@link Instrumenter}, which is
 * loaded in premain: the JVM verifies a class as a whole when it loads it, and these calls would make it
 * load byte-buddy's strategy and listener types from the agent jar before the application's main, though
 * they are needed only on the start-up thread.
 */
final class AgentBuilderSettings {
    private AgentBuilderSettings() {
    }

    /** Installs byte-buddy for the instrumentations that {@code register} with it. */
    static void install(Instrumentation inst, List<LibraryInstrumentation> clients, Set<String> targetNames) {
        // Byte-buddy otherwise prints an Unsafe deprecation warning on JDK 24+ into the application's stderr.
        // (The property name is relocated along with byte-buddy, so the application's own copy is unaffected.)
        if (System.getProperty("net.bytebuddy.safe") == null) {
            System.setProperty("net.bytebuddy.safe", "true");
        }
        AgentBuilder builder = create(inst, targetNames);
        for (LibraryInstrumentation client : clients) {
            builder = client.register(builder);
        }
        builder.installOn(inst);
    }

    static AgentBuilder create(Instrumentation inst, Set<String> targetNames) {
        // Settings that keep byte-buddy's set-up and per-class cost low: do not compute full method graphs,
        // decorate instead of rebasing, and retransform only the target classes already loaded (found by name)
        // instead of letting byte-buddy describe and match every loaded class of the JVM, which cost most of a
        // second at start.
        return new AgentBuilder.Default(new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(
                        new HashSet<Class<?>>(Instrumenter.loadedTargets(inst, targetNames))))
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .ignore(new NotATarget(targetNames))
                .with(new ErrorListener());
    }

    /**
     * Byte-buddy's ignore matcher: every class that is not a target, decided on the name alone, so the
     * thousands of classes an application loads cost a hash lookup each.
     */
    private static final class NotATarget extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
        private final Set<String> targetNames;

        NotATarget(Set<String> targetNames) {
            this.targetNames = targetNames;
        }

        @Override
        public boolean matches(TypeDescription type) {
            return !targetNames.contains(type.getName());
        }
    }

    /** Transformation errors are ours, not the application's: logged at warn with the type, never thrown. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        private static final Logger log = LoggerFactory.getLogger(Instrumenter.class);

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            log.warn("could not instrument {}: {}", typeName, throwable.toString());
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                                     boolean loaded, DynamicType dynamicType) {
            log.debug("instrumented {}", typeDescription.getName());
        }
    }
}
