package dev.oauthagent.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Registered in premain, before the application's main runs: holds back the first load of a target class
 * until its transformer is ready. This lets premain return without paying the transformers' set-up, and still
 * no request goes out on an uninstrumented client, and no log line through an unhooked framework, while the
 * agent is starting. The wait
 * is bounded: if set-up fails or hangs, the class loads untransformed (and requests go out undecorated)
 * rather than the application hanging.
 *
 * <p>The gate transforms nothing itself. It is registered as a retransformation-incapable transformer, and
 * the JVM offers a loading class to those before the retransformation-capable ones (JVMTI ClassFileLoadHook),
 * among which the class's transformer (the hook-point transformer or byte-buddy's) has registered by the time
 * the gate lets it go: that transformer then transforms the held class in the same load. (Handing the bytes to byte-buddy from here instead transformed the class twice.)
 *
 * <p>Cheap for every other class: one hash lookup of the internal name.
 */
final class StartupGate implements ClassFileTransformer {
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Object lock = new Object();
    /** Internal names still held; replaced, never changed, so the check on every class load needs no lock. */
    private volatile Set<String> held;

    StartupGate(Iterable<String> binaryNames) {
        Set<String> names = new HashSet<>();
        for (String name : binaryNames) {
            names.add(internalName(name));
        }
        held = names;
    }

    /**
     * These targets' transformer is installed: their loads go ahead while the others stay held. The JDK
     * clients' hook points are ready in about 0.1 s, the logging frameworks' byte-buddy transformer a second
     * later: a request need not wait for logging hooks.
     */
    void release(Iterable<String> binaryNames) {
        synchronized (lock) {
            Set<String> rest = new HashSet<>(held);
            for (String name : binaryNames) {
                rest.remove(internalName(name));
            }
            held = rest;
            lock.notifyAll();
        }
    }

    /** Every transformer is installed (or failed); held loads go ahead. */
    void open() {
        synchronized (lock) {
            held = Collections.emptySet();
            lock.notifyAll();
        }
    }

    boolean isOpen() {
        return held.isEmpty();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || classBeingRedefined != null || !held.contains(className)) {
            return null;
        }
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        synchronized (lock) {
            long left = MAX_WAIT_NANOS;
            while (held.contains(className) && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                left = deadline - System.nanoTime();
            }
        }
        return null;
    }

    private static String internalName(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
