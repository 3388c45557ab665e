package dev.oauthagent.agent.instrument.urlconnection;

import dev.oauthagent.agent.instrument.ModuleAccess;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;

/**
 * Reads and edits {@code sun.net.www.MessageHeader}, the header list {@code HttpURLConnection} writes to the
 * wire. Through method handles bound at start, because Java 8 class files may not name the type; its
 * methods are public and synchronized, so edits are as thread-safe as the JDK's own.
 */
final class MessageHeaders {
    static final String CLASS_NAME = "sun.net.www.MessageHeader";

    private final MethodHandle findValue;
    private final MethodHandle set;
    private final MethodHandle remove;
    private final MethodHandle multiValueIterator;
    private final MethodHandle getValue;

    private MessageHeaders(Class<?> type) throws ReflectiveOperationException {
        // Not publicLookup(): it ignores the qualified export to the agent that bind() adds.
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        findValue = lookup.findVirtual(type, "findValue", MethodType.methodType(String.class, String.class))
                .asType(MethodType.methodType(String.class, Object.class, String.class));
        set = lookup.findVirtual(type, "set", MethodType.methodType(void.class, String.class, String.class))
                .asType(MethodType.methodType(void.class, Object.class, String.class, String.class));
        remove = lookup.findVirtual(type, "remove", MethodType.methodType(void.class, String.class))
                .asType(MethodType.methodType(void.class, Object.class, String.class));
        multiValueIterator = lookup.findVirtual(type, "multiValueIterator",
                        MethodType.methodType(Iterator.class, String.class))
                .asType(MethodType.methodType(Iterator.class, Object.class, String.class));
        getValue = lookup.findVirtual(type, "getValue", MethodType.methodType(String.class, int.class))
                .asType(MethodType.methodType(String.class, Object.class, int.class));
    }

    /** Exports sun.net.www to the agent first; fails if this JDK's MessageHeader differs from what we know. */
    static MessageHeaders bind(Instrumentation inst) throws Exception {
        Class<?> type = Class.forName(CLASS_NAME, false, null);
        ModuleAccess.openPackageOf(inst, type, MessageHeaders.class);
        return new MessageHeaders(type);
    }

    /** The last value of the key (case-insensitive), or null. */
    String find(Object headers, String key) throws Throwable {
        return (String) findValue.invokeExact(headers, key);
    }

    void set(Object headers, String key, String value) throws Throwable {
        set.invokeExact(headers, key, value);
    }

    void remove(Object headers, String key) throws Throwable {
        remove.invokeExact(headers, key);
    }

    /**
     * The status code of a response header list ("HTTP/1.1 401 Unauthorized" is its first entry), or -1.
     * The connection's {@code responseCode} field is of no use here: {@code getResponseCode()} fills it in
     * only after the response has been read.
     */
    int statusCode(Object responses) throws Throwable {
        return StatusLine.code((String) getValue.invokeExact(responses, 0));
    }

    @SuppressWarnings("unchecked")
    Iterator<String> all(Object headers, String key) throws Throwable {
        return (Iterator<String>) multiValueIterator.invokeExact(headers, key);
    }
}
