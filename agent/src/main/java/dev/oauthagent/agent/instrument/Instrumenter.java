package dev.oauthagent.agent.instrument;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.httpclient.HttpClientInstrumentation;
import dev.oauthagent.agent.instrument.urlconnection.UrlConnectionInstrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Installs the HTTP client instrumentations in two steps. {@link #prepareInPremain} is cheap and
 * synchronous: the bootstrap classes become boot classes and the {@link StartupGate} holds back target
 * classes. {@link #install} then runs on the agent's start-up thread: binds each client's hook to the
 * {@link Injector} and installs byte-buddy, retransforming targets that were already loaded (runtime attach).
 */
public final class Instrumenter {
    /**
     * Not a plain static field: {@link #prepareInPremain} runs before the agent has configured its logging,
     * and creating a logger then would fix slf4j's settings to the defaults (and pay for slf4j's start-up in
     * premain). The holder is initialised on first use, on the start-up thread.
     */
    private static final class Log {
        static final Logger log = LoggerFactory.getLogger(Instrumenter.class);
    }

    private final Instrumentation inst;
    private final List<ClientInstrumentation> clients;
    private final StartupGate gate;
    private volatile ResettableClassFileTransformer installed;

    private Instrumenter(Instrumentation inst, List<ClientInstrumentation> clients, StartupGate gate) {
        this.inst = inst;
        this.clients = clients;
        this.gate = gate;
    }

    /** The instrumentations this agent ships, in the order they are installed. */
    static List<ClientInstrumentation> all() {
        List<ClientInstrumentation> all = new ArrayList<>();
        all.add(new UrlConnectionInstrumentation());
        all.add(new HttpClientInstrumentation());
        return all;
    }

    public static Instrumenter prepareInPremain(Instrumentation inst) throws Exception {
        BootstrapClasses.inject(inst);
        List<ClientInstrumentation> available = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (ClientInstrumentation client : all()) {
            if (client.isAvailable()) {
                available.add(client);
                Collections.addAll(targets, client.targetClasses());
            }
        }
        StartupGate gate = new StartupGate(targets);
        inst.addTransformer(gate, false);
        return new Instrumenter(inst, Collections.unmodifiableList(available), gate);
    }

    /** Never throws: a client that cannot be instrumented is logged and left alone. */
    public void install(Injector injector) {
        ResettableClassFileTransformer transformer = null;
        long started = System.nanoTime();
        try {
            // Byte-buddy otherwise prints an Unsafe deprecation warning on JDK 24+ into the application's stderr.
            // (The property name is relocated along with byte-buddy, so the application's own copy is unaffected.)
            if (System.getProperty("net.bytebuddy.safe") == null) {
                System.setProperty("net.bytebuddy.safe", "true");
            }
            AgentBuilder builder = baseBuilder();
            List<String> active = new ArrayList<>();
            for (ClientInstrumentation client : clients) {
                try {
                    client.prepare(inst, injector);
                    builder = client.register(builder);
                    active.add(client.name());
                } catch (Throwable t) {
                    client.disable();
                    Log.log.error("cannot instrument {} on this JVM ({}); its requests get no token", client.name(),
                            t.toString());
                }
            }
            addReadEdgeFromJavaBase();
            transformer = builder.installOn(inst);
            installed = transformer;
            Log.log.debug("instrumented {} in {} ms", active, (System.nanoTime() - started) / 1000000);
        } catch (Throwable t) {
            Log.log.error("cannot install the HTTP client instrumentation ({}); requests get no token", t.toString());
        } finally {
            gate.open();
            inst.removeTransformer(gate);
        }
    }

    /** Turns every hook off (the advice stays in place but does nothing). */
    public void disable() {
        for (ClientInstrumentation client : clients) {
            client.disable();
        }
    }

    private AgentBuilder baseBuilder() {
        // Settings that keep byte-buddy's set-up and per-class cost low: do not compute full method graphs,
        // decorate instead of rebasing, and retransform only the target classes already loaded (found by name
        // below) instead of letting byte-buddy describe and match every loaded class of the JVM, which cost
        // most of a second at start.
        return new AgentBuilder.Default(new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Explicit(loadedTargets()))
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .ignore(new TargetNames(targetNames()))
                .with(new ErrorListener());
    }

    private Set<String> targetNames() {
        Set<String> names = new HashSet<>();
        for (ClientInstrumentation client : clients) {
            Collections.addAll(names, client.targetClasses());
        }
        return names;
    }

    /** Target classes loaded before byte-buddy was installed: after a runtime attach, or by an early caller. */
    private Set<Class<?>> loadedTargets() {
        Set<String> names = targetNames();
        Set<Class<?>> loaded = new HashSet<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (names.contains(type.getName())) {
                loaded.add(type);
            }
        }
        return loaded;
    }

    /**
     * Byte-buddy's ignore matcher: every class that is not a target, decided on the name alone before any
     * type description is built, so the thousands of classes an application loads cost a hash lookup each.
     */
    private static final class TargetNames extends ElementMatcher.Junction.AbstractBase<TypeDescription> {
        private final Set<String> names;

        TargetNames(Set<String> names) {
            this.names = names;
        }

        @Override
        public boolean matches(TypeDescription type) {
            return !names.contains(type.getName());
        }
    }

    private void addReadEdgeFromJavaBase() {
        try {
            ModuleAccess.addReads(inst, String.class, dev.oauthagent.bootstrap.Bridge.class);
        } catch (Throwable t) {
            Log.log.debug("could not add a read edge from java.base to the bootstrap classes: {}", t.toString());
        }
    }

    /** Transformation errors are ours, not the application's: logged at warn with the type, never thrown. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            Log.log.warn("could not instrument {}: {}", typeName, throwable.toString());
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                                     boolean loaded, DynamicType dynamicType) {
            Log.log.debug("instrumented {}", typeDescription.getName());
        }
    }
}
