package dev.oauthagent.agent.instrument.apache5;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The members of Apache HttpClient 5 (and its httpcore5) the hooks use, bound once per class loader that holds
 * the library, as method handles on its public interfaces: the request's method and path, the headers of requests
 * and responses ({@link Apache5Headers}), the route's target host, a response's status, the classic runtime's
 * {@code execute} (for a resend) and the async callback interface. Every one exists with this shape from 5.1 to 5.6; {@link #bind} fails on a version where one
 * does not, and that version's requests then go out as the application built them.
 */
final class Apache5Members {
    static final String CLIENT_CONTEXT = "org.apache.hc.client5.http.protocol.HttpClientContext";
    private static final String HTTP_REQUEST = "org.apache.hc.core5.http.HttpRequest";
    private static final String HTTP_RESPONSE = "org.apache.hc.core5.http.HttpResponse";
    private static final String ROUTE_INFO = "org.apache.hc.client5.http.RouteInfo";
    private static final String HTTP_ROUTE = "org.apache.hc.client5.http.HttpRoute";
    private static final String HTTP_HOST = "org.apache.hc.core5.http.HttpHost";
    private static final String CLASSIC_REQUEST = "org.apache.hc.core5.http.ClassicHttpRequest";
    private static final String ENTITY = "org.apache.hc.core5.http.HttpEntity";
    private static final String EXEC_RUNTIME = "org.apache.hc.client5.http.classic.ExecRuntime";
    private static final String ASYNC_SCOPE = "org.apache.hc.client5.http.async.AsyncExecChain$Scope";
    static final String ASYNC_CALLBACK = "org.apache.hc.client5.http.async.AsyncExecCallback";

    final ClassLoader loader;
    final String version;
    final Class<?> asyncCallback;
    final Apache5Headers headers;
    private final MethodHandle requestMethod;
    private final MethodHandle requestPath;
    private final MethodHandle responseCode;
    private final MethodHandle contextRoute;
    private final MethodHandle routeTarget;
    private final MethodHandle routeProxy;
    private final MethodHandle hostScheme;
    private final MethodHandle hostName;
    private final MethodHandle hostPort;
    private final MethodHandle requestEntity;
    private final MethodHandle entityRepeatable;
    private final MethodHandle runtimeExecute;
    private final MethodHandle runtimeDisconnect;
    private final MethodHandle scopeRoute;
    private final Class<?> routeInfo;

    private Apache5Members(ClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> route = type(ROUTE_INFO);
        routeInfo = route;
        Class<?> host = type(HTTP_HOST);
        Class<?> context = type(CLIENT_CONTEXT);
        Class<?> classicRequest = type(CLASSIC_REQUEST);
        Class<?> runtime = type(EXEC_RUNTIME);
        headers = new Apache5Headers(loader);
        requestMethod = getter(lookup, type(HTTP_REQUEST), "getMethod", String.class);
        requestPath = getter(lookup, type(HTTP_REQUEST), "getPath", String.class);
        responseCode = lookup.findVirtual(type(HTTP_RESPONSE), "getCode", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
        contextRoute = getter(lookup, context, "getHttpRoute", route);
        routeTarget = getter(lookup, route, "getTargetHost", host);
        routeProxy = getter(lookup, route, "getProxyHost", host);
        hostScheme = getter(lookup, host, "getSchemeName", String.class);
        hostName = getter(lookup, host, "getHostName", String.class);
        hostPort = lookup.findVirtual(host, "getPort", MethodType.methodType(int.class))
                .asType(MethodType.methodType(int.class, Object.class));
        requestEntity = getter(lookup, classicRequest, "getEntity", type(ENTITY));
        entityRepeatable = lookup.findVirtual(type(ENTITY), "isRepeatable", MethodType.methodType(boolean.class))
                .asType(MethodType.methodType(boolean.class, Object.class));
        runtimeExecute = lookup.findVirtual(runtime, "execute", MethodType.methodType(
                        type("org.apache.hc.core5.http.ClassicHttpResponse"), String.class, classicRequest, context))
                .asType(MethodType.methodType(Object.class, Object.class, String.class, Object.class, Object.class));
        runtimeDisconnect = lookup.findVirtual(runtime, "disconnectEndpoint", MethodType.methodType(void.class))
                .asType(MethodType.methodType(void.class, Object.class));
        scopeRoute = lookup.findGetter(type(ASYNC_SCOPE), "route", type(HTTP_ROUTE))
                .asType(MethodType.methodType(Object.class, Object.class));
        asyncCallback = type(ASYNC_CALLBACK);
        version = versionOf(context);
    }

    /** Binds every member from {@code loader}; throws naming the first one this version lacks. */
    static Apache5Members bind(ClassLoader loader) throws ReflectiveOperationException {
        return new Apache5Members(loader);
    }

    /** e.g. "5.6.5", from the jar's manifest; "of unknown version" when it has none. */
    static String versionOf(Class<?> libraryClass) {
        Package pkg = libraryClass.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null ? "of unknown version" : version;
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }

    private static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> owner, String name, Class<?> type)
            throws ReflectiveOperationException {
        MethodHandle handle = lookup.findVirtual(owner, name, MethodType.methodType(type));
        return handle.asType(MethodType.methodType(type.isPrimitive() ? type : Object.class, Object.class));
    }

    String method(Object request) throws Throwable {
        return (String) (Object) requestMethod.invokeExact(request);
    }

    String path(Object request) throws Throwable {
        return (String) (Object) requestPath.invokeExact(request);
    }

    int code(Object response) throws Throwable {
        return (int) responseCode.invokeExact(response);
    }

    /** The route an {@code HttpClientContext} names for the current hop, or null. */
    Object contextRoute(Object context) throws Throwable {
        return (Object) contextRoute.invokeExact(context);
    }

    /** The route of an async exec chain's scope. */
    Object scopeRoute(Object scope) throws Throwable {
        return (Object) scopeRoute.invokeExact(scope);
    }

    /** The target of a route, or {@code routeOrHost} itself when it is a host already. */
    Object hostOf(Object routeOrHost) throws Throwable {
        return routeInfo.isInstance(routeOrHost) ? target(routeOrHost) : routeOrHost;
    }

    Object target(Object route) throws Throwable {
        return (Object) routeTarget.invokeExact(route);
    }

    boolean viaProxy(Object route) throws Throwable {
        return (Object) routeProxy.invokeExact(route) != null;
    }

    String scheme(Object host) throws Throwable {
        return (String) (Object) hostScheme.invokeExact(host);
    }

    String hostName(Object host) throws Throwable {
        return (String) (Object) hostName.invokeExact(host);
    }

    int port(Object host) throws Throwable {
        return (int) hostPort.invokeExact(host);
    }

    /** Whether a classic request has no body, or one the library says it can send again. */
    boolean replayable(Object classicRequest) throws Throwable {
        Object entity = (Object) requestEntity.invokeExact(classicRequest);
        return entity == null || (boolean) entityRepeatable.invokeExact(entity);
    }

    /** {@code ExecRuntime.execute(id, request, context)}: the request once more, on this exchange's endpoint. */
    Object execute(Object runtime, String exchangeId, Object request, Object context) throws Throwable {
        return (Object) runtimeExecute.invokeExact(runtime, exchangeId, request, context);
    }

    /** Closes the exchange's connection; the next {@link #execute} opens a new one to the same route. */
    void disconnect(Object runtime) throws Throwable {
        runtimeDisconnect.invokeExact(runtime);
    }
}
