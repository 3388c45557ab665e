package dev.oauthagent.agent.instrument;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.apache5.Apache5Instrumentation;
import dev.oauthagent.agent.instrument.connect.ConnectInstrumentation;
import dev.oauthagent.agent.instrument.console.ConsoleInstrumentation;
import dev.oauthagent.agent.instrument.apache4.Apache4Instrumentation;
import dev.oauthagent.agent.instrument.httpclient.HttpClientInstrumentation;
import dev.oauthagent.agent.instrument.logback.LogbackInstrumentation;
import dev.oauthagent.agent.instrument.okhttp.OkHttpInstrumentation;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * Installs the library instrumentations in steps. {@link #prepareInPremain} is cheap and synchronous: the
 * {@link StartupGate} holds back target classes. The rest runs on the agent's start-up thread:
 * {@link #defineBootstrapClasses} makes the bootstrap classes boot classes; {@link #installLogHooks} installs
 * the logging frameworks' hooks as soon as the redactor is connected, so an application that logs at once
 * waits for nothing else; {@link #install} binds the HTTP clients' hooks to the {@link Injector} once the
 * token caches exist, then opens the gate. Targets already loaded (runtime attach) are retransformed.
 * Instrumentations with {@link HookPoint}s go through {@link HookPointTransformer} (plain ASM, tens of
 * milliseconds); byte-buddy's {@code AgentBuilder} is only set up for those that register with it (a second
 * or so of the start-up thread on 2 cores; see docs/decisions/0005 and 0008).
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
    private final List<LibraryInstrumentation> loggers;
    private final StartupGate gate;

    private Instrumenter(Instrumentation inst, List<LibraryInstrumentation> clients,
                         List<LibraryInstrumentation> loggers, StartupGate gate) {
        this.inst = inst;
        this.clients = clients;
        this.loggers = loggers;
        this.gate = gate;
    }

    /** The HTTP clients this agent decorates with tokens, in the order they are installed. */
    static List<LibraryInstrumentation> httpClients() {
        List<LibraryInstrumentation> clients = new ArrayList<>();
        clients.add(new UrlConnectionInstrumentation());
        clients.add(new HttpClientInstrumentation());
        clients.add(new Apache5Instrumentation());
        clients.add(new OkHttpInstrumentation());
        clients.add(new Apache4Instrumentation());
        clients.add(new ConnectInstrumentation()); // last: it reports what the clients above do not cover
        return clients;
    }

    /**
     * The logging frameworks whose output it scrubs; none when scrubbing is off, as their classes would
     * otherwise be held at the start-up gate for nothing.
     */
    static List<LibraryInstrumentation> loggingFrameworks(boolean scrubbing) {
        List<LibraryInstrumentation> loggers = new ArrayList<>();
        if (scrubbing) {
            loggers.add(new LogbackInstrumentation());
            loggers.add(new Log4j2Instrumentation());
            loggers.add(new JulInstrumentation());
            loggers.add(new JuliInstrumentation());
            loggers.add(new Slf4jSimpleInstrumentation());
            loggers.add(new ConsoleInstrumentation());
        }
        return loggers;
    }

    /** Every instrumentation this agent ships (with scrubbing on or off). */
    static List<LibraryInstrumentation> all(boolean scrubbing) {
        List<LibraryInstrumentation> all = httpClients();
        all.addAll(loggingFrameworks(scrubbing));
        return all;
    }

    /**
     * Registers the start-up gate for the targets of every instrumentation; whether the JVM has the library
     * is only asked on the start-up thread (a target that never loads is never held).
     *
     * @param scrubbing whether log scrubbing is on ({@code oauth.agent.scrub.enabled})
     */
    public static Instrumenter prepareInPremain(Instrumentation inst, boolean scrubbing) {
        List<LibraryInstrumentation> clients = httpClients();
        List<LibraryInstrumentation> loggers = loggingFrameworks(scrubbing);
        List<String> targets = new ArrayList<>();
        for (LibraryInstrumentation library : all(clients, loggers)) {
            Collections.addAll(targets, library.targetClasses());
        }
        StartupGate gate = new StartupGate(targets);
        inst.addTransformer(gate, false);
        return new Instrumenter(inst, Collections.unmodifiableList(clients), Collections.unmodifiableList(loggers),
                gate);
    }

    private static List<LibraryInstrumentation> all(List<LibraryInstrumentation> clients,
                                                    List<LibraryInstrumentation> loggers) {
        List<LibraryInstrumentation> all = new ArrayList<>(clients);
        all.addAll(loggers);
        return all;
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

    /**
     * Installs the logging frameworks' hooks and lets their held classes load: first on the start-up thread,
     * right after the redactor is connected, because an application that logs at once waits for them, and they
     * need nothing the HTTP clients' hooks need (token caches, JDK internals). Never throws; with scrubbing off
     * there is nothing to install.
     */
    public void installLogHooks() {
        if (loggers.isEmpty()) {
            return;
        }
        List<LibraryInstrumentation> registered = new ArrayList<>();
        try {
            registered = installGroup(loggers, null);
        } catch (Throwable t) {
            Log.log.error("cannot install the logging hooks ({}); only System.out/err are scrubbed", t.toString());
            gate.release(targetNames(loggers));
            return;
        }
        afterInstall(registered); // released by now: it may load classes, a target among them
    }

    /**
     * Installs the HTTP clients' hooks, bound to {@code injector}, then opens the gate for good. Never throws:
     * a client that cannot be instrumented is logged and left alone.
     */
    public void install(Injector injector) {
        List<LibraryInstrumentation> registered = new ArrayList<>();
        boolean installed = false;
        try {
            addReadEdgeFromJavaBase(); // here, not on the application's thread at its first request
            registered = installGroup(clients, injector);
            installed = true;
        } catch (Throwable t) {
            Log.log.error("cannot install the instrumentation ({}); requests get no token", t.toString());
        } finally {
            openGate();
        }
        if (installed) {
            afterInstall(registered); // after the gate opened: it may load classes, a target among them
        }
    }

    /**
     * Prepares each available library of {@code group}, installs their transformers and releases their targets
     * from the gate; returns those it registered.
     */
    private List<LibraryInstrumentation> installGroup(List<LibraryInstrumentation> group, Injector injector)
            throws Exception {
        long started = System.nanoTime();
        List<LibraryInstrumentation> registered = new ArrayList<>();
        List<String> active = new ArrayList<>();
        Map<HookPoint, String> hookPoints = new LinkedHashMap<>();
        List<LibraryInstrumentation> byteBuddyClients = new ArrayList<>();
        for (LibraryInstrumentation library : group) {
            if (!library.isAvailable()) {
                continue;
            }
            try {
                library.prepare(inst, injector);
                List<HookPoint> points = library.hookPoints();
                if (points.isEmpty()) {
                    byteBuddyClients.add(library);
                } else {
                    for (HookPoint point : points) {
                        hookPoints.put(point, library.withoutIt());
                    }
                }
                active.add(library.name());
                registered.add(library);
            } catch (Throwable t) {
                library.disable();
                Log.log.error("cannot instrument {} on this JVM ({}); {}", library.name(), t.toString(),
                        library.withoutIt());
            }
        }
        if (!hookPoints.isEmpty()) {
            installHookPoints(hookPoints);
        }
        if (!byteBuddyClients.isEmpty()) {
            AgentBuilderSettings.install(inst, byteBuddyClients, targetNames(byteBuddyClients));
        }
        gate.release(targetNames(group));
        Log.log.debug("instrumented {} in {} ms", active, (System.nanoTime() - started) / 1000000);
        return registered;
    }

    private void installHookPoints(Map<HookPoint, String> hookPoints) throws Exception {
        HookPointTransformer transformer = new HookPointTransformer(hookPoints);
        inst.addTransformer(transformer, true);
        // Targets loaded before the transformer (runtime attach, or an early caller): found by name, never by
        // looking at every loaded class's bytes.
        List<Class<?>> loaded = loadedTargets(inst, transformer.classNames());
        if (!loaded.isEmpty()) {
            inst.retransformClasses(loaded.toArray(new Class<?>[0]));
        }
    }

    /** Turns every hook off (the inserted calls stay in place but do nothing). */
    public void disable() {
        for (LibraryInstrumentation library : all(clients, loggers)) {
            library.disable();
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

    private static Set<String> targetNames(List<LibraryInstrumentation> libraries) {
        Set<String> names = new HashSet<>();
        for (LibraryInstrumentation library : libraries) {
            Collections.addAll(names, library.targetClasses());
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
