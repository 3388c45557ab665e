package dev.oauthagent.agent.instrument;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The byte-buddy settings every instrumentation is installed with. Kept out of {@link Instrumenter}, which is
 * loaded in premain: the JVM verifies a class as a whole when it loads it, and these calls would make it
 * load byte-buddy's strategy and listener types from the agent jar before the application's main, though
 * they are needed only on the start-up thread.
 */
final class AgentBuilderSettings {
    private AgentBuilderSettings() {
    }

    static AgentBuilder create() {
        // Settings that keep byte-buddy's set-up and per-class cost low: describe types from class files
        // only, do not compute full method graphs, and decorate instead of rebasing.
        return new AgentBuilder.Default(new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .ignore(ElementMatchers.<TypeDescription>none())
                .with(new ErrorListener());
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
