package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.instrument.ModuleAccess;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a task at JVM exit after every application shutdown hook has finished, so that it sees what they print.
 *
 * <p>An ordinary {@code Runtime.addShutdownHook} thread runs at the same time as the application's hooks, in no
 * order: what a hook prints after it would be lost. The JDK runs its own "system" hooks one after another
 * ({@code java.lang.Shutdown}: slot 0 restores the console, slot 1 starts every application hook and waits for
 * all of them, slot 2 deletes files marked {@code deleteOnExit}); a task in a later slot runs after all of them.
 * Those slots are reached through the JDK-internal {@code JavaLangAccess.registerShutdownHook(int, boolean,
 * Runnable)}, the same on Java 8 to 25 ({@code sun.misc} on 8, {@code jdk.internal.misc} on 9 to 11,
 * {@code jdk.internal.access} from 12), which the agent may call once its package is exported to it. Where that
 * fails, the task becomes an ordinary shutdown hook.
 */
final class LastShutdownHook {
    private static final String[] SHARED_SECRETS = {"jdk.internal.access.SharedSecrets",
        "jdk.internal.misc.SharedSecrets", "sun.misc.SharedSecrets"};
    /** Slots after the JDK's own three; the last free one is taken (the JDK has ten). */
    private static final int FIRST_FREE_SLOT = 3;
    private static final int LAST_SLOT = 9;

    private LastShutdownHook() {
    }

    /** True if {@code task} will run after the application's hooks; false if it runs beside them. */
    static boolean register(Instrumentation inst, Runnable task) {
        if (inst != null && registerAsSystemHook(inst, task)) {
            return true;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(task, "oauth-agent-exit"));
        return false;
    }

    private static boolean registerAsSystemHook(Instrumentation inst, Runnable task) {
        Method register;
        Object access;
        try {
            Class<?> secrets = sharedSecrets();
            if (secrets == null) {
                return false;
            }
            ModuleAccess.openPackageOf(inst, secrets, LastShutdownHook.class);
            Method getAccess = secrets.getMethod("getJavaLangAccess");
            access = getAccess.invoke(null);
            register = getAccess.getReturnType().getMethod("registerShutdownHook", int.class, boolean.class,
                    Runnable.class);
        } catch (Exception | LinkageError e) {
            return false;
        }
        for (int slot = LAST_SLOT; slot >= FIRST_FREE_SLOT; slot--) {
            try {
                register.invoke(access, slot, false, task);
                return true;
            } catch (InvocationTargetException taken) {
                // InternalError: another agent has this slot; IllegalStateException: already shutting down
                if (taken.getCause() instanceof IllegalStateException) {
                    return false;
                }
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    private static Class<?> sharedSecrets() {
        for (String name : SHARED_SECRETS) {
            try {
                return Class.forName(name, false, null);
            } catch (ClassNotFoundException e) {
                // another Java version
            }
        }
        return null;
    }
}
