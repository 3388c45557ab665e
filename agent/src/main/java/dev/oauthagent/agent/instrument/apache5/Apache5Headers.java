package dev.oauthagent.agent.instrument.apache5;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The header members of Apache HttpCore 5 ({@code org.apache.hc.core5.http}, under HttpClient 5) the hooks read and
 * change, bound once per class loader as method handles on its public interfaces. Apart from {@link Apache5Members}
 * because HttpCore 5 runs without HttpClient 5 too (its own servers and clients): the hook on its request
 * interceptors' processor needs these alone, and must bind nothing of HttpClient 5's there.
 */
final class Apache5Headers {
    private static final String HTTP_MESSAGE = "org.apache.hc.core5.http.HttpMessage";
    private static final String MESSAGE_HEADERS = "org.apache.hc.core5.http.MessageHeaders";
    private static final String HEADER = "org.apache.hc.core5.http.Header";
    private static final String NAME_VALUE_PAIR = "org.apache.hc.core5.http.NameValuePair";

    private final MethodHandle firstHeader;
    private final MethodHandle headersNamed;
    private final MethodHandle headerValue;
    private final MethodHandle removeHeaders;
    private final MethodHandle addHeader;

    /** Binds every member from {@code loader}; throws naming the first one this version lacks. */
    Apache5Headers(ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> message = Class.forName(MESSAGE_HEADERS, false, loader);
        Class<?> header = Class.forName(HEADER, false, loader);
        Class<?> httpMessage = Class.forName(HTTP_MESSAGE, false, loader);
        firstHeader = lookup.findVirtual(message, "getFirstHeader", MethodType.methodType(header, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class));
        headersNamed = lookup.findVirtual(message, "getHeaders",
                        MethodType.methodType(java.lang.reflect.Array.newInstance(header, 0).getClass(), String.class))
                .asType(MethodType.methodType(Object[].class, Object.class, String.class));
        headerValue = lookup.findVirtual(Class.forName(NAME_VALUE_PAIR, false, loader), "getValue",
                        MethodType.methodType(String.class))
                .asType(MethodType.methodType(String.class, Object.class));
        removeHeaders = lookup.findVirtual(httpMessage, "removeHeaders", MethodType.methodType(boolean.class, String.class))
                .asType(MethodType.methodType(boolean.class, Object.class, String.class));
        addHeader = lookup.findVirtual(httpMessage, "addHeader", MethodType.methodType(void.class, String.class,
                        Object.class))
                .asType(MethodType.methodType(void.class, Object.class, String.class, Object.class));
    }

    /** The first value of {@code name} on a request or response, or null. */
    String firstValue(Object message, String name) throws Throwable {
        Object header = (Object) firstHeader.invokeExact(message, name);
        return header == null ? null : (String) headerValue.invokeExact(header);
    }

    /** Every value of {@code name}, in order. */
    String[] values(Object message, String name) throws Throwable {
        Object[] headers = (Object[]) headersNamed.invokeExact(message, name);
        String[] values = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            values[i] = (String) headerValue.invokeExact(headers[i]);
        }
        return values;
    }

    /** Replaces every {@code name} header with one of {@code value}; null only removes them. */
    void replace(Object message, String name, String value) throws Throwable {
        boolean removed = (boolean) removeHeaders.invokeExact(message, name);
        if (value != null) {
            addHeader.invokeExact(message, name, (Object) value);
        }
    }
}
