package dev.oauthagent.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Registered in premain, before the application's main runs: holds back the first load of a target class
 * until byte-buddy is ready. This lets premain return without paying byte-buddy's few hundred milliseconds of
 * set-up, and still no request can go out on an uninstrumented client while the agent is starting. The wait
 * is bounded: if set-up fails or hangs, the class loads untransformed (and requests go out undecorated)
 * rather than the application hanging.
 *
 * <p>The gate transforms nothing itself. It is registered as a retransformation-incapable transformer, and
 * the JVM offers a loading class to those before the retransformation-capable ones (JVMTI ClassFileLoadHook),
 * among which byte-buddy has registered by the time the gate lets go: byte-buddy then transforms the held
 * class in the same load. (Handing the bytes to byte-buddy from here instead transformed the class twice.)
 *
 * <p>Cheap for every other class: one hash lookup of the internal name.
 */
final class StartupGate implements ClassFileTransformer {
    private static final long MAX_WAIT_SECONDS = 30;

    private final Set<String> internalNames = new HashSet<>();
    private final CountDownLatch ready = new CountDownLatch(1);

    StartupGate(Iterable<String> binaryNames) {
        for (String name : binaryNames) {
            internalNames.add(name.replace('.', '/'));
        }
    }

    /** Byte-buddy is installed (or failed); held loads go ahead. */
    void open() {
        ready.countDown();
    }

    boolean isOpen() {
        return ready.getCount() == 0;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || classBeingRedefined != null || !internalNames.contains(className)) {
            return null;
        }
        try {
            ready.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
