package dev.oauthagent.agent.instrument.apache4;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * What the hop needs from HttpAsyncClient 4.1's package-private exchange classes: the context an exchange handler
 * ({@code AbstractClientExchangeHandler} and its subclasses) runs its request with, and whether the request
 * producer of an {@code InternalState} can produce its body again. Bound once per class, through their private
 * {@code localContext} field and their public {@code getRequestProducer()}; a class without them is reported
 * once ({@link LibraryBinding}) and its requests are left alone.
 */
final class AsyncExchanges {
    private static final String LOCAL_CONTEXT = "localContext";

    private static final ClassValue<MethodHandle> CONTEXT_BY_HANDLER_CLASS = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                Field field = declared(type, LOCAL_CONTEXT);
                field.setAccessible(true);
                return MethodHandles.lookup().unreflectGetter(field)
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LibraryBinding.ASYNC_CLIENT.cannotBind(type.getClassLoader(), e);
                return null;
            }
        }
    };
    private static final ClassValue<MethodHandle> REPEATABLE_BY_STATE_CLASS = new ClassValue<MethodHandle>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                Method producer = type.getMethod("getRequestProducer");
                producer.setAccessible(true); // a public method of a package-private class
                MethodHandle repeatable = MethodHandles.publicLookup().findVirtual(producer.getReturnType(),
                        "isRepeatable", MethodType.methodType(boolean.class));
                return MethodHandles.filterReturnValue(MethodHandles.lookup().unreflect(producer), repeatable)
                        .asType(MethodType.methodType(boolean.class, Object.class));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LibraryBinding.ASYNC_CLIENT.cannotBind(type.getClassLoader(), e);
                return null;
            }
        }
    };

    private AsyncExchanges() {
    }

    /** The handler's {@code HttpClientContext}, or null when its class is not one the agent knows. */
    static Object context(Object handler) throws Throwable {
        MethodHandle getter = CONTEXT_BY_HANDLER_CLASS.get(handler.getClass());
        return getter == null ? null : (Object) getter.invokeExact(handler);
    }

    /** Whether the exchange's request producer can send its body again; false when that cannot be told. */
    static boolean canResend(Object state) throws Throwable {
        MethodHandle repeatable = REPEATABLE_BY_STATE_CLASS.get(state.getClass());
        return repeatable != null && (boolean) repeatable.invokeExact(state);
    }

    private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
