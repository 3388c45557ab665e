package dev.oauthagent.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Registered in premain, before the application's main runs: holds back the first load of a target class
 * until byte-buddy is ready, then hands it to byte-buddy's transformer. This lets premain return without
 * paying byte-buddy's few hundred milliseconds of set-up, and still no request can go out on an
 * uninstrumented client while the agent is starting. The wait is bounded: if set-up fails or hangs, the class
 * loads untransformed (and requests go out undecorated) rather than the application hanging.
 *
 * <p>Cheap for every other class: one hash lookup of the internal name.
 */
final class StartupGate implements ClassFileTransformer {
    private static final long MAX_WAIT_SECONDS = 30;

    private final Set<String> internalNames = new HashSet<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile ClassFileTransformer delegate;

    StartupGate(Iterable<String> binaryNames) {
        for (String name : binaryNames) {
            internalNames.add(name.replace('.', '/'));
        }
    }

    /** Byte-buddy is installed (or failed: null); held loads go ahead. */
    void open(ClassFileTransformer installed) {
        delegate = installed;
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
        if (isOpen()) {
            return null; // byte-buddy's own transformer sees loads that start after it was installed
        }
        try {
            if (!ready.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return null;
            }
            ClassFileTransformer installed = delegate;
            return installed == null ? null
                    : installed.transform(loader, className, null, protectionDomain, classfileBuffer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Throwable t) {
            return null; // a transformer must never fail a class load
        }
    }
}
