package dev.oauthagent.agent.instrument.okhttp;

import dev.oauthagent.agent.inject.Injector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The members of one copy of OkHttp (one class loader's {@code okhttp3} classes) that {@link OkHttpHop} uses,
 * as method handles bound on the first hop through that copy and kept with its {@code Request} class. Every one
 * has the same name and erased signature from OkHttp 3.12 to 5.x (Kotlin's properties compile to the getters
 * 3.x declared: {@code url()}, {@code code()}, ...).
 *
 * <p>Binding also checks that the copy has each method the agent hooks with a signature it knows, so a version
 * that moved one stays off as a whole: its first request logs, once, which OkHttp version gets no token and
 * why, and every request of it goes out as the application built it.
 */
final class OkHttpMembers {
    private static final Logger log = LoggerFactory.getLogger(OkHttpMembers.class);
    private static final String REQUEST = "okhttp3.Request";

    /** A copy of OkHttp the agent does not know. */
    private static final Object UNKNOWN = new Object();
    /** Per {@code Request} (or {@code Response}) class: its copy's bound members, or {@link #UNKNOWN}. */
    private static final ClassValue<Object> BY_CLASS = new ClassValue<Object>() {
        @Override
        protected Object computeValue(Class<?> type) {
            if (!REQUEST.equals(type.getName())) {
                try {
                    return BY_CLASS.get(Class.forName(REQUEST, false, type.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    return UNKNOWN;
                }
            }
            return bindOrExplain(type);
        }
    };

    private final MethodHandle requestUrl;
    private final MethodHandle urlScheme;
    private final MethodHandle urlHost;
    private final MethodHandle urlPort;
    private final MethodHandle urlText;
    private final MethodHandle requestHeader;
    private final MethodHandle requestBody;
    private final MethodHandle newBuilder;
    private final MethodHandle builderHeader;
    private final MethodHandle builderRemoveHeader;
    private final MethodHandle builderBuild;
    private final MethodHandle responseCode;
    private final MethodHandle responseHeaders;
    private final MethodHandle responseRequest;
    private final MethodHandle networkResponse;
    private final MethodHandle priorResponse;
    private final ReplayableBodies replayable;

    private OkHttpMembers(Class<?> request) throws ReflectiveOperationException {
        ClassLoader loader = request.getClassLoader();
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> httpUrl = Class.forName("okhttp3.HttpUrl", false, loader);
        Class<?> builder = Class.forName("okhttp3.Request$Builder", false, loader);
        Class<?> response = Class.forName("okhttp3.Response", false, loader);
        Class<?> body = Class.forName("okhttp3.RequestBody", false, loader);
        requestUrl = objectGetter(lookup, request, "url", httpUrl);
        urlScheme = text(lookup, httpUrl, "scheme");
        urlHost = text(lookup, httpUrl, "host");
        urlPort = lookup.findVirtual(httpUrl, "port", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
        urlText = text(lookup, httpUrl, "toString");
        requestHeader = lookup.findVirtual(request, "header", MethodType.methodType(String.class, String.class))
                .asType(MethodType.methodType(String.class, Object.class, String.class));
        requestBody = objectGetter(lookup, request, "body", body);
        newBuilder = objectGetter(lookup, request, "newBuilder", builder);
        builderHeader = lookup.findVirtual(builder, "header", MethodType.methodType(builder, String.class, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class, String.class));
        builderRemoveHeader = lookup.findVirtual(builder, "removeHeader", MethodType.methodType(builder, String.class))
                .asType(MethodType.methodType(Object.class, Object.class, String.class));
        builderBuild = objectGetter(lookup, builder, "build", request);
        responseCode = lookup.findVirtual(response, "code", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
        responseHeaders = lookup.findVirtual(response, "headers", MethodType.methodType(List.class, String.class))
                .asType(MethodType.methodType(List.class, Object.class, String.class));
        responseRequest = objectGetter(lookup, response, "request", request);
        networkResponse = objectGetter(lookup, response, "networkResponse", response);
        priorResponse = objectGetter(lookup, response, "priorResponse", response);
        replayable = ReplayableBodies.of(body, loader);
        OkHttpInstrumentation.checkHookedMethods(loader);
    }

    /** The members of the OkHttp copy {@code okHttpObject} (a Request or a Response) belongs to; null if unknown. */
    static OkHttpMembers of(Object okHttpObject) {
        Object members = BY_CLASS.get(okHttpObject.getClass());
        return members == UNKNOWN ? null : (OkHttpMembers) members;
    }

    private static Object bindOrExplain(Class<?> request) {
        try {
            return new OkHttpMembers(request);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.warn("cannot instrument OkHttp {} ({}: {}); its requests get no token", OkHttpVersion.of(request),
                    e.getClass().getSimpleName(), e.getMessage());
            return UNKNOWN;
        }
    }

    private static MethodHandle text(MethodHandles.Lookup lookup, Class<?> owner, String name)
            throws ReflectiveOperationException {
        return lookup.findVirtual(owner, name, MethodType.methodType(String.class))
                .asType(MethodType.methodType(String.class, Object.class));
    }

    private static MethodHandle objectGetter(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type)
            throws ReflectiveOperationException {
        return lookup.findVirtual(owner, name, MethodType.methodType(type))
                .asType(MethodType.methodType(Object.class, Object.class));
    }

    /**
     * The injector's value for {@code request}, decided on its {@code HttpUrl}'s own parts: scheme, host (as OkHttp
     * canonicalised it: lower case, punycode, an IPv6 literal without brackets), port (the scheme's default when the
     * URL names none) and its text from the path on ({@code toString()} returns the text OkHttp keeps). Nothing is
     * allocated.
     */
    String authorizationFor(Injector injector, Object request, String existing) throws Throwable {
        Object url = (Object) requestUrl.invokeExact(request);
        String scheme = (String) urlScheme.invokeExact(url);
        String text = (String) urlText.invokeExact(url);
        return injector.authorizationFor(scheme, (String) urlHost.invokeExact(url), (int) urlPort.invokeExact(url),
                text, pathStart(text, scheme), existing);
    }

    /**
     * Where the path starts in OkHttp's text of a URL: at the first '/' after "scheme://", as OkHttp's own
     * {@code encodedPath()} finds it (a user name or password in that text has its '/' percent-encoded).
     */
    static int pathStart(String url, String scheme) {
        int slash = url.indexOf('/', scheme.length() + 3);
        return slash < 0 ? url.length() : slash;
    }

    /** The request's host, for a log line. */
    String host(Object request) throws Throwable {
        return (String) urlHost.invokeExact((Object) requestUrl.invokeExact(request));
    }

    String header(Object request, String name) throws Throwable {
        return (String) requestHeader.invokeExact(request, name);
    }

    /** A copy of {@code request} whose only {@code name} header is {@code value}. */
    Object withHeader(Object request, String name, String value) throws Throwable {
        Object builder = (Object) newBuilder.invokeExact(request);
        return (Object) builderBuild.invokeExact((Object) builderHeader.invokeExact(builder, name, value));
    }

    /** A copy of {@code request} without any {@code name} header. */
    Object withoutHeader(Object request, String name) throws Throwable {
        Object builder = (Object) newBuilder.invokeExact(request);
        return (Object) builderBuild.invokeExact((Object) builderRemoveHeader.invokeExact(builder, name));
    }

    /** Whether OkHttp itself would send {@code request}'s body again (on a 307 or a retry): see ReplayableBodies. */
    boolean canResend(Object request) throws Throwable {
        return replayable.allows((Object) requestBody.invokeExact(request));
    }

    int code(Object response) throws Throwable {
        return (int) responseCode.invokeExact(response);
    }

    @SuppressWarnings("unchecked")
    List<String> headers(Object response, String name) throws Throwable {
        return (List<String>) responseHeaders.invokeExact(response, name);
    }

    /** The request of the hop as the application and OkHttp's follow-ups see it (no token of ours on it). */
    Object request(Object response) throws Throwable {
        return (Object) responseRequest.invokeExact(response);
    }

    /** The response as it came from the network, or null (served from the cache). */
    Object networkResponse(Object response) throws Throwable {
        return (Object) networkResponse.invokeExact(response);
    }

    /** The response this call's previous hop got (a redirect, a retry), or null. */
    Object priorResponse(Object response) throws Throwable {
        return (Object) priorResponse.invokeExact(response);
    }
}
