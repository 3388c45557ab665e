package dev.oauthagent.agent.instrument.okhttp;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Which request bodies OkHttp itself writes a second time (for a 307/308 redirect, a 408, a retry on another
 * connection), and so the agent may too: every body but a one-shot or duplex one (OkHttp 3.14+:
 * {@code isOneShot()}, {@code isDuplex()}), or, in OkHttp 3.12, one marked {@code UnrepeatableRequestBody}.
 */
final class ReplayableBodies {
    private final MethodHandle isOneShot;
    private final MethodHandle isDuplex;
    private final Class<?> unrepeatable;

    private ReplayableBodies(MethodHandle isOneShot, MethodHandle isDuplex, Class<?> unrepeatable) {
        this.isOneShot = isOneShot;
        this.isDuplex = isDuplex;
        this.unrepeatable = unrepeatable;
    }

    static ReplayableBodies of(Class<?> requestBody, ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType predicate = MethodType.methodType(boolean.class);
        MethodType onObject = MethodType.methodType(boolean.class, Object.class);
        try {
            return new ReplayableBodies(lookup.findVirtual(requestBody, "isOneShot", predicate).asType(onObject),
                    lookup.findVirtual(requestBody, "isDuplex", predicate).asType(onObject), null);
        } catch (NoSuchMethodException olderThan314) {
            return new ReplayableBodies(null, null,
                    Class.forName("okhttp3.internal.http.UnrepeatableRequestBody", false, loader));
        }
    }

    /** Whether a request with {@code body} (null: none) may be sent again as it is. */
    boolean allows(Object body) throws Throwable {
        if (body == null) {
            return true;
        }
        if (unrepeatable != null) {
            return !unrepeatable.isInstance(body);
        }
        return !(boolean) isOneShot.invokeExact(body) && !(boolean) isDuplex.invokeExact(body);
    }
}
