package dev.oauthagent.agent.instrument;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.httpclient.HttpClientInstrumentation;
import dev.oauthagent.agent.instrument.logback.LogbackInstrumentation;
import dev.oauthagent.agent.instrument.log4j2.Log4j2Instrumentation;
import dev.oauthagent.agent.instrument.jul.JulInstrumentation;
import dev.oauthagent.agent.instrument.juli.JuliInstrumentation;
import dev.oauthagent.agent.instrument.slf4jsimple.Slf4jSimpleInstrumentation;
import dev.oauthagent.agent.instrument.urlconnection.UrlConnectionInstrumentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Installs the library instrumentations in steps. {@link #prepareInPremain} is cheap and synchronous: the
 * {@link StartupGate} holds back target classes. The rest runs on the agent's start-up thread:
 * {@link #defineBootstrapClasses} makes the bootstrap classes boot classes, then {@link #install} binds each
 * available instrumentation's hook to the
 * {@link Injector} and installs the class file transformers, retransforming targets that were already loaded
 * (runtime attach). Instrumentations with {@link HookPoint}s go through {@link HookPointTransformer} (plain
 * ASM, tens of milliseconds); byte-buddy's {@code AgentBuilder} is only set up for those that register with it
 * (a second or so of the start-up thread on 2 cores; see docs/decisions/0005).
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
    private final List<LibraryInstrumentation> clients;
    private final StartupGate gate;

    private Instrumenter(Instrumentation inst, List<LibraryInstrumentation> clients, StartupGate gate) {
        this.inst = inst;
        this.clients = clients;
        this.gate = gate;
    }

    /**
     * The instrumentations this agent ships, in the order they are installed. The logging frameworks' only
     * when scrubbing is on: otherwise their classes would be held at the start-up gate for nothing.
     */
    static List<LibraryInstrumentation> all(boolean scrubbing) {
        List<LibraryInstrumentation> all = new ArrayList<>();
        all.add(new UrlConnectionInstrumentation());
        all.add(new HttpClientInstrumentation());
        if (scrubbing) {
            all.add(new LogbackInstrumentation());
            all.add(new Log4j2Instrumentation());
            all.add(new JulInstrumentation());
            all.add(new JuliInstrumentation());
            all.add(new Slf4jSimpleInstrumentation());
        }
        return all;
    }

    /**
     * Registers the start-up gate for the targets of every instrumentation; whether the JVM has the library
     * is only asked on the start-up thread (a target that never loads is never held).
     *
     * @param scrubbing whether log scrubbing is on ({@code oauth.agent.scrub.enabled})
     */
    public static Instrumenter prepareInPremain(Instrumentation inst, boolean scrubbing) {
        List<LibraryInstrumentation> all = all(scrubbing);
        List<String> targets = new ArrayList<>();
        for (LibraryInstrumentation client : all) {
            Collections.addAll(targets, client.targetClasses());
        }
        StartupGate gate = new StartupGate(targets);
        inst.addTransformer(gate, false);
        return new Instrumenter(inst, Collections.unmodifiableList(all), gate);
    }

    /**
     * Makes the bootstrap classes boot classes. Runs on the start-up thread before anything touches one, and
     * before {@link #install}; no target class is transformed before, as the gate holds them.
     */
    public void defineBootstrapClasses() throws Exception {
        BootstrapClasses.inject(inst);
    }

    /**
     * Lets every held target class load: transformed if its transformer is installed by now, untransformed if not
     * (the agent did not start).
     */
    public void openGate() {
        gate.open();
        inst.removeTransformer(gate);
    }

    /** Never throws: a client that cannot be instrumented is logged and left alone. */
    public void install(Injector injector) {
        List<LibraryInstrumentation> registered = new ArrayList<>();
        boolean installed = false;
        long started = System.nanoTime();
        try {
            List<String> active = new ArrayList<>();
            List<HookPoint> hookPoints = new ArrayList<>();
            List<LibraryInstrumentation> byteBuddyClients = new ArrayList<>();
            for (LibraryInstrumentation client : clients) {
                if (!client.isAvailable()) {
                    continue;
                }
                try {
                    client.prepare(inst, injector);
                    List<HookPoint> points = client.hookPoints();
                    if (points.isEmpty()) {
                        byteBuddyClients.add(client);
                    } else {
                        hookPoints.addAll(points);
                    }
                    active.add(client.name());
                    registered.add(client);
                } catch (Throwable t) {
                    client.disable();
                    Log.log.error("cannot instrument {} on this JVM ({}); {}", client.name(),
                            t.toString(), client.withoutIt());
                }
            }
            addReadEdgeFromJavaBase();
            if (!hookPoints.isEmpty()) {
                installHookPoints(hookPoints);
                gate.release(hookPointTargets(hookPoints));
            }
            if (!byteBuddyClients.isEmpty()) {
                AgentBuilderSettings.install(inst, byteBuddyClients, targetNames(byteBuddyClients));
            }
            installed = true;
            Log.log.debug("instrumented {} in {} ms", active, (System.nanoTime() - started) / 1000000);
        } catch (Throwable t) {
            Log.log.error("cannot install the instrumentation ({}); requests get no token and only System.out/err"
                    + " are scrubbed", t.toString());
        } finally {
            openGate();
        }
        if (installed) {
            afterInstall(registered); // after the gate opened: it may load classes, a target among them
        }
    }

    private static List<String> hookPointTargets(List<HookPoint> hookPoints) {
        List<String> names = new ArrayList<>();
        for (HookPoint point : hookPoints) {
            names.add(point.className);
        }
        return names;
    }

    private void installHookPoints(List<HookPoint> hookPoints) throws Exception {
        HookPointTransformer transformer = new HookPointTransformer(hookPoints);
        inst.addTransformer(transformer, true);
        // Targets loaded before the transformer (runtime attach, or an early caller): found by name, never by
        // looking at every loaded class's bytes.
        List<Class<?>> loaded = loadedTargets(inst, transformer.classNames());
        if (!loaded.isEmpty()) {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
    }

    /** Turns every hook off (the advice stays in place but does nothing). */
    public void disable() {
        for (LibraryInstrumentation client : clients) {
            client.disable();
        }
    }

    private void afterInstall(List<LibraryInstrumentation> registered) {
        for (LibraryInstrumentation client : registered) {
            try {
                client.afterInstall(inst);
            } catch (Throwable t) {
                Log.log.warn("could not finish instrumenting {} ({}); objects it created before the agent started "
                        + "are not covered", client.name(), t.toString());
            }
        }
    }

    private static Set<String> targetNames(List<LibraryInstrumentation> clients) {
        Set<String> names = new HashSet<>();
        for (LibraryInstrumentation client : clients) {
            Collections.addAll(names, client.targetClasses());
        }
        return names;
    }

    /** Target classes loaded before the transformers were installed: after a runtime attach, or by an early caller. */
    static List<Class<?>> loadedTargets(Instrumentation inst, Set<String> targetNames) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (targetNames.contains(type.getName())) {
                loaded.add(type);
            }
        }
        return loaded;
    }

    private void addReadEdgeFromJavaBase() {
        try {
            ModuleAccess.addReads(inst, String.class, dev.oauthagent.bootstrap.Bridge.class);
        } catch (Throwable t) {
            Log.log.debug("could not add a read edge from java.base to the bootstrap classes: {}", t.toString());
        }
    }
}
