package dev.oauthagent.agent.instrument.httpclient;

import dev.oauthagent.agent.instrument.ModuleAccess;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * {@link HttpClientInternals} on the JDK's {@code jdk.internal.net.http} classes, through method handles bound
 * once at start (agent code is compiled for Java 8 and may not name them). Every member used here has the same
 * shape from JDK 11 to 25; if a future JDK changes one, {@link #bind} fails, the agent logs that it cannot
 * instrument java.net.http, and the client's requests go out as the application built them.
 */
final class JdkHttpClientInternals implements HttpClientInternals {
    static final String REQUEST_IMPL = "jdk.internal.net.http.HttpRequestImpl";
    private static final String AUTHORIZATION = "Authorization";
    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** Bodies held in memory: sending them again sends the same bytes. Not ofInputStream, ofFile, fromPublisher. */
    private static final Set<String> RESENDABLE_BODIES = new HashSet<>(Arrays.asList(
            "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher",
            "jdk.internal.net.http.RequestPublishers$StringPublisher",
            "jdk.internal.net.http.RequestPublishers$EmptyPublisher"));
    private static final BiPredicate<String, String> ANY_HEADER = new BiPredicate<String, String>() {
        @Override
        public boolean test(String name, String value) {
            return true;
        }
    };

    private final MethodHandle uri;
    private final MethodHandle userHeaders;
    private final MethodHandle setUserHeaders;
    private final MethodHandle systemHeaders;
    private final MethodHandle setSystemHeader;
    private final MethodHandle bodyPublisher;
    private final MethodHandle newInstanceForAuthentication;
    private final MethodHandle headersFirstValue;
    private final MethodHandle headersAllValues;
    private final MethodHandle headersMap;
    private final MethodHandle headersOf;
    private final MethodHandle statusCode;
    private final MethodHandle responseRequest;
    private final MethodHandle responseHeaders;

    private JdkHttpClientInternals(ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        Class<?> request = Class.forName(REQUEST_IMPL, false, loader);
        Class<?> headers = Class.forName("java.net.http.HttpHeaders", false, loader);
        Class<?> headersBuilder = Class.forName("jdk.internal.net.http.common.HttpHeadersBuilder", false, loader);
        Class<?> response = Class.forName("jdk.internal.net.http.Response", false, loader);

        uri = lookup.findVirtual(request, "uri", MethodType.methodType(URI.class))
                .asType(MethodType.methodType(URI.class, Object.class));
        userHeaders = lookup.unreflect(accessible(request.getDeclaredMethod("getUserHeaders")))
                .asType(MethodType.methodType(Object.class, Object.class));
        // The application's headers are an immutable HttpHeaders in a final field; override-existing is the one
        // case that replaces it (the JDK copies the request for every send, so the application's own HttpRequest
        // is never touched). Deep reflection on a final instance field works through JDK 25; JEP 500 (JDK 26)
        // makes it print a warning and later JDKs refuse it: then override-existing of an application header
        // fails (logged once) and the application's header is sent; everything else keeps working.
        setUserHeaders = finalFieldSetter(lookup, request.getDeclaredField("userHeaders"));
        MethodHandle builderMap = lookup.findVirtual(headersBuilder, "map", MethodType.methodType(Map.class));
        systemHeaders = MethodHandles.filterReturnValue(
                        lookup.unreflect(accessible(request.getDeclaredMethod("getSystemHeadersBuilder"))), builderMap)
                .asType(MethodType.methodType(Map.class, Object.class));
        setSystemHeader = lookup.findVirtual(request, "setSystemHeader",
                        MethodType.methodType(void.class, String.class, String.class))
                .asType(MethodType.methodType(void.class, Object.class, String.class, String.class));
        bodyPublisher = lookup.findVirtual(request, "bodyPublisher", MethodType.methodType(Optional.class))
                .asType(MethodType.methodType(Optional.class, Object.class));
        newInstanceForAuthentication = lookup.findStatic(request, "newInstanceForAuthentication",
                        MethodType.methodType(request, request))
                .asType(MethodType.methodType(Object.class, Object.class));

        headersFirstValue = lookup.findVirtual(headers, "firstValue", MethodType.methodType(Optional.class, String.class))
                .asType(MethodType.methodType(Optional.class, Object.class, String.class));
        headersAllValues = lookup.findVirtual(headers, "allValues", MethodType.methodType(List.class, String.class))
                .asType(MethodType.methodType(List.class, Object.class, String.class));
        headersMap = lookup.findVirtual(headers, "map", MethodType.methodType(Map.class))
                .asType(MethodType.methodType(Map.class, Object.class));
        headersOf = lookup.findStatic(headers, "of", MethodType.methodType(headers, Map.class, BiPredicate.class))
                .asType(MethodType.methodType(Object.class, Map.class, BiPredicate.class));

        statusCode = lookup.unreflect(accessible(response.getDeclaredMethod("statusCode")))
                .asType(MethodType.methodType(int.class, Object.class));
        responseRequest = lookup.unreflect(accessible(response.getDeclaredMethod("request")))
                .asType(MethodType.methodType(Object.class, Object.class));
        responseHeaders = lookup.unreflect(accessible(response.getDeclaredMethod("headers")))
                .asType(MethodType.methodType(Object.class, Object.class));
    }

    /**
     * Opens the two internal packages to the agent (no {@code --add-opens} for the user) and binds every handle;
     * throws if this JDK's java.net.http is not the one we know.
     */
    static JdkHttpClientInternals bind(Instrumentation inst) throws Exception {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        Class<?> request = Class.forName(REQUEST_IMPL, false, loader);
        ModuleAccess.openPackageOf(inst, request, JdkHttpClientInternals.class);
        ModuleAccess.openPackageOf(inst, Class.forName("jdk.internal.net.http.common.HttpHeadersBuilder", false, loader),
                JdkHttpClientInternals.class);
        return new JdkHttpClientInternals(loader);
    }

    /** Null when this JDK refuses to write final fields. */
    private static MethodHandle finalFieldSetter(MethodHandles.Lookup lookup, Field field) {
        try {
            return lookup.unreflectSetter(accessible(field))
                    .asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }

    @Override
    public URI uri(Object request) throws Throwable {
        return (URI) uri.invokeExact(request);
    }

    @Override
    public String userAuthorization(Object request) throws Throwable {
        Object headers = (Object) userHeaders.invokeExact(request);
        Optional<?> value = (Optional<?>) headersFirstValue.invokeExact(headers, AUTHORIZATION);
        return value.isPresent() ? (String) value.get() : null;
    }

    @Override
    public String systemAuthorization(Object request) throws Throwable {
        List<?> values = (List<?>) systemMap(request).get(AUTHORIZATION); // the map ignores case
        return values == null || values.isEmpty() ? null : (String) values.get(0);
    }

    @Override
    public void setSystemAuthorization(Object request, String value) throws Throwable {
        setSystemHeader.invokeExact(request, AUTHORIZATION, value);
    }

    @Override
    public void removeSystemAuthorization(Object request) throws Throwable {
        systemMap(request).remove(AUTHORIZATION);
    }

    @Override
    public void removeUserAuthorization(Object request) throws Throwable {
        if (setUserHeaders == null) {
            throw new UnsupportedOperationException("this JDK does not let the agent replace a request's headers");
        }
        Object headers = (Object) userHeaders.invokeExact(request);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> current = (Map<String, List<String>>) headersMap.invokeExact(headers);
        Map<String, List<String>> without = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        without.putAll(current);
        without.remove(AUTHORIZATION);
        Object replaced = (Object) headersOf.invokeExact((Map) without, ANY_HEADER);
        setUserHeaders.invokeExact(request, replaced);
    }

    @Override
    public int statusCode(Object response) throws Throwable {
        return (int) statusCode.invokeExact(response);
    }

    @Override
    public Object request(Object response) throws Throwable {
        return (Object) responseRequest.invokeExact(response);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> wwwAuthenticate(Object response) throws Throwable {
        Object headers = (Object) responseHeaders.invokeExact(response);
        List<?> values = (List<?>) headersAllValues.invokeExact(headers, WWW_AUTHENTICATE);
        return values == null ? Collections.<String>emptyList() : (List<String>) values;
    }

    @Override
    public boolean canResend(Object request) throws Throwable {
        Optional<?> body = (Optional<?>) bodyPublisher.invokeExact(request);
        return !body.isPresent() || RESENDABLE_BODIES.contains(body.get().getClass().getName());
    }

    @Override
    public Object copyForResend(Object request) throws Throwable {
        return (Object) newInstanceForAuthentication.invokeExact(request);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> systemMap(Object request) throws Throwable {
        return (Map<String, List<String>>) systemHeaders.invokeExact(request);
    }
}
