package dev.oauthagent.agent.instrument.apache4;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.List;

/**
 * The few members of Apache HttpCore 4.x (org.apache.http) the hop needs, as method handles bound once per copy
 * of the library (one per class loader that defines {@code org.apache.http.HttpMessage}), all of them public
 * interface or class methods present from HttpCore 4.0 to 4.4. Reached through {@link #of}; a copy that lacks one
 * is reported once by {@link LibraryBinding} and left alone.
 */
final class HttpCore4 {
    static final String MESSAGE = "org.apache.http.HttpMessage";
    static final String CONTEXT = "org.apache.http.protocol.HttpContext";
    private static final String AUTHORIZATION = "Authorization";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private static final ClassValue<HttpCore4> BY_MESSAGE_CLASS = new ClassValue<HttpCore4>() {
        @Override
        protected HttpCore4 computeValue(Class<?> type) {
            return LibraryBinding.HTTPCORE.bind(type, MESSAGE, BY_LIBRARY);
        }
    };
    private static final ClassValue<HttpCore4> BY_CONTEXT_CLASS = new ClassValue<HttpCore4>() {
        @Override
        protected HttpCore4 computeValue(Class<?> type) {
            return LibraryBinding.HTTPCORE.bind(type, CONTEXT, BY_LIBRARY);
        }
    };
    /** Keyed by the library's HttpMessage or HttpContext interface: one set of handles per copy and key. */
    private static final ClassValue<HttpCore4> BY_LIBRARY = new ClassValue<HttpCore4>() {
        @Override
        protected HttpCore4 computeValue(Class<?> anchor) {
            try {
                return new HttpCore4(anchor.getClassLoader());
            } catch (ReflectiveOperationException | LinkageError e) {
                LibraryBinding.HTTPCORE.cannotBind(anchor.getClassLoader(), e);
                return null;
            }
        }
    };

    private final MethodHandle requestLine;
    private final MethodHandle lineMethod;
    private final MethodHandle lineUri;
    private final MethodHandle firstHeader;
    private final MethodHandle headers;
    private final MethodHandle headerValue;
    private final MethodHandle removeHeaders;
    private final MethodHandle addHeader;
    private final MethodHandle statusLine;
    private final MethodHandle statusCode;
    private final MethodHandle attribute;
    private final Class<?> entityEnclosing;
    private final MethodHandle entity;
    private final MethodHandle entityRepeatable;
    private final MethodHandle hostScheme;
    private final MethodHandle hostName;
    private final MethodHandle hostPort;

