package dev.oauthagent.agent.instrument.urlconnection;

import dev.oauthagent.agent.instrument.ModuleAccess;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;

/**
 * Reads and edits {@code sun.net.www.MessageHeader}, the header list {@code HttpURLConnection} writes to the
 * wire. Through method handles, because Java 8 class files may not name the type; its methods are public and
 * synchronized, so edits are as thread-safe as the JDK's own.
 *
 * <p>The handles are {@code static final} (in {@link Handles}), not instance fields: the JIT treats a static
 * final handle as a constant and compiles the call into a direct call of the JDK method, while a handle read
 * from an instance field goes through its generic invocation path (lambda-form frames in every profile) on
 * each of the few calls every request makes.
 */
final class MessageHeaders {
    static final String CLASS_NAME = "sun.net.www.MessageHeader";
    private static final MessageHeaders INSTANCE = new MessageHeaders();

    private MessageHeaders() {
    }

    /** Exports sun.net.www to the agent first; fails if this JDK's MessageHeader differs from what we know. */
    static MessageHeaders bind(Instrumentation inst) throws Exception {
        Class<?> type = Class.forName(CLASS_NAME, false, null);
        ModuleAccess.openPackageOf(inst, type, MessageHeaders.class);
        try {
            Handles.bound();
        } catch (ExceptionInInitializerError e) {
            throw new IllegalStateException("this JDK's " + CLASS_NAME + " is not the one the agent knows: "
                    + e.getCause(), e.getCause());
        }
        return INSTANCE;
    }

    /** The last value of the key (case-insensitive), or null. */
    String find(Object headers, String key) throws Throwable {
        return (String) Handles.FIND_VALUE.invokeExact(headers, key);
    }

    void set(Object headers, String key, String value) throws Throwable {
        Handles.SET.invokeExact(headers, key, value);
    }

    void remove(Object headers, String key) throws Throwable {
        Handles.REMOVE.invokeExact(headers, key);
    }

    /**
     * The status code of a response header list ("HTTP/1.1 401 Unauthorized" is its first entry), or -1.
     * The connection's {@code responseCode} field is of no use here: {@code getResponseCode()} fills it in
     * only after the response has been read.
     */
    int statusCode(Object responses) throws Throwable {
        return StatusLine.code((String) Handles.GET_VALUE.invokeExact(responses, 0));
    }

    @SuppressWarnings("unchecked")
    Iterator<String> all(Object headers, String key) throws Throwable {
        return (Iterator<String>) Handles.MULTI_VALUE_ITERATOR.invokeExact(headers, key);
    }

    /** Initialised by {@link #bind}, after the package is open to the agent. */
    private static final class Handles {
        static final MethodHandle FIND_VALUE;
        static final MethodHandle SET;
        static final MethodHandle REMOVE;
        static final MethodHandle MULTI_VALUE_ITERATOR;
        static final MethodHandle GET_VALUE;

        static {
            try {
                Class<?> type = Class.forName(CLASS_NAME, false, null);
                // Not publicLookup(): it ignores the qualified export to the agent that bind() adds.
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                FIND_VALUE = lookup.findVirtual(type, "findValue", MethodType.methodType(String.class, String.class))
                        .asType(MethodType.methodType(String.class, Object.class, String.class));
                SET = lookup.findVirtual(type, "set", MethodType.methodType(void.class, String.class, String.class))
                        .asType(MethodType.methodType(void.class, Object.class, String.class, String.class));
                REMOVE = lookup.findVirtual(type, "remove", MethodType.methodType(void.class, String.class))
                        .asType(MethodType.methodType(void.class, Object.class, String.class));
                MULTI_VALUE_ITERATOR = lookup.findVirtual(type, "multiValueIterator",
                                MethodType.methodType(Iterator.class, String.class))
                        .asType(MethodType.methodType(Iterator.class, Object.class, String.class));
                GET_VALUE = lookup.findVirtual(type, "getValue", MethodType.methodType(String.class, int.class))
                        .asType(MethodType.methodType(String.class, Object.class, int.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Handles() {
        }

        /** Touching this runs the static initialiser. */
        static void bound() {
        }
    }
}
