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

    private static final JdkHttpClientInternals INSTANCE = new JdkHttpClientInternals();

    private JdkHttpClientInternals() {
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
        try {
            Handles.bound();
        } catch (ExceptionInInitializerError e) {
            throw new IllegalStateException("this JDK's java.net.http is not the one the agent knows: " + e.getCause(),
                    e.getCause());
        }
        return INSTANCE;
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
        return (URI) Handles.REQUEST_URI.invokeExact(request);
    }

    @Override
    public String userAuthorization(Object request) throws Throwable {
        Object headers = (Object) Handles.USER_HEADERS.invokeExact(request);
        Optional<?> value = (Optional<?>) Handles.HEADERS_FIRST_VALUE.invokeExact(headers, AUTHORIZATION);
        return value.isPresent() ? (String) value.get() : null;
    }

    @Override
    public String systemAuthorization(Object request) throws Throwable {
        List<?> values = (List<?>) systemMap(request).get(AUTHORIZATION); // the map ignores case
        return values == null || values.isEmpty() ? null : (String) values.get(0);
    }

    @Override
    public void setSystemAuthorization(Object request, String value) throws Throwable {
        Handles.SET_SYSTEM_HEADER.invokeExact(request, AUTHORIZATION, value);
    }

    @Override
    public void removeSystemAuthorization(Object request) throws Throwable {
        systemMap(request).remove(AUTHORIZATION);
    }

    @Override
    public void removeUserAuthorization(Object request) throws Throwable {
        if (Handles.SET_USER_HEADERS == null) {
            throw new UnsupportedOperationException("this JDK does not let the agent replace a request's headers");
        }
        Object headers = (Object) Handles.USER_HEADERS.invokeExact(request);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> current = (Map<String, List<String>>) Handles.HEADERS_MAP.invokeExact(headers);
        Map<String, List<String>> without = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        without.putAll(current);
        without.remove(AUTHORIZATION);
        Object replaced = (Object) Handles.HEADERS_OF.invokeExact((Map) without, ANY_HEADER);
        Handles.SET_USER_HEADERS.invokeExact(request, replaced);
    }

    @Override
    public int statusCode(Object response) throws Throwable {
        return (int) Handles.STATUS_CODE.invokeExact(response);
    }

    @Override
    public Object request(Object response) throws Throwable {
        return (Object) Handles.RESPONSE_REQUEST.invokeExact(response);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> wwwAuthenticate(Object response) throws Throwable {
        Object headers = (Object) Handles.RESPONSE_HEADERS.invokeExact(response);
        List<?> values = (List<?>) Handles.HEADERS_ALL_VALUES.invokeExact(headers, WWW_AUTHENTICATE);
        return values == null ? Collections.<String>emptyList() : (List<String>) values;
    }

    @Override
    public boolean canResend(Object request) throws Throwable {
        Optional<?> body = (Optional<?>) Handles.BODY_PUBLISHER.invokeExact(request);
        return !body.isPresent() || RESENDABLE_BODIES.contains(body.get().getClass().getName());
    }

    @Override
    public Object copyForResend(Object request) throws Throwable {
        return (Object) Handles.NEW_INSTANCE_FOR_AUTHENTICATION.invokeExact(request);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> systemMap(Object request) throws Throwable {
        return (Map<String, List<String>>) Handles.SYSTEM_HEADERS.invokeExact(request);
    }

    /**
     * The handles, {@code static final} so the JIT treats them as constants and compiles each call into a direct
     * call of the JDK method (handles in instance fields go through their generic invocation path on every
     * request). Initialised by {@link #bind}, after the packages are open to the agent.
     */
    private static final class Handles {
        static final MethodHandle REQUEST_URI;
        static final MethodHandle USER_HEADERS;
        static final MethodHandle SET_USER_HEADERS;
        static final MethodHandle SYSTEM_HEADERS;
        static final MethodHandle SET_SYSTEM_HEADER;
        static final MethodHandle BODY_PUBLISHER;
        static final MethodHandle NEW_INSTANCE_FOR_AUTHENTICATION;
        static final MethodHandle HEADERS_FIRST_VALUE;
        static final MethodHandle HEADERS_ALL_VALUES;
        static final MethodHandle HEADERS_MAP;
        static final MethodHandle HEADERS_OF;
        static final MethodHandle STATUS_CODE;
        static final MethodHandle RESPONSE_REQUEST;
        static final MethodHandle RESPONSE_HEADERS;

        static {
            try {
                ClassLoader loader = ClassLoader.getSystemClassLoader();
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                Class<?> request = Class.forName(REQUEST_IMPL, false, loader);
                Class<?> headers = Class.forName("java.net.http.HttpHeaders", false, loader);
                Class<?> headersBuilder =
                        Class.forName("jdk.internal.net.http.common.HttpHeadersBuilder", false, loader);
                Class<?> response = Class.forName("jdk.internal.net.http.Response", false, loader);

                REQUEST_URI = lookup.findVirtual(request, "uri", MethodType.methodType(URI.class))
                        .asType(MethodType.methodType(URI.class, Object.class));
                USER_HEADERS = lookup.unreflect(accessible(request.getDeclaredMethod("getUserHeaders")))
                        .asType(MethodType.methodType(Object.class, Object.class));
                // The application's headers are an immutable HttpHeaders in a final field; override-existing is
                // the one case that replaces it (the JDK copies the request for every send, so the application's
                // own HttpRequest is never touched). Deep reflection on a final instance field works through
                // JDK 25; JEP 500 (JDK 26) makes it print a warning and later JDKs refuse it: then
                // override-existing of an application header fails (logged once) and the application's header is
                // sent; everything else keeps working.
                SET_USER_HEADERS = finalFieldSetter(lookup, request.getDeclaredField("userHeaders"));
                MethodHandle builderMap =
                        lookup.findVirtual(headersBuilder, "map", MethodType.methodType(Map.class));
                SYSTEM_HEADERS = MethodHandles.filterReturnValue(
                                lookup.unreflect(accessible(request.getDeclaredMethod("getSystemHeadersBuilder"))),
                                builderMap)
                        .asType(MethodType.methodType(Map.class, Object.class));
                SET_SYSTEM_HEADER = lookup.findVirtual(request, "setSystemHeader",
                                MethodType.methodType(void.class, String.class, String.class))
                        .asType(MethodType.methodType(void.class, Object.class, String.class, String.class));
                BODY_PUBLISHER = lookup.findVirtual(request, "bodyPublisher", MethodType.methodType(Optional.class))
                        .asType(MethodType.methodType(Optional.class, Object.class));
                NEW_INSTANCE_FOR_AUTHENTICATION = lookup.findStatic(request, "newInstanceForAuthentication",
                                MethodType.methodType(request, request))
                        .asType(MethodType.methodType(Object.class, Object.class));

                HEADERS_FIRST_VALUE = lookup.findVirtual(headers, "firstValue",
                                MethodType.methodType(Optional.class, String.class))
                        .asType(MethodType.methodType(Optional.class, Object.class, String.class));
                HEADERS_ALL_VALUES = lookup.findVirtual(headers, "allValues",
                                MethodType.methodType(List.class, String.class))
                        .asType(MethodType.methodType(List.class, Object.class, String.class));
                HEADERS_MAP = lookup.findVirtual(headers, "map", MethodType.methodType(Map.class))
                        .asType(MethodType.methodType(Map.class, Object.class));
                HEADERS_OF = lookup.findStatic(headers, "of",
                                MethodType.methodType(headers, Map.class, BiPredicate.class))
                        .asType(MethodType.methodType(Object.class, Map.class, BiPredicate.class));

                STATUS_CODE = lookup.unreflect(accessible(response.getDeclaredMethod("statusCode")))
                        .asType(MethodType.methodType(int.class, Object.class));
                RESPONSE_REQUEST = lookup.unreflect(accessible(response.getDeclaredMethod("request")))
                        .asType(MethodType.methodType(Object.class, Object.class));
                RESPONSE_HEADERS = lookup.unreflect(accessible(response.getDeclaredMethod("headers")))
                        .asType(MethodType.methodType(Object.class, Object.class));
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