    private HttpCore4(ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> request = type("org.apache.http.HttpRequest", loader);
        Class<?> message = type(MESSAGE, loader);
        Class<?> line = type("org.apache.http.RequestLine", loader);
        Class<?> header = type("org.apache.http.Header", loader);
        Class<?> response = type("org.apache.http.HttpResponse", loader);
        Class<?> status = type("org.apache.http.StatusLine", loader);
        Class<?> context = type(CONTEXT, loader);
        Class<?> httpEntity = type("org.apache.http.HttpEntity", loader);
        Class<?> host = type("org.apache.http.HttpHost", loader);
        entityEnclosing = type("org.apache.http.HttpEntityEnclosingRequest", loader);

        requestLine = getter(lookup, request, "getRequestLine", line);
        lineMethod = text(lookup, line, "getMethod", String.class);
        lineUri = text(lookup, line, "getUri", String.class);
        firstHeader = lookup.findVirtual(message, "getFirstHeader", MethodType.methodType(header, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class));
        headers = lookup.findVirtual(message, "getHeaders",
                        MethodType.methodType(java.lang.reflect.Array.newInstance(header, 0).getClass(), String.class))
                .asType(MethodType.methodType(Object[].class, Object.class, String.class));
        headerValue = text(lookup, header, "getValue", String.class);
        removeHeaders = lookup.findVirtual(message, "removeHeaders", MethodType.methodType(void.class, String.class))
                .asType(MethodType.methodType(void.class, Object.class, String.class));
        addHeader = lookup.findVirtual(message, "addHeader",
                        MethodType.methodType(void.class, String.class, String.class))
                .asType(MethodType.methodType(void.class, Object.class, String.class, String.class));
        statusLine = getter(lookup, response, "getStatusLine", status);
        statusCode = lookup.findVirtual(status, "getStatusCode", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
        attribute = lookup.findVirtual(context, "getAttribute", MethodType.methodType(Object.class, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class));
        entity = getter(lookup, entityEnclosing, "getEntity", httpEntity);
        entityRepeatable = lookup.findVirtual(httpEntity, "isRepeatable", MethodType.methodType(boolean.class))
                .asType(MethodType.methodType(boolean.class, Object.class));
        hostScheme = text(lookup, host, "getSchemeName", String.class);
        hostName = text(lookup, host, "getHostName", String.class);
        hostPort = lookup.findVirtual(host, "getPort", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
    }

    /** The handles for the copy of HttpCore that {@code message} (a request or response) belongs to; or null. */
    static HttpCore4 of(Object message) {
        return BY_MESSAGE_CLASS.get(message.getClass());
    }

    /** The handles for the copy of HttpCore that {@code context} belongs to; or null. */
    static HttpCore4 ofContext(Object context) {
        return BY_CONTEXT_CLASS.get(context.getClass());
    }

    /** The request's {@code RequestLine} (HttpClient's wrappers build a new one on each call: ask once). */
    Object requestLine(Object request) throws Throwable {
        return (Object) requestLine.invokeExact(request);
    }

    String method(Object line) throws Throwable {
        return (String) lineMethod.invokeExact(line);
    }

    /** The request-target of a request line: a path, or an absolute URI through a proxy. */
    String requestTarget(Object line) throws Throwable {
        return (String) lineUri.invokeExact(line);
    }

    /** The first Authorization value, or null. */
    String authorization(Object message) throws Throwable {
        Object header = (Object) firstHeader.invokeExact(message, AUTHORIZATION);
        return header == null ? null : (String) headerValue.invokeExact(header);
    }

    /** Every Authorization header replaced by exactly {@code value}, or removed when it is null. */
    void replaceAuthorization(Object request, String value) throws Throwable {
        removeHeaders.invokeExact(request, AUTHORIZATION);
        if (value != null) {
            addHeader.invokeExact(request, AUTHORIZATION, value);
        }
    }

    int statusCode(Object response) throws Throwable {
        return (int) statusCode.invokeExact((Object) statusLine.invokeExact(response));
    }

    List<String> wwwAuthenticate(Object response) throws Throwable {
        Object[] found = (Object[]) headers.invokeExact(response, WWW_AUTHENTICATE);
        String[] values = new String[found.length];
        for (int i = 0; i < found.length; i++) {
            values[i] = (String) headerValue.invokeExact(found[i]);
        }
        return Arrays.asList(values);
    }

    Object attribute(Object context, String name) throws Throwable {
        return (Object) attribute.invokeExact(context, name);
    }

    /** No body, or one the library can send again ({@code HttpEntity.isRepeatable()}). */
    boolean canResend(Object request) throws Throwable {
        if (!entityEnclosing.isInstance(request)) {
            return true;
        }
        Object body = (Object) entity.invokeExact(request);
        return body == null || (boolean) entityRepeatable.invokeExact(body);
    }

    String scheme(Object host) throws Throwable {
        return (String) hostScheme.invokeExact(host);
    }

    String hostName(Object host) throws Throwable {
        return (String) hostName.invokeExact(host);
    }

    int port(Object host) throws Throwable {
        return (int) hostPort.invokeExact(host);
    }

    static Class<?> type(String name, ClassLoader loader) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }

    /** A no-argument method returning a String, typed (Object)String. */
    static MethodHandle text(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type)
            throws ReflectiveOperationException {
        return lookup.findVirtual(owner, name, MethodType.methodType(type))
                .asType(MethodType.methodType(String.class, Object.class));
    }

    /** A no-argument method returning a reference, typed (Object)Object. */
    static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type)
            throws ReflectiveOperationException {
        return lookup.findVirtual(owner, name, MethodType.methodType(type))
                .asType(MethodType.methodType(Object.class, Object.class));
    }
}
